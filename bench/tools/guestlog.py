"""Reads what bench/guest/ printed (the format is in bench/guest/bench.h):
one Run per BENCH-BEGIN, with its description, boot figure and cases."""
import re


class Run:
    def __init__(self, description):
        self.description = description  # {"platform": "banos", "layer": "fast", ...}
        self.since_kernel_entry_ns = None
        self.tsc_at_start = None        # TSC at main: under TCG, ticks since the machine started
        self.cases = []                 # (name, kind, fields): kind ok|na|fail
        self.ended = False
        self.failures = None


def parse(text):
    runs = []
    for line in text.replace("\r", "").splitlines():
        if line.startswith("BENCH-BEGIN "):
            runs.append(Run(dict(field.split("=", 1) for field in line.split()[1:] if "=" in field)))
        elif not runs:
            continue
        elif line.startswith("BENCH-BOOT "):
            match = re.search(r"since_kernel_entry_ns=(\d+)", line)
            if match:
                runs[-1].since_kernel_entry_ns = int(match.group(1))
            match = re.search(r"tsc=(\d+)", line)
            if match:
                runs[-1].tsc_at_start = int(match.group(1))
        elif line.startswith("BENCH "):
            words = line.split()
            fields = dict(word.split("=", 1) for word in words[2:] if "=" in word)
            runs[-1].cases.append((words[1], "ok", fields))
        elif line.startswith("BENCH-NA ") or line.startswith("BENCH-FAIL "):
            parts = line.split(" ", 2)
            kind = "na" if parts[0] == "BENCH-NA" else "fail"
            runs[-1].cases.append((parts[1], kind, parts[2] if len(parts) > 2 else ""))
        elif line.startswith("BENCH-END "):
            runs[-1].ended = True
            match = re.search(r"failures=(\d+)", line)
            runs[-1].failures = int(match.group(1)) if match else None
    return runs


def result_lines(prefix, run):
    """The run's cases as lines for bench/host/vm-report.cpp."""
    lines = []
    for name, kind, fields in run.cases:
        if kind == "ok":
            lines.append(f"ok {prefix}/{name} {fields['min_ticks']} {fields['median_ticks']} {fields['max_ticks']} "
                         f"tsc {fields['iterations']} {fields['reps']}")
        else:
            lines.append(f"{kind} {prefix}/{name} {fields}")
    return lines
