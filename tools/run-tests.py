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
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testing import bench_smoke, vm  # noqa: E402

FUZZ_RUNS = 20000


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


def run_coverage_tests(totals, build, program_abis):
    """The conformance suites' build-time slot check must catch a gap:
    tools/conformance/coverage_test.py runs it on doctored suites."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conformance", "coverage_test.py")
    process = subprocess.run([sys.executable, script, "--build", build, "--abis", program_abis],
                             capture_output=True, text=True)
    lines = [line for line in process.stdout.splitlines() if line.startswith(("PASS ", "FAIL "))]
    for line in lines:
        totals.record(line.replace(" ", " host.conformance-coverage.", 1))
    if process.returncode != 0 and not any(line.startswith("FAIL ") for line in lines):
        totals.record(f"FAIL host.conformance-coverage: exited {process.returncode}: "
                      f"{(process.stdout + process.stderr).strip()[-400:]}")


def run_fuzzer(totals, harness, name, build):
    """A fixed number of libFuzzer runs from the checked-in seeds: any crash or
    sanitizer report fails it."""
    corpus = os.path.join(build, "fuzz", name + "-corpus")
    os.makedirs(corpus, exist_ok=True)
    log = os.path.join(build, "fuzz", name + ".log")
    with open(log, "w") as out:
        process = subprocess.run([harness, f"-runs={FUZZ_RUNS}", "-timeout=10", "-rss_limit_mb=2048",
                                  f"-artifact_prefix={os.path.join(build, 'fuzz', name)}-",
                                  corpus, os.path.join("sys", "tests", "fuzz", "corpus", name)],
                                 stdout=out, stderr=subprocess.STDOUT)
    if process.returncode == 0:
        totals.record(f"PASS fuzz.{name}")
    else:
        first = next((l.strip() for l in open(log, errors="replace")
                      if "ERROR:" in l or "runtime error" in l or "assertion failed" in l), "harness failed")
        totals.record(f"FAIL fuzz.{name}: {first} (log: {log})")


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


# Each cell: the conformance suite with the normal and the always-trap
# layer, then dynamically linked (ld-elf, libc.so.N) with each, a program
# of an ABI no layer serves (refused, with a log line naming both ABIs),
# then a PIE program and a dynamic one to show the system carried on.
MATRIX_INIT = ",".join([
    "/bin/conformance",
    "BANOS_SYSLAYER=trap+/bin/conformance",
    "/bin/conformance-dynamic",
    "BANOS_SYSLAYER=trap+/bin/conformance-dynamic",
    "!/bin/hello-noabi",
    "/bin/hello-pie",
    "/bin/hello-dynamic",
])
MATRIX_RUNS = [("fast", "statically"), ("always-trap", "statically"), ("fast", "dynamically"),
               ("always-trap", "dynamically")]


def conformance_runs_complete(log_path, kernel_abi, program_abi):
    """Problems with the cell's four conformance runs (normal, then always-trap
    layer, linked statically, then dynamically): each must announce the
    cell's ABIs and report every test it announced, so a run that dies
    half-way cannot pass for a short suite, and all four must have the same
    number of tests."""
    header = re.compile(r"^conformance: program ABI (\d+) on kernel ABI (\d+), (\S+) layer, (\d+) tests, (\S+) linked")
    runs = []
    try:
        lines = open(log_path, errors="replace").read().replace("\r", "").splitlines()
    except OSError as error:
        return [str(error)]
    for line in lines:
        match = header.match(line)
        if match:
            runs.append([match.group(1), match.group(2), (match.group(3), match.group(5)), int(match.group(4)), 0])
        elif runs and re.match(r"^(PASS|FAIL) conformance\.", line):
            runs[-1][4] += 1
    problems = []
    if [run[2] for run in runs] != MATRIX_RUNS:
        problems.append(f"expected the runs {MATRIX_RUNS}, found {[run[2] for run in runs]}")
    if len({run[3] for run in runs}) > 1:
        problems.append(f"the runs announced different numbers of tests: {[run[3] for run in runs]}")
    for program, kernel, (layer, linking), announced, reported in runs:
        layer = f"{layer} {linking} linked"
        if (program, kernel) != (str(program_abi), str(kernel_abi)):
            problems.append(f"the {layer} run says program ABI {program} on kernel ABI {kernel}")
        # One line per test, plus the suite's own check that no files were left.
        if reported != announced + 1:
            problems.append(f"the {layer} run announced {announced} tests and reported {reported - 1}")
    return problems


def run_matrix_cell(totals, build, log_dir, kernel_abi, program_abi):
    name = f"matrix-k{kernel_abi}-p{program_abi}"
    log_path = os.path.join(log_dir, name + ".log")
    result = vm.run(name, log_path,
                    kernel=os.path.join(build, f"kernel-abi{kernel_abi}", "banos"),
                    initrd=[os.path.join(build, "images", f"initrd-k{kernel_abi}-p{program_abi}.tar")],
                    append=f"test noselftest init={MATRIX_INIT}",
                    expect=[rf"exec: /bin/hello-noabi: no syscall layer for program ABI 9 on kernel ABI {kernel_abi}",
                            r"PASS init\.run:/bin/hello-pie", r"PASS init\.run:/bin/hello-dynamic"],
                    timeout=300)
    problems = conformance_runs_complete(log_path, kernel_abi, program_abi)
    result.lines.insert(len(result.lines) - 1, f"FAIL vm.{name}/conformance.complete: {'; '.join(problems)}"
                        if problems else f"PASS vm.{name}/conformance.complete")
    failed = result.failed or bool(problems)
    for line in result.lines:
        totals.record(line)
    if failed:
        print(f"---- last {len(result.log_tail)} lines of {name}.log ----")
        for line in result.log_tail:
            print("    " + line)
        print("----")
    passed = sum(1 for line in result.lines if line.startswith("PASS "))
    return passed, len(result.lines), not failed


# The system's own tests inside the VM: processes, files, the shell suite.
SYSTEM_INIT = ",".join([
    "/bin/kernel_process_test",
    "/bin/kernel_files_test",
    "/bin/sh+/share/tests/shell/run-all.sh",
])


def run_system_tests(totals, build, log_dir, kernel_abi, program_abi):
    run_vm(totals, f"k{kernel_abi}.system-p{program_abi}", log_dir,
           kernel=os.path.join(build, f"kernel-abi{kernel_abi}", "banos"),
           initrd=[os.path.join(build, "images", f"initrd-k{kernel_abi}-p{program_abi}.tar")],
           append=f"test noselftest init={SYSTEM_INIT}", expect=[r"PASS init\.memory_returned"], timeout=240)


def programs_in_bin(initrd):
    import tarfile
    with tarfile.open(initrd) as archive:
        return [os.path.basename(m.name) for m in archive.getmembers()
                if m.isfile() and os.path.dirname(m.name).strip("./") == "bin"]


def run_console_session(totals, log_dir, kernel_abi, iso, initrd):
    """A person at the console: init starts the shell on the terminal; line
    editing, ^C, ^D and exit behave as they should."""
    name = f"k{kernel_abi}.console"
    console = vm.Console(os.path.join(log_dir, name + ".log"), iso=iso)
    prompt = r"# $"
    steps = []

    def step(check, ok, why=""):
        ok = bool(ok)
        steps.append(ok)
        totals.record(f"PASS vm.{name}/{check}" if ok else f"FAIL vm.{name}/{check}: {why}")
        return ok

    try:
        if not step("prompt", console.expect(prompt, timeout=60), "no shell prompt on the console"):
            return
        console.type("echo typed $((6*7))\r")
        step("command", console.expect(r"^typed 42\s*$"), "echo did not run")
        console.expect(prompt)
        console.type("echo abc\x7f\x7fX\r")
        step("erase", console.expect(r"^aX\s*$"), "DEL did not erase")
        console.expect(prompt)
        console.type("sleep 30\r")
        time.sleep(1.0)
        console.type("\x03")
        step("ctrl_c_kills_foreground", console.expect(prompt, timeout=10), "^C did not end sleep")
        console.type("echo status $?\r")
        step("ctrl_c_status", console.expect(r"^status 130\s*$"), "sleep did not die of SIGINT")
        console.expect(prompt)
        expected = sum(1 for name in programs_in_bin(initrd) if "sh" in name)
        console.type("ls /bin | grep sh | wc -l\r")
        step("pipeline", console.expect(rf"^\s*{expected}\s*$"), f"expected {expected} names with 'sh'")
        console.expect(prompt)
        console.type("dmesg | grep -c 'root file system ready'\r")
        step("dmesg", console.expect(r"^1\s*$"), "the kernel log is not in /proc/kmsg")
        console.expect(prompt)
        console.type("cat\r")
        time.sleep(0.5)
        console.type("a line\r")
        step("cat_echoes_line", console.expect(r"a line\s*\n.*a line", timeout=10), "cat did not echo the line")
        console.type("\x04")
        step("ctrl_d_end_of_file", console.expect(prompt, timeout=10), "^D did not end cat")
        console.type("id -u; exit\r")
        step("exit_and_respawn", console.expect(r"^0\s*$") and console.expect(prompt, timeout=30),
             "the shell did not come back after exit")
    finally:
        if len(steps) < 10 or not all(steps):
            print(f"---- last lines of {name}.log ----")
            for line in console.tail():
                print("    " + line)
        console.close()


def check_matrix_rows(totals, matrix, program_abis, kernel_abis):
    """A program ABI's suite is the same binary on every kernel: its row
    must report the same number of tests in every column."""
    for p in program_abis:
        counts = {k: matrix[(p, k)][1] for k in kernel_abis if (p, k) in matrix}
        if len(counts) < 2:
            continue
        if len(set(counts.values())) == 1:
            totals.record(f"PASS matrix.program-abi-{p}.same_test_count")
        else:
            listed = ", ".join(f"kernel ABI {k}: {n}" for k, n in counts.items())
            totals.record(f"FAIL matrix.program-abi-{p}.same_test_count: {listed}")


def print_matrix(matrix, program_abis, kernel_abis):
    print("\nmatrix: program ABI (rows) on kernel ABI (columns), tests passed per combination")
    print("             " + "".join(f"kernel {k:<6}" for k in kernel_abis))
    for p in program_abis:
        cells = []
        for k in kernel_abis:
            passed, total, ok = matrix.get((p, k), (0, 0, False))
            cells.append(f"{passed}/{total}{'' if ok else ' FAIL':<5}".ljust(13))
        print(f"program {p:<4} " + "".join(cells))
    good = sum(1 for _, _, ok in matrix.values() if ok)
    print(f"matrix: {good}/{len(matrix)} combinations passed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--kernel-abis", required=True)
    parser.add_argument("--program-abis", default="1 2")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    build = args.build
    log_dir = os.path.join(build, "test-logs")
    totals = Totals()
    matrix = {}

    def wanted(name):
        return args.only in name

    for program in sorted(glob.glob(os.path.join(build, "host", "*-tests"))):
        component = os.path.basename(program)[:-len("-tests")]
        if wanted("host." + component):
            run_host_program(totals, program, f"host.{component}.")

    if wanted("host.conformance-coverage"):
        run_coverage_tests(totals, build, args.program_abis)

    for harness in sorted(glob.glob(os.path.join(build, "fuzz", "*_fuzz"))):
        name = os.path.basename(harness)[:-len("_fuzz")]
        if wanted("fuzz." + name):
            run_fuzzer(totals, harness, name, build)

    # The frozen program-ABI contracts: the check and the append-only update.
    if wanted("abi-contract"):
        run_host_program(totals, os.path.join(os.path.dirname(os.path.abspath(__file__)), "abi", "test_contract.py"),
                         "abi-contract.")

    for abi in args.kernel_abis.split():
        kdir = os.path.join(build, f"kernel-abi{abi}")
        kernel = os.path.join(kdir, "banos")
        tag = f"k{abi}"
        if wanted("check"):
            run_check(totals, f"{tag}.grub-file-multiboot2", ["grub-file", "--is-x86-multiboot2", kernel])
            run_check(totals, f"{tag}.grub-file-multiboot1", ["grub-file", "--is-x86-multiboot", kernel])
        if wanted("selftest"):
            run_vm(totals, f"{tag}.selftest-kernel-boot", log_dir, kernel=kernel, append="test")
            # Through GRUB: the self-tests, then a program from the boot
            # archive GRUB loaded as a module.
            run_vm(totals, f"{tag}.selftest-grub-boot", log_dir, iso=os.path.join(kdir, "banos-test.iso"),
                   expect=[r"PASS init\.run:/bin/conformance", r"boot: multiboot2 via GRUB"])
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
        if wanted("matrix"):
            for program_abi in args.program_abis.split():
                matrix[(program_abi, abi)] = run_matrix_cell(totals, build, log_dir, abi, program_abi)
        if wanted("syslayer-option") and abi != "1":
            # The kernel option gives every process the always-trap layer,
            # with no environment switch (kernel ABI 1 has only traps).
            program_abi = args.program_abis.split()[-1]
            run_vm(totals, f"{tag}.syslayer-option-trap", log_dir, kernel=kernel,
                   initrd=[os.path.join(build, "images", f"initrd-k{abi}-p{program_abi}.tar")],
                   append="test noselftest syslayer=trap init=/bin/conformance",
                   expect=[rf"conformance: program ABI {program_abi} on kernel ABI {abi}, always-trap layer",
                           r"PASS init\.run:/bin/conformance"],
                   timeout=180)
        if wanted("dlopen") and "3" in args.program_abis.split():
            # ld-elf's tests (bin/tests/dl/): an ABI 3 program, libraries
            # of ABIs 3 and 1, the dl* calls and the start-up errors.
            run_vm(totals, f"{tag}.dlopen", log_dir, kernel=kernel,
                   initrd=[os.path.join(build, "images", f"initrd-k{abi}-p3.tar")],
                   append="test noselftest init=/bin/dltest", expect=[r"PASS init\.run:/bin/dltest"], timeout=180)
        if wanted("system"):
            for program_abi in args.program_abis.split():
                run_system_tests(totals, build, log_dir, abi, program_abi)
        if wanted("console"):
            run_console_session(totals, log_dir, abi, os.path.join(kdir, "banos.iso"),
                                os.path.join(build, "images", f"initrd-k{abi}-p{args.program_abis.split()[-1]}.tar"))
        if wanted("modules"):
            # banos modules, booted through GRUB: modules from module2 lines
            # (rtcticks sleeps in its init and installs; failing_timer
            # sleeps and refuses), the samples installed from the shell, the
            # malformed suite.
            run_vm(totals, f"{tag}.modules-grub", log_dir, iso=os.path.join(kdir, "banos-modules.iso"),
                   expect=[r"module: installed 'syscount'",
                           r"module: installed 'rtcticks'",
                           r"module: 'failing_timer' init failed \(No such device or address\)",
                           r"PASS modules\.shell",
                           r"PASS init\.run:/bin/module_test", r"PASS init\.memory_returned"],
                   timeout=240)
        if wanted("boot"):
            # What `make run` shows: GRUB, then the banner and the memory summary.
            run_vm(totals, f"{tag}.grub-boot-banner", log_dir, iso=os.path.join(kdir, "banos.iso"),
                   stop_when="init: banos user space",
                   expect=[r"Booting `banos'", r"banos: booting", r"info: memory: \d+ MiB usable",
                           r"init: banos user space"],
                   timeout=60)

    # The benchmark programs build and run (a few iterations; no timing is judged).
    if wanted("bench"):
        bench_smoke.run(totals, run_vm, build, log_dir, args.kernel_abis.split())

    # `make matrix` alone also runs the shell-level tests at the matrix's
    # two far corners: the oldest userland on the newest kernel and the
    # newest userland on the oldest kernel (`make test` runs them for every
    # combination already).
    if wanted("matrix") and not wanted("system"):
        kernels, programs = args.kernel_abis.split(), args.program_abis.split()
        for kernel_abi, program_abi in sorted({(kernels[-1], programs[0]), (kernels[0], programs[-1])}):
            run_system_tests(totals, build, log_dir, kernel_abi, program_abi)

    check_matrix_rows(totals, matrix, args.program_abis.split(), args.kernel_abis.split())
    if totals.failures:
        print("\nfailures:")
        for line in totals.failures:
            print("  " + line)
    # `make test` ends with the totals, `make matrix` with the matrix.
    if args.only == "matrix":
        print(f"{totals.passed} passed, {totals.failed} failed")
        print_matrix(matrix, args.program_abis.split(), args.kernel_abis.split())
    else:
        if matrix:
            print_matrix(matrix, args.program_abis.split(), args.kernel_abis.split())
        print(f"{totals.passed} passed, {totals.failed} failed")
    return 1 if totals.failed else 0


if __name__ == "__main__":
    sys.exit(main())
