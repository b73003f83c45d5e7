#!/usr/bin/env python3
"""Proves tools/conformance/coverage.py catches gaps, on the conformance
binaries of a build tree and on doctored copies of them.

  coverage_test.py --build DIR [--abis "1 2"]

For each program ABI with a built suite: the real binary passes; the same
binary with one slot's tests dropped from its records fails, naming that
slot and the ABI; a slots.def with one slot more fails, naming it; a record
naming a slot the ABI lacks fails; a binary without records, or built for
another ABI, fails. Prints "PASS name" / "FAIL name: why" per case.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import coverage  # noqa: E402

CPP = "g++ -E -P -undef -nostdinc -x c"


def run_tool(binary, abi, slots_def=None):
    command = [sys.executable, os.path.join(HERE, "coverage.py"), "--abi", str(abi), "--binary", binary,
               "--cpp", CPP, "--root", ROOT]
    if slots_def:
        command += ["--slots-def", slots_def]
    process = subprocess.run(command, capture_output=True, text=True)
    return process.returncode, process.stdout + process.stderr


def rewrite_records(source, target, edit):
    """Copies `source` to `target` with its .banos.conformance records
    passed through edit(list of records) -> list of records."""
    raw = coverage.section_bytes(source, coverage.SECTION)
    records = [r for r in raw.split(b"\0") if r]
    content = b"\0".join(edit(records)) + b"\0"
    with tempfile.NamedTemporaryFile(delete=False) as section:
        section.write(content)
    try:
        subprocess.run(["objcopy", f"--update-section={coverage.SECTION}={section.name}", source, target],
                       check=True, capture_output=True)
    finally:
        os.unlink(section.name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--abis", default="1 2")
    args = parser.parse_args()
    results = []

    def case(name, ok, why):
        results.append(ok)
        print(f"PASS {name}" if ok else f"FAIL {name}: {why}", flush=True)

    work = tempfile.mkdtemp(prefix="coverage-test-")
    try:
        for abi in args.abis.split():
            binary = os.path.join(args.build, "user", f"abi{abi}", "bin", "conformance")
            prefix = f"abi{abi}."
            if not os.path.exists(binary):
                case(prefix + "built", False, f"{binary} is missing: build it first")
                continue
            status, output = run_tool(binary, abi)
            case(prefix + "real_suite_passes", status == 0, output.strip())

            # Drop every record that names the ABI's last slot: a gap.
            slots = coverage.read_slots(os.path.join(ROOT, f"abi-versions/v{abi}/program/slots.def"), CPP, ROOT)
            last = max(slots, key=slots.get)
            gap = os.path.join(work, f"gap{abi}")
            rewrite_records(binary, gap, lambda records: [r for r in records
                                                          if last.encode() not in r.partition(b":")[2].split()])
            status, output = run_tool(gap, abi)
            case(prefix + "missing_slot_fails", status == 1 and f"{last} ({slots[last]})" in output
                 and f"program ABI {abi}" in output, f"exit {status}: {output.strip()}")

            # A slots.def with one slot no test covers.
            extended = os.path.join(work, f"slots{abi}.def")
            with open(extended, "w") as out:
                out.write(f'#include "abi-versions/v{abi}/program/slots.def"\n'
                          "SLOT(127, int32_t, imaginary_call, (void), ())\n")
            status, output = run_tool(binary, abi, extended)
            case(prefix + "new_slot_fails", status == 1 and "imaginary_call (127)" in output,
                 f"exit {status}: {output.strip()}")

            # A test naming a slot the ABI does not have.
            unknown = os.path.join(work, f"unknown{abi}")
            rewrite_records(binary, unknown, lambda records: records + [b"fixture.typo:reed"])
            status, output = run_tool(unknown, abi)
            case(prefix + "unknown_slot_fails", status == 1 and "'reed'" in output, f"exit {status}: {output.strip()}")

            # Built for another ABI.
            other = os.path.join(work, f"other{abi}")
            rewrite_records(binary, other, lambda records: [r if not r.startswith(b"@program-abi=")
                                                            else b"@program-abi=9" for r in records])
            status, output = run_tool(other, abi)
            case(prefix + "wrong_abi_fails", status == 1 and "built for program ABI 9" in output,
                 f"exit {status}: {output.strip()}")

            # No records at all.
            bare = os.path.join(work, f"bare{abi}")
            subprocess.run(["objcopy", f"--remove-section={coverage.SECTION}", binary, bare], check=True)
            status, output = run_tool(bare, abi)
            case(prefix + "no_records_fails", status == 1 and "no .banos.conformance section" in output,
                 f"exit {status}: {output.strip()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
