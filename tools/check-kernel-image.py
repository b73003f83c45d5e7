#!/usr/bin/env python3
"""Checks the properties of the kernel file both boot loaders rely on.

 * The multiboot1 header lies in the first 8 KiB and the multiboot2 header in
   the first 32 KiB of the file, on their required alignment.
 * The loadable segments' file offsets mirror their physical addresses, so
   the single range named by multiboot1's load addresses holds them all.
"""
import struct
import sys


def fail(path, message):
    print(f"check-kernel-image: {path}: {message}", file=sys.stderr)
    sys.exit(1)


def main(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        fail(path, "not a 64-bit ELF file")
    e_phoff, = struct.unpack_from("<Q", data, 0x20)
    e_phentsize, e_phnum = struct.unpack_from("<HH", data, 0x36)
    loads = []
    for i in range(e_phnum):
        p_type, _flags, p_offset, _vaddr, p_paddr, p_filesz, p_memsz, _align = \
            struct.unpack_from("<IIQQQQQQ", data, e_phoff + i * e_phentsize)
        if p_type == 1:
            loads.append((p_offset, p_paddr, p_filesz, p_memsz))
    if not loads:
        fail(path, "no loadable segments")
    first_offset, first_paddr = loads[0][0], loads[0][1]
    for offset, paddr, filesz, memsz in loads:
        if offset - first_offset != paddr - first_paddr:
            fail(path, f"segment at physical {paddr:#x} is at file offset {offset:#x}, "
                       "not where multiboot1 will load it from")

    mb1 = data.find(struct.pack("<I", 0x1BADB002))
    if mb1 < 0 or mb1 + 32 > 8192 or mb1 % 4:
        fail(path, "no 4-byte aligned multiboot1 header in the first 8 KiB")
    magic, flags, checksum = struct.unpack_from("<III", data, mb1)
    if (magic + flags + checksum) & 0xFFFFFFFF:
        fail(path, "multiboot1 checksum is wrong")
    mb2 = data.find(struct.pack("<I", 0xE85250D6))
    if mb2 < 0 or mb2 + 16 > 32768 or mb2 % 8:
        fail(path, "no 8-byte aligned multiboot2 header in the first 32 KiB")


if __name__ == "__main__":
    main(sys.argv[1])
