#!/usr/bin/env python3
"""Runs every banos test and ends with the line "N passed, N failed".

Each test prints "PASS name" or "FAIL name: why"; this script runs the host
unit-test programs, the build checks and the VM boots, streams their lines,
and counts them. Exit status is non-zero if anything failed.

  run-tests.py --build DIR --kernel-abis "1 2" [--only SUBSTRING]
"""
import argparse
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testing import vm  # noqa: E402


class Totals:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def record(self, line):
        print(line, flush=True)
        if line.startswith("PASS "):
            self.passed += 1
        elif line.startswith("FAIL "):
            self.failed += 1
            self.failures.append(line)


def run_host_program(totals, path, prefix):
    env = dict(os.environ, BANOS_TEST_PREFIX=prefix)
    process = subprocess.run([path], capture_output=True, text=True, env=env)
    reported = False
    for line in process.stdout.splitlines():
        if line.startswith(("PASS ", "FAIL ")):
            totals.record(line)
            reported = True
    if process.returncode != 0:
        if not any(l.startswith("FAIL ") for l in process.stdout.splitlines()):
            tail = "\n".join((process.stdout + process.stderr).splitlines()[-20:])
            totals.record(f"FAIL {prefix}program: {path} exited with status {process.returncode}")
            print(tail)
    elif not reported:
        totals.record(f"FAIL {prefix}program: {path} reported no tests")


def run_check(totals, name, command):
    process = subprocess.run(command, capture_output=True, text=True)
    if process.returncode == 0:
        totals.record(f"PASS check.{name}")
    else:
        totals.record(f"FAIL check.{name}: {' '.join(command)} exited {process.returncode} "
                      f"{(process.stdout + process.stderr).strip()}")


def run_vm(totals, name, log_dir, **kwargs):
    result = vm.run(name, os.path.join(log_dir, name + ".log"), **kwargs)
    for line in result.lines:
        totals.record(line)
    if result.failed:
        print(f"---- last {len(result.log_tail)} lines of {name}.log ----")
        for line in result.log_tail:
            print("    " + line)
        print("----")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--kernel-abis", required=True)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    build = args.build
    log_dir = os.path.join(build, "test-logs")
    totals = Totals()

    def wanted(name):
        return args.only in name

    for program in sorted(glob.glob(os.path.join(build, "host", "*-tests"))):
        component = os.path.basename(program)[:-len("-tests")]
        if wanted("host." + component):
            run_host_program(totals, program, f"host.{component}.")

    for abi in args.kernel_abis.split():
        kdir = os.path.join(build, f"kernel-abi{abi}")
        kernel = os.path.join(kdir, "banos")
        tag = f"k{abi}"
        if wanted("check"):
            run_check(totals, f"{tag}.grub-file-multiboot2", ["grub-file", "--is-x86-multiboot2", kernel])
            run_check(totals, f"{tag}.grub-file-multiboot1", ["grub-file", "--is-x86-multiboot", kernel])
        if wanted("selftest"):
            run_vm(totals, f"{tag}.selftest-kernel-boot", log_dir, kernel=kernel, append="test")
            run_vm(totals, f"{tag}.selftest-grub-boot", log_dir, iso=os.path.join(kdir, "banos-test.iso"))
        if wanted("crash"):
            # A deliberate fault must produce a report that names the function.
            crashes = {
                "pagefault": [r"page fault \(#PF\) at address 0x0", r"#0 .* crash_test_null_write\+"],
                "stackoverflow": [r"kernel stack overflow into the guard page", r"crash_test_recurse\+"],
                "assert": [r"assertion failed: test == CrashTest::None", r"kernel::run_crash_test"],
            }
            for crash, patterns in crashes.items():
                run_vm(totals, f"{tag}.panic-report-{crash}", log_dir, kernel=kernel,
                       append=f"test crashtest={crash}", expect_exit="failure",
                       expect=[r"======== PANIC ========"] + patterns + [r"end of panic report"])
        if wanted("boot"):
            # What `make run` shows: GRUB, then the banner and the memory summary.
            run_vm(totals, f"{tag}.grub-boot-banner", log_dir, iso=os.path.join(kdir, "banos.iso"),
                   stop_when="idling", expect=[r"Booting `banos'", r"banos: booting", r"info: memory: \d+ MiB usable"],
                   timeout=60)

    if totals.failures:
        print("\nfailures:")
        for line in totals.failures:
            print("  " + line)
    print(f"{totals.passed} passed, {totals.failed} failed")
    return 1 if totals.failed else 0


if __name__ == "__main__":
    sys.exit(main())
