"""Boots one machine for the benchmarks with the tests' QEMU settings
(tools/testing/vm.py), reading its serial line through a pipe so the moment
the guest's first program speaks is known: the host side of boot time."""
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "testing"))
import vm  # noqa: E402


class Boot:
    def __init__(self, text, status, marker_seconds, seconds, timed_out):
        self.text = text                      # the serial log, cleaned
        self.status = status                  # QEMU's exit status
        self.marker_seconds = marker_seconds  # QEMU start to the marker, or None
        self.seconds = seconds                # QEMU start to QEMU exit
        self.timed_out = timed_out

    def problem(self):
        """Why the boot did not end as a benchmark run should, or None."""
        if self.timed_out:
            return "timed out"
        if self.status not in (vm.EXIT_SUCCESS, vm.EXIT_FAILURE):
            return f"QEMU exit status {self.status}"
        return None


def run(log_path, marker="BENCH-BEGIN", timeout=600, **boot):
    """Boots (kernel=, initrd=, append= or iso=, as vm.qemu_command takes
    them) until QEMU leaves; notes when `marker` first appears."""
    command = vm.qemu_command(serial_log="/dev/null", **boot)
    command[command.index("-serial") + 1] = "stdio"
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    expired = threading.Event()

    def expire():
        expired.set()
        process.kill()

    timer = threading.Timer(timeout, expire)
    timer.start()
    output = bytearray()
    marker_bytes = marker.encode()
    marker_seconds = None
    descriptor = process.stdout.fileno()
    while True:
        chunk = os.read(descriptor, 65536)
        if not chunk:
            break
        arrived = time.monotonic() - started
        output += chunk
        if marker_seconds is None and marker_bytes in output[-(len(chunk) + len(marker_bytes)):]:
            marker_seconds = arrived
    process.wait()
    timer.cancel()
    seconds = time.monotonic() - started
    text = vm._clean(output.decode(errors="replace"))
    os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
    with open(log_path, "w") as log:
        log.write(text)
    return Boot(text, process.returncode, marker_seconds, seconds, expired.is_set())
