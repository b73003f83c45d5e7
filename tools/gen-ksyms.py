#!/usr/bin/env python3
"""Builds the kernel's embedded symbol table (see sys/kernel/symbols.h).

  gen-ksyms.py --empty OUT          an empty table for the first link
  gen-ksyms.py KERNEL.elf OUT       the table of KERNEL's code symbols
  gen-ksyms.py --verify KERNEL OUT  fails unless OUT describes KERNEL exactly
"""
import struct
import subprocess
import sys

MAGIC = b"BKSYMS1\0"


def code_symbols(elf):
    out = subprocess.run(["nm", "-n", "-S", "--defined-only", "-C", elf],
                         check=True, capture_output=True, text=True).stdout
    symbols = []
    for line in out.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) == 4:
            address, size, kind, name = parts
        elif len(parts) == 3:
            address, kind, name = parts
            size = "0"
        else:
            continue
        if kind not in ("t", "T", "W", "w"):
            continue
        symbols.append((int(address, 16), int(size, 16), name))
    symbols.sort(key=lambda s: s[0])
    return symbols


def encode(symbols):
    strings = bytearray()
    entries = bytearray()
    for address, size, name in symbols:
        entries += struct.pack("<QII", address, min(size, 0xFFFFFFFF), len(strings))
        strings += name.encode() + b"\0"
    header_size = 8 + 8 + 8
    return MAGIC + struct.pack("<QQ", len(symbols), header_size + len(entries)) + bytes(entries) + bytes(strings)


def main(argv):
    if len(argv) == 3 and argv[1] == "--empty":
        open(argv[2], "wb").write(encode([]))
        return 0
    if len(argv) == 4 and argv[1] == "--verify":
        expected = encode(code_symbols(argv[2]))
        actual = open(argv[3], "rb").read()
        if expected != actual:
            print(f"gen-ksyms: {argv[2]}: code moved between the link passes; "
                  "the .ksyms section must stay after all code", file=sys.stderr)
            return 1
        return 0
    if len(argv) == 3:
        open(argv[2], "wb").write(encode(code_symbols(argv[1])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
