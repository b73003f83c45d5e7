#!/usr/bin/env python3
"""Writes a Linux initramfs (cpio "newc") from DESTINATION=SOURCE pairs.

  mkcpio.py OUT.cpio /init=build/bench/linux/bench /dev/console=char:5:1 /sys=dir

A SOURCE is a file (kept with mode 0755 if executable, else 0644),
"dir" (mode 0755) or "char:MAJOR:MINOR[:MODE]" (a device node, by default
mode 0600): no root
privileges are needed for device nodes, which is why this is not cpio(1).
Entries are dated 0 and written in order, parents first.
"""
import os
import sys


def header(number, mode, size, name, rdev=(0, 0)):
    fields = [number, mode, 0, 0, 1, 0, size, 0, 0, rdev[0], rdev[1], len(name) + 1, 0]
    data = b"070701" + b"".join(b"%08x" % field for field in fields) + name.encode() + b"\0"
    return data + b"\0" * (-len(data) % 4)


def main(out, pairs):
    entries = []
    seen = set()
    for pair in pairs:
        destination, source = pair.split("=", 1)
        path = destination.strip("/")
        parts = path.split("/")
        for depth in range(1, len(parts)):
            parent = "/".join(parts[:depth])
            if parent not in seen:
                seen.add(parent)
                entries.append((parent, 0o040755, b"", (0, 0)))
        seen.add(path)
        if source == "dir":
            entries.append((path, 0o040755, b"", (0, 0)))
        elif source.startswith("char:"):
            fields = source.split(":")[1:]
            mode = int(fields[2], 8) if len(fields) > 2 else 0o600
            entries.append((path, 0o020000 | mode, b"", (int(fields[0]), int(fields[1]))))
        else:
            data = open(source, "rb").read()
            mode = 0o100755 if os.access(source, os.X_OK) else 0o100644
            entries.append((path, mode, data, (0, 0)))
    with open(out + ".tmp", "wb") as archive:
        for number, (path, mode, data, rdev) in enumerate(entries, start=1):
            archive.write(header(number, mode, len(data), path, rdev))
            archive.write(data + b"\0" * (-len(data) % 4))
        archive.write(header(0, 0, 0, "TRAILER!!!"))
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
