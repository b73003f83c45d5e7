#!/usr/bin/env python3
"""Copies a banos program, changing the program ABI its "banos" note names.

  set-program-abi.py IN OUT ABI

Tests use it to make a program for an ABI no layer serves, which exec must
refuse with ENOEXEC and a log line while the system carries on.
"""
import struct
import sys

NT_BANOS_PROGRAM_ABI = 1


def main(source, destination, abi):
    data = bytearray(open(source, "rb").read())
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _, p_offset, _, _, p_filesz, _, _ = struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type != 4:  # PT_NOTE
            continue
        at, end = p_offset, p_offset + p_filesz
        while at + 12 <= end:
            namesz, descsz, kind = struct.unpack_from("<III", data, at)
            name = bytes(data[at + 12:at + 12 + namesz]).rstrip(b"\0")
            desc = at + 12 + ((namesz + 3) & ~3)
            if name == b"banos" and kind == NT_BANOS_PROGRAM_ABI and descsz >= 4:
                struct.pack_into("<I", data, desc, abi)
                open(destination, "wb").write(data)
                return 0
            at = desc + ((descsz + 3) & ~3)
    print(f"set-program-abi: {source} has no banos program-ABI note", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
