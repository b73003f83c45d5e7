"""Runs banos in QEMU for a test and judges the result.

The guest prints "PASS name" or "FAIL name: why" per test and leaves through
QEMU's isa-debug-exit device: status 33 means success, 35 failure. A panic,
a triple fault (QEMU exits with status 0 under -no-reboot), a timeout or a
missing expected line fails the run, and the tail of the serial log is
printed.
"""
import os
import re
import subprocess
import time

EXIT_SUCCESS = 33
EXIT_FAILURE = 35
LOG_TAIL_LINES = 40

QEMU_COMMON = [
    "qemu-system-x86_64", "-machine", "pc", "-cpu", "max", "-no-reboot",
    "-display", "none", "-monitor", "none",
    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
]


class Result:
    def __init__(self, name):
        self.name = name
        self.lines = []      # "PASS x" / "FAIL x: why", in order
        self.log_tail = []

    @property
    def failed(self):
        return any(line.startswith("FAIL ") for line in self.lines)


def qemu_command(kernel=None, iso=None, append="", initrd=(), memory="256M", serial_log=None):
    command = QEMU_COMMON + ["-m", memory, "-serial", f"file:{serial_log}"]
    if iso:
        command += ["-cdrom", iso, "-boot", "d"]
    else:
        command += ["-kernel", kernel, "-append", append]
        if initrd:
            command += ["-initrd", ",".join(initrd)]
    return command


def _clean(text):
    # GRUB draws its menu with terminal escapes; drop them and carriage returns.
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "")


# What _clean keeps or drops, one piece of raw text at a time.
_CLEAN_PIECE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r|.", re.S)


def _raw_length(raw, cleaned_length):
    """How much of `raw` _clean turns into its first `cleaned_length`
    characters."""
    kept = 0
    for piece in _CLEAN_PIECE.finditer(raw):
        if kept >= cleaned_length:
            return piece.start()
        if piece.group(0) != "\r" and len(piece.group(0)) == 1:
            kept += 1
    return len(raw)


def run(name, log_path, timeout=120, expect_exit="success", expect=(), forbid=(),
        stop_when=None, **boot):
    """Boots, waits for exit (or for `stop_when` to appear in the log), then
    checks the outcome. Returns a Result whose lines are the guest's own
    PASS/FAIL lines followed by one line for the run itself."""
    result = Result(name)
    os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
    if os.path.exists(log_path):
        os.remove(log_path)
    command = qemu_command(serial_log=log_path, **boot)
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    timed_out = False
    stopped = False
    while process.poll() is None:
        if time.monotonic() - started > timeout:
            timed_out = True
            break
        if stop_when and os.path.exists(log_path):
            with open(log_path, errors="replace") as f:
                if stop_when in f.read():
                    stopped = True
                    break
        time.sleep(0.05)
    if process.poll() is None:
        process.kill()
    qemu_output = process.communicate()[0].decode(errors="replace")
    status = process.returncode
    elapsed = time.monotonic() - started

    log = ""
    if os.path.exists(log_path):
        with open(log_path, errors="replace") as f:
            log = _clean(f.read())
    log_lines = log.splitlines()
    result.log_tail = log_lines[-LOG_TAIL_LINES:]

    # Guest test names get the run's name in front: the same self-test runs
    # in several boots.
    for line in log_lines:
        if line.startswith("PASS ") or line.startswith("FAIL "):
            verdict, rest = line.rstrip().split(" ", 1)
            result.lines.append(f"{verdict} vm.{name}/{rest}")

    problems = []
    if "======== PANIC" in log and expect_exit != "failure":
        problems.append("kernel panic")
    if timed_out:
        problems.append(f"timed out after {timeout} s")
    elif not stopped:
        if status == 0:
            problems.append("the machine reset (triple fault?)")
        elif expect_exit == "success" and status != EXIT_SUCCESS:
            problems.append(f"QEMU exit status {status}, expected {EXIT_SUCCESS} (success)")
        elif expect_exit == "failure" and status != EXIT_FAILURE:
            problems.append(f"QEMU exit status {status}, expected {EXIT_FAILURE} (failure)")
        if status not in (0, EXIT_SUCCESS, EXIT_FAILURE) and qemu_output.strip():
            problems.append("qemu said: " + qemu_output.strip().splitlines()[-1])
    elif stop_when is None:
        problems.append("stopped early")
    for pattern in expect:
        if not re.search(pattern, log, re.MULTILINE):
            problems.append(f"log lacks /{pattern}/")
    for pattern in forbid:
        if re.search(pattern, log, re.MULTILINE):
            problems.append(f"log has /{pattern}/")
    if expect_exit == "success" and not stop_when and not any(l.startswith("PASS ") for l in result.lines) \
            and not expect:
        problems.append("no test reported PASS")

    if problems:
        result.lines.append(f"FAIL vm.{name}: " + "; ".join(problems))
    else:
        result.lines.append(f"PASS vm.{name} ({elapsed:.1f} s)")
    return result


class Console:
    """Drives the guest's serial console: what the guest writes is collected
    (and logged), and keystrokes go to its input, as a person would type."""

    def __init__(self, log_path, **boot):
        import threading
        os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
        command = qemu_command(serial_log="/dev/null", **boot)
        # The serial line on QEMU's stdio instead of a file.
        at = command.index("-serial")
        command[at + 1] = "stdio"
        self.log = open(log_path, "w", errors="replace")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT)
        self.output = ""
        self.seen = 0  # how far expect() has consumed
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            chunk = self.process.stdout.read1(4096)
            if not chunk:
                return
            text = chunk.decode(errors="replace")
            with self.lock:
                self.output += text
            self.log.write(text)
            self.log.flush()

    def type(self, text, pause=0.05):
        """Sends keystrokes one at a time, like a person."""
        for character in text:
            self.process.stdin.write(character.encode())
            self.process.stdin.flush()
            time.sleep(pause)

    def expect(self, pattern, timeout=20):
        """Waits for `pattern` after what was already matched; returns the
        match or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                raw = self.output[self.seen:]
            match = re.search(pattern, _clean(raw), re.MULTILINE)
            if match:
                # Consumed up to the end of the match only: what came with
                # it in the same chunk (the next prompt, say) is still there
                # for the next expect().
                with self.lock:
                    self.seen += _raw_length(raw, match.end())
                return match
            if self.process.poll() is not None:
                return None
            time.sleep(0.05)
        return None

    def tail(self, lines=LOG_TAIL_LINES):
        with self.lock:
            return _clean(self.output).splitlines()[-lines:]

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.log.close()
