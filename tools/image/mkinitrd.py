#!/usr/bin/env python3
"""Writes a boot archive (POSIX ustar) from DESTINATION=SOURCE pairs.

  mkinitrd.py OUT.tar /bin/init=build/user/abi2/bin/init /tmp/=dir:1777 ...

A SOURCE of "dir:MODE[:UID:GID]" makes an empty directory. Entries are
dated 0 and sorted, so the same inputs always give the same archive.
Programs get mode 0755, other files 0644, owned by root; parent
directories are added (0755, root).
"""
import io
import os
import subprocess
import sys
import tarfile
import tempfile


def program_bytes(source, destination):
    """A program's bytes without its debug information (the build keeps the
    full file for gdb); anything else as it is. banos modules (.ko) go in
    exactly as built: stripped already, and the malformed ones must stay so."""
    data = open(source, "rb").read()
    if data[:4] != b"\x7fELF" or destination.endswith(".ko"):
        return data
    with tempfile.NamedTemporaryFile() as stripped:
        subprocess.run(["strip", "--strip-debug", "-o", stripped.name, source], check=True)
        return open(stripped.name, "rb").read()


def main(out, pairs):
    files = {}
    directories = {}
    for pair in pairs:
        destination, source = pair.split("=", 1)
        path = destination.strip("/")
        if source.startswith("dir:"):
            fields = source.split(":")[1:]
            mode = int(fields[0], 8)
            uid, gid = (int(fields[1]), int(fields[2])) if len(fields) == 3 else (0, 0)
            directories[path] = (mode, uid, gid)
        else:
            files[path] = source
    for path in list(files) + list(directories):
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            directories.setdefault("/".join(parts[:i]), (0o755, 0, 0))
    tmp = out + ".tmp"
    with tarfile.open(tmp, "w", format=tarfile.USTAR_FORMAT) as archive:
        for directory in sorted(directories):
            mode, uid, gid = directories[directory]
            info = tarfile.TarInfo("./" + directory)
            info.type = tarfile.DIRTYPE
            info.mode = mode
            info.uid, info.gid = uid, gid
            archive.addfile(info)
        for path in sorted(files):
            data = program_bytes(files[path], path)
            info = tarfile.TarInfo("./" + path)
            info.size = len(data)
            executable = data[:4] == b"\x7fELF" and "/syslayer/" not in "/" + path
            info.mode = 0o755 if executable else 0o644
            archive.addfile(info, io.BytesIO(data))
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
