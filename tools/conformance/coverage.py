#!/usr/bin/env python3
"""Fails the build when a slot of a program ABI has no conformance test.

  coverage.py --abi P --binary build/user/abiP/bin/conformance [--slots-def FILE]
              [--cpp "g++ -E -P -undef -nostdinc -x c"] [--root .] [--list]

The conformance suite (bin/tests/conformance/) records, for each test
compiled into the program, "area.name:slot slot ..." in the ELF section
.banos.conformance (NUL-separated strings, not loaded), plus one
"@program-abi=P" record. This reads those records and the slots of program
ABI P, taken from its slots.def (abi-versions/vP/program/slots.def unless
--slots-def says otherwise) by the C preprocessor exactly as libc/gen does,
and fails, naming the ABI and the slots, when

  * a slot of the ABI has no test,
  * a test names a slot the ABI does not have (a typo, or a test compiled
    for an ABI it does not apply to),
  * the binary was built for another ABI, or carries no records at all.

--list prints, for every slot, the tests that cover it.
"""
import argparse
import os
import shlex
import struct
import subprocess
import sys

SECTION = ".banos.conformance"
ABI_RECORD = "@program-abi="


class CoverageError(Exception):
    pass


def section_bytes(path, wanted):
    """The contents of section `wanted` of the ELF64 file at `path`, or None."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise CoverageError(f"{path}: not a 64-bit little-endian ELF file")
    e_shoff, = struct.unpack_from("<Q", data, 0x28)
    e_shentsize, e_shnum, e_shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if e_shoff == 0 or e_shnum == 0 or e_shstrndx >= e_shnum:
        raise CoverageError(f"{path}: no section table")

    def header(index):
        base = e_shoff + index * e_shentsize
        if base + 64 > len(data):
            raise CoverageError(f"{path}: section header {index} lies outside the file")
        name, kind, _flags, _addr, offset, size = struct.unpack_from("<IIQQQQ", data, base)
        return name, kind, offset, size

    _, _, names_offset, names_size = header(e_shstrndx)
    for index in range(e_shnum):
        name, kind, offset, size = header(index)
        end = data.find(b"\0", names_offset + name, names_offset + names_size)
        if end < 0:
            continue
        if data[names_offset + name:end].decode("ascii", "replace") != wanted:
            continue
        if kind == 8:  # SHT_NOBITS
            return b""
        if offset + size > len(data):
            raise CoverageError(f"{path}: section {wanted} lies outside the file")
        return data[offset:offset + size]
    return None


def read_records(path):
    """(program ABI recorded, {test name: [slot, ...]})."""
    raw = section_bytes(path, SECTION)
    if raw is None:
        raise CoverageError(f"{path}: no {SECTION} section: not a conformance suite built with "
                            "bin/tests/conformance/conformance.h")
    abi = None
    tests = {}
    for record in raw.split(b"\0"):
        text = record.decode("ascii", "replace").strip()
        if not text:
            continue
        if text.startswith(ABI_RECORD):
            abi = text[len(ABI_RECORD):]
            continue
        name, _, slots = text.partition(":")
        if not name or not slots.split():
            raise CoverageError(f"{path}: malformed record {text!r} (expected 'area.name:slot ...')")
        tests.setdefault(name, []).extend(slots.split())
    return abi, tests


def read_slots(slots_def, cpp, root):
    """{slot name: number} of a slots.def, through the C preprocessor."""
    if not os.path.exists(slots_def):
        raise CoverageError(f"{slots_def}: no such file")
    source = ("#define SLOT(number, result, name, parameters, arguments) @slot number name\n"
              f'#include "{os.path.abspath(slots_def)}"\n')
    command = shlex.split(cpp) + ["-I", root, "-"]
    process = subprocess.run(command, input=source, capture_output=True, text=True)
    if process.returncode != 0:
        raise CoverageError(f"preprocessing {slots_def} failed ({' '.join(command)}):\n{process.stderr.strip()}")
    slots = {}
    for line in process.stdout.splitlines():
        words = line.split()
        # With -P the preprocessor may join lines; every slot starts with @slot.
        for i, word in enumerate(words):
            if word == "@slot" and i + 2 < len(words):
                slots[words[i + 2]] = int(words[i + 1], 0)
    if not slots:
        raise CoverageError(f"{slots_def}: no SLOT(...) lines")
    return slots


def check(abi, binary, slots_def, cpp, root, listing=False, out=sys.stdout):
    """Returns the list of problems (empty: covered)."""
    recorded_abi, tests = read_records(binary)
    slots = read_slots(slots_def, cpp, root)
    problems = []
    if recorded_abi != str(abi):
        problems.append(f"{binary} was built for program ABI {recorded_abi or '(unrecorded)'}, "
                        f"not program ABI {abi}")
    covered = {}
    for test, names in sorted(tests.items()):
        for name in names:
            if name not in slots:
                problems.append(f"test conformance.{test} names slot '{name}', which program ABI {abi} "
                                f"does not have ({slots_def})")
            covered.setdefault(name, []).append(test)
    missing = sorted((number, name) for name, number in slots.items() if name not in covered)
    if missing:
        names = ", ".join(f"{name} ({number})" for number, name in missing)
        problems.append(f"program ABI {abi}: {len(missing)} of its {len(slots)} slots have no conformance test: "
                        f"{names}. Add a TEST naming them to bin/tests/conformance/ (compiled for ABI {abi}).")
    if listing:
        for name, number in sorted(slots.items(), key=lambda item: item[1]):
            print(f"{number:4} {name:20} {' '.join(covered.get(name, ['-']))}", file=out)
        print(f"program ABI {abi}: {len(tests)} tests cover {len(slots) - len(missing)} of {len(slots)} slots",
              file=out)
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--abi", required=True, type=int)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--slots-def")
    parser.add_argument("--cpp", default="g++ -E -P -undef -nostdinc -x c")
    parser.add_argument("--root", default=".")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    slots_def = args.slots_def or os.path.join(args.root, f"abi-versions/v{args.abi}/program/slots.def")
    try:
        problems = check(args.abi, args.binary, slots_def, args.cpp, args.root, args.list)
    except CoverageError as error:
        problems = [str(error)]
    for problem in problems:
        print(f"conformance coverage: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
