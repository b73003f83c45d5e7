#!/usr/bin/env python3
"""make bench: runs every benchmark and prints the tables and target lines.

  bench/run.py --build build --kernel-abis "1 2 3" [--boot-reps N] [--quick]

1. In QEMU (the tests' settings), for each kernel ABI: /bin/bench with the
   normal layer, then again with BANOS_SYSLAYER=trap (the always-trap layer).
2. The same benchmarks as a static Linux /init on Debian's kernel.
3. Boot time: banos through -kernel and through GRUB, Linux through
   -kernel, each a few times, to the guest's first program.
4. The guests' figures go through bench/host/vm-report (Google Benchmark,
   manual time) into build/bench/vm.json; the host fast-path benchmark
   writes build/bench/host.json. The tables are read back from the JSON.
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tools"))
import guestlog  # noqa: E402
import report  # noqa: E402
import vmboot  # noqa: E402


def linux_kernel():
    kernels = sorted(glob.glob("/boot/vmlinuz-*"))
    return kernels[-1] if kernels else None


class Bench:
    def __init__(self, args):
        self.build = args.build
        self.out = os.path.join(args.build, "bench")
        self.logs = os.path.join(self.out, "logs")
        self.kernel_abis = args.kernel_abis.split()
        self.quick = args.quick
        self.boot_reps = args.boot_reps
        self.results = []   # lines for vm-report
        self.problems = []
        self.case_names = []

    def note_cases(self, run):
        for name, _, _ in run.cases:
            if name not in self.case_names:
                self.case_names.append(name)

    def check(self, what, boot, runs, expected_layers):
        problem = boot.problem()
        layers = [run.description.get("layer", "native") for run in runs]
        if problem:
            self.problems.append(f"{what}: {problem} (log: {boot_log(self, what)})")
        if layers != expected_layers:
            self.problems.append(f"{what}: expected runs {expected_layers}, found {layers}")
        for run in runs:
            if not run.ended:
                self.problems.append(f"{what}: a run stopped before BENCH-END")
            elif run.failures:
                self.problems.append(f"{what}: {run.failures} cases failed")

    def guest_arguments(self):
        return ["--quick"] if self.quick else []

    def banos_calls(self, k):
        what = f"banos-k{k}-calls"
        words = "+".join(["/bin/bench"] + self.guest_arguments())
        print(f"bench: banos kernel ABI {k}: the calls, fast layer then always-trap layer", flush=True)
        boot = vmboot.run(boot_log(self, what), timeout=900,
                          kernel=os.path.join(self.build, f"kernel-abi{k}", "banos"),
                          initrd=[os.path.join(self.out, f"initrd-k{k}.tar")],
                          # loglevel=error: the module.install case's refused
                          # installs log a warning each, which the serial port
                          # would otherwise make part of the measurement.
                          append=f"test noselftest loglevel=error init={words},BANOS_SYSLAYER=trap+{words}")
        runs = guestlog.parse(boot.text)
        self.check(what, boot, runs, ["fast", "trap"])
        for run in runs:
            self.note_cases(run)
            self.results += guestlog.result_lines(f"vm/banos-k{k}/{run.description.get('layer')}", run)

    def linux_calls(self, kernel):
        what = "linux-calls"
        print(f"bench: Linux ({os.path.basename(kernel)}): the same calls", flush=True)
        boot = vmboot.run(boot_log(self, what), timeout=900, kernel=kernel,
                          initrd=[os.path.join(self.out, "linux", "initramfs.cpio")],
                          append=" ".join(["console=ttyS0 quiet --"] + self.guest_arguments()))
        runs = guestlog.parse(boot.text)
        self.check(what, boot, runs, ["native"])
        for run in runs:
            self.note_cases(run)
            self.results += guestlog.result_lines("vm/linux/native", run)

    def boots(self, kernel):
        """Each configuration booted boot_reps times, interleaved so load
        changes on the host spread over all of them."""
        configurations = []
        for k in self.kernel_abis:
            banos = os.path.join(self.build, f"kernel-abi{k}", "banos")
            initrd = os.path.join(self.out, f"initrd-k{k}.tar")
            configurations.append((f"banos-k{k}/kernel", dict(kernel=banos, initrd=[initrd],
                                                              append="test noselftest init=/bin/bench+--boot-only")))
            configurations.append((f"banos-k{k}/grub", dict(iso=os.path.join(self.out, f"banos-k{k}.iso"))))
        if kernel:
            configurations.append(("linux/kernel", dict(kernel=kernel, initrd=[os.path.join(self.out, "linux",
                                                                                           "initramfs.cpio")],
                                                        append="console=ttyS0 quiet -- --boot-only")))
        # Per configuration: QEMU start to the first program's first line
        # (host clock, ns), kernel entry to it (guest clock, ns), machine
        # reset to it (guest TSC = host TSC ticks under TCG).
        figures = (("qemu_start_to_user", "ns"), ("entry_to_user", "ns"), ("reset_to_user", "tsc"))
        samples = {name: {figure: [] for figure, _ in figures} for name, _ in configurations}
        print(f"bench: boot time, {len(configurations)} configurations x {self.boot_reps}", flush=True)
        for rep in range(self.boot_reps):
            for name, boot_arguments in configurations:
                what = f"boot-{name.replace('/', '-')}-{rep}"
                boot = vmboot.run(boot_log(self, what), timeout=300, **boot_arguments)
                runs = guestlog.parse(boot.text)
                self.check(what, boot, runs, ["native"] if name.startswith("linux") else ["fast"])
                if not runs or boot.marker_seconds is None:
                    continue
                for figure, sample in (("qemu_start_to_user", boot.marker_seconds * 1e9),
                                       ("entry_to_user", runs[0].since_kernel_entry_ns),
                                       ("reset_to_user", runs[0].tsc_at_start)):
                    if sample is not None:
                        samples[name][figure].append(sample)
        for name, by_figure in samples.items():
            for figure, unit in figures:
                values = by_figure[figure]
                if values:
                    self.results.append(f"ok boot/{name}/{figure} {min(values):.0f} {statistics.median(values):.0f} "
                                        f"{max(values):.0f} {unit} 1 {len(values)}")
                else:
                    self.results.append(f"fail boot/{name}/{figure} no boot reached the first program")

    def google_benchmark(self):
        results = os.path.join(self.out, "vm-results.txt")
        with open(results, "w") as f:
            f.write("# written by bench/run.py from the serial logs in logs/\n")
            f.write("\n".join(self.results) + "\n")
        vm_json = os.path.join(self.out, "vm.json")
        host_json = os.path.join(self.out, "host.json")
        print("bench: the guests' figures through Google Benchmark", flush=True)
        subprocess.run([os.path.join(self.out, "vm-report"), results, f"--benchmark_out={vm_json}",
                        "--benchmark_out_format=json"], check=True, stdout=subprocess.DEVNULL)
        print("bench: the layer's fast paths on the host CPU", flush=True)
        subprocess.run([os.path.join(self.out, "host-fastpath"), f"--benchmark_out={host_json}",
                        "--benchmark_out_format=json", "--benchmark_repetitions=3",
                        "--benchmark_report_aggregates_only=true",
                        "--benchmark_min_time=" + ("0.01" if self.quick else "0.2")],
                       check=True, stdout=subprocess.DEVNULL)
        return vm_json, host_json


def boot_log(bench, what):
    return os.path.join(bench.logs, what + ".log")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--kernel-abis", required=True)
    parser.add_argument("--boot-reps", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a few iterations of everything (a smoke run)")
    args = parser.parse_args()
    bench = Bench(args)
    kernel = linux_kernel()
    for k in bench.kernel_abis:
        bench.banos_calls(k)
    if kernel:
        bench.linux_calls(kernel)
    else:
        bench.problems.append("no Linux kernel in /boot (Debian package linux-image-amd64): no Linux figures")
    bench.boots(kernel)
    vm_json, host_json = bench.google_benchmark()

    vm_figures = report.load(vm_json)
    host_figures = report.load(host_json)
    reference = bench.kernel_abis[-1]
    print()
    report.vm_table(vm_figures, bench.case_names, bench.kernel_abis, reference)
    report.unavailable_notes(vm_figures)
    systems = [(f"banos k{k} {path}", f"boot/banos-k{k}/{'kernel' if path == '-kernel' else 'grub'}")
               for k in bench.kernel_abis for path in ("-kernel", "GRUB")] + [("linux -kernel", "boot/linux/kernel")]
    report.boot_table(vm_figures, systems)
    report.host_table(host_figures)
    print(f"JSON: {vm_json}, {host_json}; serial logs: {bench.logs}")
    for problem in bench.problems:
        print(f"problem: {problem}")
    print()
    for line in report.targets(vm_figures, reference):
        print(line)
    return 1 if bench.problems else 0


if __name__ == "__main__":
    sys.exit(main())
