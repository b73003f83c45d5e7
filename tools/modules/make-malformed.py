#!/usr/bin/env python3
"""Makes the malformed-module suite from a module the build made: one file
per rule the loader checks, each breaking exactly that rule.

    make-malformed.py GOOD.ko OUT_DIR

The base should be a module whose init fails, so a file the loader wrongly
accepted would still not pass for a refusal of the expected kind."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from elf_symbols import Elf  # noqa: E402

SHDR_SIZE = 64


def main():
    good_path, out_dir = sys.argv[1], sys.argv[2]
    elf = Elf(good_path)
    good = elf.data
    shoff, = struct.unpack_from("<Q", good, 40)
    shstrndx, = struct.unpack_from("<H", good, 62)
    index_of = {s["name"]: i for i, s in enumerate(elf.sections)}

    def patched(changes):
        data = bytearray(good)
        for offset, fmt, value in changes:
            struct.pack_into(fmt, data, offset, value)
        return bytes(data)

    def header_field(section, offset):
        return shoff + index_of[section] * SHDR_SIZE + offset

    symtab = next(s for s in elf.sections if s["type"] == 2)
    rela_text = elf.section(".rela.text")
    names = elf.sections[shstrndx]
    driver_name_at = names["offset"] + elf.section(".banos-driver")["name_index"]
    cases = {
        "truncated.ko": good[:len(good) // 2],
        "wrong-machine.ko": patched([(18, "<H", 3)]),
        "wrong-type.ko": patched([(16, "<H", 2)]),
        "section-outside-file.ko": patched([(header_field(".text", 24), "<Q", len(good) + 4096)]),
        # The second symbol's name index far past the string table.
        "bad-string-index.ko": patched([(symtab["offset"] + 24 * 2, "<I", 0x7ffffff0)]),
        # R_X86_64_GOTPC32_TLSDESC (34) is no module's business.
        "unknown-relocation.ko": patched([(rela_text["offset"] + 8, "<I", 34)]),
        # ".banos-driver" renamed ".banos-drivex": no record at all.
        "no-driver-record.ko": patched([(driver_name_at + len(".banos-drive"), "<B", ord("x"))]),
    }
    os.makedirs(out_dir, exist_ok=True)
    for name, data in cases.items():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
