#!/usr/bin/env python3
"""ld-elf's bootstrap rule, checked on every build: ld-elf runs before
anything could relocate it, so it must have no dynamic relocations at all
(no DT_RELA/DT_REL/DT_RELR/DT_JMPREL entries with a size, no TEXTREL), no
PT_INTERP, and an entry point. Fails naming what breaks the rule.

Also checked, for start-up speed: ld-elf's .data and .bss share one page
(every dynamically linked program's start copies that page; a second one
is another fault and another frame).

  check-bootstrap.py LD_ELF_FILE
"""
import struct
import sys

DT_NAMES = {2: "DT_PLTRELSZ", 7: "DT_RELA", 8: "DT_RELASZ", 17: "DT_REL", 18: "DT_RELSZ", 22: "DT_TEXTREL",
            23: "DT_JMPREL", 35: "DT_RELRSZ", 36: "DT_RELR"}
SIZE_TAGS = {2, 8, 18, 35}


def main():
    path = sys.argv[1]
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        sys.exit(f"check-bootstrap: {path}: not an ELF64 file")
    e_type, = struct.unpack_from("<H", data, 16)
    e_entry, e_phoff = struct.unpack_from("<QQ", data, 24)
    e_phentsize, e_phnum = struct.unpack_from("<HH", data, 54)
    problems = []
    if e_type != 3:
        problems.append("not ET_DYN")
    if e_entry == 0:
        problems.append("no entry point")
    data_pages = None
    for i in range(e_phnum):
        p_type, p_flags, p_offset, p_vaddr, _, p_filesz, p_memsz = struct.unpack_from("<IIQQQQQ", data,
                                                                                      e_phoff + i * e_phentsize)
        if p_type == 1 and p_flags & 2 and p_filesz and data_pages is None:
            data_pages = ((p_vaddr + p_memsz - 1) >> 12) - (p_vaddr >> 12) + 1
        if p_type == 3:
            problems.append("it has a PT_INTERP")
        if p_type != 2:
            continue
        for at in range(p_offset, p_offset + p_filesz, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:
                break
            if tag == 22 or (tag in SIZE_TAGS and value) or (tag in (7, 17, 23, 36) and value):
                problems.append(f"{DT_NAMES[tag]} = {value:#x}")
    if problems:
        print(f"check-bootstrap: {path} breaks ld-elf's bootstrap rule (no relocations of its own): "
              + "; ".join(problems), file=sys.stderr)
        print("check-bootstrap: look for initialized data holding addresses (pointer tables, vtables, "
              "function pointers in statics) and make them code or offsets", file=sys.stderr)
        sys.exit(1)
    if data_pages and data_pages > 1:
        print(f"check-bootstrap: {path}: ld-elf's .data and .bss span {data_pages} pages; keep them in one "
              "(shrink the statics, e.g. the first allocation chunk in src/system.cpp)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
