"""The readable side of `make bench`: tables and target lines from the
Google Benchmark JSON files (the JSON is the record; this only reads it)."""
import json
import re


def load(path):
    """name -> {"ns": real time, "cpu_ns": cpu time} or {"error": why}; names
    lose Google Benchmark's "/iterations:1/manual_time" suffixes."""
    with open(path) as f:
        data = json.load(f)
    figures = {}
    for entry in data.get("benchmarks", []):
        name = re.sub(r"(/iterations:\d+)?(/manual_time)?$", "", entry["name"])
        if entry.get("error_occurred"):
            figures[name] = {"error": entry.get("error_message", "error")}
            continue
        scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[entry.get("time_unit", "ns")]
        figures[name] = {"ns": entry["real_time"] * scale, "cpu_ns": entry["cpu_time"] * scale}
    return figures


def duration(ns):
    if ns is None:
        return "-"
    if ns < 1e3:
        return f"{ns:.1f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} us"
    if ns < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def value(figures, name, key="ns"):
    entry = figures.get(name)
    return entry.get(key) if entry else None


def cell(figures, name):
    entry = figures.get(name)
    if entry is None:
        return "-"
    if "error" in entry:
        return "n/a" if entry["error"].startswith("unavailable") else "FAILED"
    return duration(entry["ns"])


def ratio(a, b):
    return a / b if a is not None and b else None


def print_table(title, header, rows):
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    print(title)
    for row in [header] + rows:
        print("  " + "  ".join(str(text).ljust(widths[0]) if i == 0 else str(text).rjust(widths[i])
                               for i, text in enumerate(row)))
    print()


def vm_table(figures, case_names, kernel_abis, reference_kernel):
    header = ["in the VM (fastest batch, per op)"]
    columns = []
    for k in kernel_abis:
        for layer in ("fast", "trap"):
            header.append(f"k{k} {layer}")
            columns.append(f"vm/banos-k{k}/{layer}")
    header += ["linux", f"k{reference_kernel} fast/linux"]
    rows = []
    for case in case_names:
        row = [case] + [cell(figures, f"{column}/{case}") for column in columns]
        row.append(cell(figures, f"vm/linux/native/{case}"))
        r = ratio(value(figures, f"vm/banos-k{reference_kernel}/fast/{case}"), value(figures, f"vm/linux/native/{case}"))
        row.append(f"{r:.2f}x" if r is not None else "-")
        rows.append(row)
    print_table("Calls and process operations in QEMU (TCG, -cpu max); 'trap' is the always-trap layer, "
                "null_trap is banos_syscall_count on banos and a raw getpid on Linux", header, rows)


def unavailable_notes(figures):
    notes = sorted({(name.split("/")[-1], entry["error"]) for name, entry in figures.items()
                    if "error" in entry})
    for case, why in notes:
        print(f"  {case}: {why}")
    if notes:
        print()


def boot_table(figures, systems):
    rows = []
    for label, prefix in systems:
        rows.append([label] + [cell(figures, f"{prefix}/{figure}")
                               for figure in ("qemu_start_to_user", "reset_to_user", "entry_to_user")])
    print_table("Boot to the first user program (fastest of the boots): from QEMU's start (host clock), from "
                "the machine's reset (guest TSC), from kernel entry (the guest kernel's clock)",
                ["boot", "QEMU start", "machine reset", "kernel entry"], rows)


def host_table(figures):
    """The medians of the repetitions."""
    rows = [[name[:-len("_median")], duration(entry.get("cpu_ns")), duration(entry.get("ns"))]
            for name, entry in figures.items() if name.endswith("_median") and "error" not in entry]
    print_table("On the host CPU (Google Benchmark; the layer's readers on pages built in memory)",
                ["host", "cpu time", "wall time"], rows)


def target_line(name, measured, goal):
    if measured is None:
        return f"target {name}: not measured (goal <= {goal:g}) missed"
    return f"target {name}: {measured:.3f} (goal <= {goal:g}) {'met' if measured <= goal else 'missed'}"


def targets(figures, kernel):
    fast = f"vm/banos-k{kernel}/fast"
    trap = f"vm/banos-k{kernel}/trap"
    linux = "vm/linux/native"
    return [
        target_line("fast_getpid_vs_indirect_call",
                    ratio(value(figures, f"{fast}/getpid"), value(figures, f"{fast}/call.indirect")), 2),
        target_line("fast_clock_gettime_monotonic_vs_linux_vdso",
                    ratio(value(figures, f"{fast}/clock_gettime.monotonic"),
                          value(figures, f"{linux}/clock_gettime.monotonic")), 1),
        target_line("null_trap_vs_linux_getpid_syscall",
                    ratio(value(figures, f"{trap}/null_trap"), value(figures, f"{linux}/null_trap")), 0.5),
        target_line("dynamic_vs_static_hello_exec_to_main",
                    ratio(value(figures, f"{fast}/exec_to_main.dynamic_hello"),
                          value(figures, f"{fast}/exec_to_main.static_hello")), 2),
        target_line("kernel_entry_to_user_vs_linux_boot_to_init",
                    ratio(value(figures, f"boot/banos-k{kernel}/kernel/entry_to_user"),
                          value(figures, "boot/linux/kernel/entry_to_user")), 0.1),
    ]
