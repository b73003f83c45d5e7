#!/usr/bin/env python3
"""Checks a banos module file as the build made it (DESIGN.md, "banos
modules"): an x86_64 ET_REL with one .banos-driver record, only banos_*
symbols global, and every undefined symbol exported by each given kernel or
by a module the record requires.

    check-module.py MODULE.ko --kernel banos.elf... --modules DIR [--allow-missing SYMBOL...] [--allow-absent MODULE...]
"""
import argparse
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from elf_symbols import Elf, SHN_UNDEF, STB_LOCAL, exported_names  # noqa: E402

RECORD_SIZE = 224
NAME_SIZE = 32
REQUIRED_OFFSET = 96
REQUIRED_COUNT = 4


def c_string(raw):
    return raw.split(b"\0", 1)[0].decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("module")
    parser.add_argument("--kernel", nargs="+", required=True)
    parser.add_argument("--modules", required=True)
    parser.add_argument("--allow-missing", nargs="*", default=[])
    parser.add_argument("--allow-absent", nargs="*", default=[], help="required modules the build does not make")
    args = parser.parse_args()
    elf = Elf(args.module)
    problems = []
    if elf.type != 1 or elf.machine != 62:
        problems.append(f"not an x86_64 ET_REL (type {elf.type}, machine {elf.machine})")
    record = elf.section_bytes(".banos-driver")
    requirements = []
    if record is None or len(record) != RECORD_SIZE:
        problems.append(f"needs exactly one {RECORD_SIZE}-byte .banos-driver record")
    else:
        size, magic = struct.unpack_from("<II", record, 0)
        if size != RECORD_SIZE or magic != 0x44534f42:
            problems.append(".banos-driver has a bad size or magic")
        for i in range(REQUIRED_COUNT):
            at = REQUIRED_OFFSET + i * NAME_SIZE
            name = c_string(record[at:at + NAME_SIZE])
            if name:
                requirements.append(name)
    defined_globals = set()
    undefined = set()
    for name, binding, shndx in elf.symbols():
        if shndx == SHN_UNDEF and name:
            undefined.add(name)
        elif binding != STB_LOCAL and name:
            defined_globals.add(name)
    for name in sorted(defined_globals):
        if not name.startswith("banos_"):
            problems.append(f"global symbol '{name}' is not a banos_ name (it should be local)")
    offered = {}
    for required in requirements:
        path = os.path.join(args.modules, required + ".ko")
        if required in args.allow_absent:
            continue
        if not os.path.exists(path):
            problems.append(f"requires module '{required}', which the build has not made ({path})")
            continue
        offered[required] = exported_names(path)
    for kernel in args.kernel:
        kernel_exports = exported_names(kernel)
        for name in sorted(undefined - set(args.allow_missing)):
            if name not in kernel_exports and not any(name in names for names in offered.values()):
                problems.append(f"'{name}' is exported neither by {kernel} nor by a required module "
                                f"({', '.join(requirements) or 'none required'})")
    if problems:
        for problem in dict.fromkeys(problems):
            print(f"{args.module}: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
