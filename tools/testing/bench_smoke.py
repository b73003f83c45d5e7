"""Smoke tests of the benchmarks (make bench is never part of make test):
the programs build and run a few iterations, and their figures travel
through Google Benchmark to the report. Nothing here judges a speed."""
import json
import os
import subprocess
import sys
import tempfile

from testing import vm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "tools"))
import guestlog  # noqa: E402
import report  # noqa: E402


def _run_quick_linux_program(build):
    """The Linux build of the guest program is an ordinary Linux program:
    run it on the host, a few iterations of each case."""
    linux = os.path.join(build, "bench", "linux")
    process = subprocess.run([os.path.join(linux, "bench"), "--quick", f"--hello-dir={linux}"],
                             capture_output=True, text=True, timeout=120)
    return process, guestlog.parse(process.stdout)


def _check_linux_program(build):
    process, runs = _run_quick_linux_program(build)
    if process.returncode != 0 or len(runs) != 1 or not runs[0].ended or runs[0].failures != 0:
        return None, f"status {process.returncode}: {(process.stdout + process.stderr)[-400:]}"
    kinds = {name: kind for name, kind, _ in runs[0].cases}
    for name in ("call.indirect", "getpid", "clock_gettime.monotonic", "null_trap", "fork.exit.wait",
                 "exec.static_hello", "exec.dynamic_hello", "exec_to_main.static_hello",
                 "exec_to_main.dynamic_hello", "pipe.ping_pong"):
        if kinds.get(name) != "ok":
            return None, f"case {name}: {kinds.get(name, 'missing')}"
    if kinds.get("module.install") != "na":
        return None, "module.install should be reported as not measured on Linux"
    return runs[0], None


def _check_vm_report(build, run):
    """The guest lines become Google Benchmark JSON with manual time; a case
    that cannot run becomes an error entry, not a number."""
    with tempfile.TemporaryDirectory() as scratch:
        results = os.path.join(scratch, "results.txt")
        with open(results, "w") as f:
            f.write("\n".join(guestlog.result_lines("vm/smoke/native", run)) + "\n")
            f.write("na vm/smoke/native/unavailable.case not yet available: smoke\n")
        out = os.path.join(scratch, "vm.json")
        process = subprocess.run([os.path.join(build, "bench", "vm-report"), results, f"--benchmark_out={out}",
                                  "--benchmark_out_format=json"], capture_output=True, text=True, timeout=60)
        if process.returncode != 0:
            return f"vm-report exited {process.returncode}: {process.stderr[-400:]}"
        figures = report.load(out)
        with open(out) as f:
            entries = {entry["name"]: entry for entry in json.load(f)["benchmarks"]}
    # Ticks in, ticks kept as a counter, time out.
    ticks = float(next(fields for name, kind, fields in run.cases if name == "getpid")["min_ticks"])
    entry = entries.get("vm/smoke/native/getpid/iterations:1/manual_time", {})
    if abs(entry.get("tsc_ticks", -1) - ticks) > 0.01 or not figures.get("vm/smoke/native/getpid", {}).get("ns"):
        return f"getpid is {entry} in the JSON; the guest said {ticks} ticks"
    if "error" not in figures.get("vm/smoke/native/unavailable.case", {}):
        return "an unavailable case is not an error entry"
    return None


def _check_host_fastpath(build):
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "host.json")
        process = subprocess.run([os.path.join(build, "bench", "host-fastpath"), "--benchmark_min_time=0.001",
                                  f"--benchmark_out={out}", "--benchmark_out_format=json"],
                                 capture_output=True, text=True, timeout=120)
        if process.returncode != 0:
            return f"host-fastpath exited {process.returncode}: {process.stderr[-400:]}"
        with open(out) as f:
            names = {entry["name"] for entry in json.load(f)["benchmarks"]}
    for name in ("BM_Call/indirect_floor", "BM_Call/layer_getpid", "BM_Call/raw_getpid_syscall",
                 "BM_LayerClock/k3_monotonic", "BM_VdsoClock/monotonic"):
        if name not in names:
            return f"{name} missing from {sorted(names)}"
    return None


def run(totals, run_vm, build, log_dir, kernel_abis):
    """Records PASS/FAIL lines named bench.smoke.*; run_vm is run-tests.py's."""
    run_result, problem = _check_linux_program(build)
    totals.record(f"FAIL bench.smoke.linux-program: {problem}" if problem else "PASS bench.smoke.linux-program")
    if run_result is not None:
        problem = _check_vm_report(build, run_result)
        totals.record(f"FAIL bench.smoke.vm-report: {problem}" if problem else "PASS bench.smoke.vm-report")
    problem = _check_host_fastpath(build)
    totals.record(f"FAIL bench.smoke.host-fastpath: {problem}" if problem else "PASS bench.smoke.host-fastpath")
    # The banos guest program, both layers, a few iterations each.
    for k in kernel_abis:
        run_vm(totals, f"k{k}.bench-smoke", log_dir,
               kernel=os.path.join(build, f"kernel-abi{k}", "banos"),
               initrd=[os.path.join(build, "bench", f"initrd-k{k}.tar")],
               append="test noselftest init=/bin/bench+--quick,BANOS_SYSLAYER=trap+/bin/bench+--quick",
               expect=[rf"^BENCH-BEGIN platform=banos kernel_abi={k} program_abi=\d+ layer=fast",
                       rf"^BENCH-BEGIN platform=banos kernel_abi={k} program_abi=\d+ layer=trap",
                       r"^BENCH getpid iterations=\d+", r"^BENCH fork\.exit\.wait iterations=\d+",
                       r"^BENCH exec\.static_hello iterations=\d+", r"^BENCH pipe\.ping_pong iterations=\d+",
                       r"^BENCH exec_to_main\.static_hello iterations=\d+",
                       r"^BENCH exec_to_main\.dynamic_hello iterations=\d+",
                       r"^BENCH-END failures=0[\s\S]*^BENCH-END failures=0"],
               forbid=[r"^BENCH-FAIL "], timeout=120)
