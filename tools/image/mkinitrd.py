#!/usr/bin/env python3
"""Writes a boot archive (POSIX ustar) from DESTINATION=SOURCE pairs.

  mkinitrd.py OUT.tar /bin/init=build/user/abi2/bin/init ...

Entries are owned by root, dated 0, and sorted, so the same inputs always
give the same archive. Programs get mode 0755, other files 0644; parent
directories are added.
"""
import io
import os
import sys
import tarfile


def main(out, pairs):
    files = {}
    for pair in pairs:
        destination, source = pair.split("=", 1)
        files[destination.lstrip("/")] = source
    directories = set()
    for path in files:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            directories.add("/".join(parts[:i]))
    tmp = out + ".tmp"
    with tarfile.open(tmp, "w", format=tarfile.USTAR_FORMAT) as archive:
        for directory in sorted(directories):
            info = tarfile.TarInfo("./" + directory)
            info.type = tarfile.DIRTYPE
            info.mode = 0o755
            archive.addfile(info)
        for path in sorted(files):
            data = open(files[path], "rb").read()
            info = tarfile.TarInfo("./" + path)
            info.size = len(data)
            info.mode = 0o755 if data[:4] == b"\x7fELF" and "/syslayer/" not in path else 0o644
            archive.addfile(info, io.BytesIO(data))
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
