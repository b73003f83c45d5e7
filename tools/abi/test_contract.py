#!/usr/bin/env python3
"""Proves the program-ABI contract check and its append-only update.

Each case copies abi-versions/ (headers and checked-in contracts) into a
temporary tree, edits a header the way an accidental change would, and runs
tools/abi/contract.py (or the make rule) on that tree. Prints one
"PASS <name>" or "FAIL <name>: why" line per case; exit status 1 if any
failed. run-tests.py runs it as part of `make test`.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CONTRACT = os.path.join(HERE, "contract.py")
PREFIX = os.environ.get("BANOS_TEST_PREFIX", "abi-contract.")


class Failure(Exception):
    pass


def copy_tree():
    root = tempfile.mkdtemp(prefix="banos-contract-test-")
    shutil.copytree(os.path.join(ROOT, "abi-versions"), os.path.join(root, "abi-versions"))
    return root


def edit(root, path, old, new):
    full = os.path.join(root, path)
    with open(full) as source:
        text = source.read()
    if text.count(old) != 1:
        raise Failure(f"the test's edit does not apply: {old!r} occurs {text.count(old)} times in {path}")
    with open(full, "w") as out:
        out.write(text.replace(old, new))


def read(root, path):
    with open(os.path.join(root, path)) as source:
        return source.read()


def contract(abi):
    return f"abi-versions/v{abi}/program/contract.txt"


def tool(root, *args):
    process = subprocess.run([sys.executable, CONTRACT, "--root", root, *args], capture_output=True, text=True)
    return process.returncode, process.stdout + process.stderr


def expect(condition, why, output=""):
    if not condition:
        tail = "\n".join(output.splitlines()[-15:])
        raise Failure(why + (f"\n--- tool output (last lines) ---\n{tail}" if output else ""))


def expect_check_fails(root, *mentions, abis=()):
    status, output = tool(root, "check")
    expect(status == 1, f"check exited {status}, expected 1 (contract differs)", output)
    for text in mentions:
        expect(text in output, f"check output does not mention {text!r}", output)
    for abi in abis:
        expect(f"program ABI {abi}'s contract differs" in output, f"check does not name program ABI {abi}", output)
    return output


def expect_update_refused(root, *mentions):
    before = {abi: read(root, contract(abi)) for abi in (1, 2, 3)}
    status, output = tool(root, "update")
    expect(status == 1, f"update exited {status}, expected 1 (refused)", output)
    expect("update refused" in output, "update does not say it refused", output)
    for text in mentions:
        expect(text in output, f"update output does not name {text!r}", output)
    for abi in (1, 2, 3):
        expect(read(root, contract(abi)) == before[abi], f"a refused update still rewrote {contract(abi)}")


def expect_update_adds(root, added):
    """`added`: {abi: [lines]} the update must add (and nothing else)."""
    before = {abi: read(root, contract(abi)).splitlines() for abi in (1, 2, 3)}
    status, output = tool(root, "update")
    expect(status == 0, f"update exited {status}, expected 0 (only new lines)", output)
    for abi in (1, 2, 3):
        after = read(root, contract(abi)).splitlines()
        gained = [line for line in after if line not in before[abi]]
        lost = [line for line in before[abi] if line not in after]
        expect(not lost, f"update removed lines from ABI {abi}: {lost}")
        expect(sorted(gained) == sorted(added.get(abi, [])),
               f"ABI {abi} gained {gained}, expected {added.get(abi, [])}")
    status, output = tool(root, "check")
    expect(status == 0, "check still fails after the update", output)


# ---- the cases ----

def unchanged_tree_passes(root):
    status, output = tool(root, "check")
    expect(status == 0, f"check of an unmodified copy exited {status}", output)
    status, output = tool(root, "update")
    expect(status == 0 and "up to date" in output, "update of an unmodified copy is not a no-op", output)


def slot_signature_change_fails(root):
    edit(root, "abi-versions/v1/program/slots.def",
         "read, (int32_t fd, void* buffer, uint64_t count)", "read, (int32_t fd, void* buffer, uint32_t count)")
    expect_check_fails(root, "changed: slot 2: int64_t read(int32_t fd, void *buffer, uint64_t count)",
                       "now: slot 2: int64_t read(int32_t fd, void *buffer, uint32_t count)", abis=(1, 2, 3))
    expect_update_refused(root, "slot 2: int64_t read")


def slot_renamed_fails(root):
    edit(root, "abi-versions/v2/program/slots.def", "SLOT(81, int32_t, sched_getcpu,", "SLOT(81, int32_t, getcpu,")
    expect_check_fails(root, "changed: slot 81: int32_t sched_getcpu(void)", "now: slot 81: int32_t getcpu(void)",
                       abis=(2, 3))
    expect_update_refused(root, "slot 81")


def struct_field_change_fails(root):
    # Two fields trade places: same size, so types.h's static_assert is happy.
    edit(root, "abi-versions/v1/program/types.h", "    int32_t st_blksize;\n    int32_t reserved0;\n",
         "    int32_t reserved0;\n    int32_t st_blksize;\n")
    expect_check_fails(root, "changed: struct banos_v1_stat.st_blksize: offset 48, size 4, type int32_t",
                       "now: struct banos_v1_stat.st_blksize: offset 52, size 4, type int32_t", abis=(1, 2, 3))
    expect_update_refused(root, "struct banos_v1_stat.st_blksize", "struct banos_v1_stat.reserved0")


def struct_field_type_change_fails(root):
    edit(root, "abi-versions/v2/program/types.h", "    uint64_t st_nlink;", "    int64_t st_nlink;")
    expect_check_fails(root, "changed: struct banos_v2_stat.st_nlink: offset 16, size 8, type uint64_t",
                       "now: struct banos_v2_stat.st_nlink: offset 16, size 8, type int64_t", abis=(2, 3))
    expect_update_refused(root, "struct banos_v2_stat.st_nlink")


def field_added_to_frozen_struct_refused(root):
    # Into the padding after c_cc: no existing offset or size moves, yet old
    # binaries never set the new field, so the struct is still frozen.
    edit(root, "abi-versions/v1/program/types.h",
         "    uint8_t c_cc[BANOS_V1_NCCS];\n", "    uint8_t c_cc[BANOS_V1_NCCS];\n    uint8_t c_extra;\n")
    expect_check_fails(root, "+struct banos_v1_termios.c_extra: offset 49", abis=(1, 2, 3))
    expect_update_refused(root, "added to frozen struct banos_v1_termios: struct banos_v1_termios.c_extra")


def errno_number_change_fails(root):
    edit(root, "abi-versions/v1/program/errno.def", "ERRNO(EIO, 5, IoError)", "ERRNO(EIO, 55, IoError)")
    expect_check_fails(root, "changed: errno EIO: 5", "now: errno EIO: 55", abis=(1, 2, 3))
    expect_update_refused(root, "errno EIO")


def constant_change_fails(root):
    edit(root, "abi-versions/v1/program/types.h", "#define BANOS_O_CREAT 0100", "#define BANOS_O_CREAT 0400")
    expect_check_fails(root, "changed: const BANOS_O_CREAT: 64 (0x40, int)",
                       "now: const BANOS_O_CREAT: 256 (0x100, int)", abis=(1, 2, 3))
    expect_update_refused(root, "const BANOS_O_CREAT")


def window_size_change_fails(root):
    edit(root, "abi-versions/common/window.h", "#define BANOS_WINDOW_SIZE (256 * 1024)",
         "#define BANOS_WINDOW_SIZE (512 * 1024)")
    expect_check_fails(root, "changed: const BANOS_WINDOW_SIZE: 262144", abis=(1, 2, 3))
    expect_update_refused(root, "const BANOS_WINDOW_SIZE")


def tcb_field_change_fails(root):
    edit(root, "abi-versions/common/tcb.h", "    int tid;", "    uint32_t tid;")
    expect_check_fails(root, "changed: struct banos_tcb.tid: offset 36, size 4, type int", abis=(1, 2, 3))
    expect_update_refused(root, "struct banos_tcb.tid")


def removed_slot_refused(root):
    edit(root, "abi-versions/v1/program/slots.def", "SLOT(54, int32_t, pause, (void), ())\n", "")
    expect_check_fails(root, "-slot 54: int32_t pause(void)", abis=(1, 2, 3))
    expect_update_refused(root, "removed: slot 54: int32_t pause(void)")


def removed_constant_refused(root):
    edit(root, "abi-versions/v3/program/types.h", "#define BANOS_POLLNVAL 0x020\n", "")
    expect_check_fails(root, "-const BANOS_POLLNVAL", abis=(3,))
    expect_update_refused(root, "removed: const BANOS_POLLNVAL")


def new_slot_needs_update(root):
    with open(os.path.join(root, "abi-versions/v3/program/slots.def"), "a") as out:
        out.write("SLOT(139, int32_t, contract_test_call, (int32_t fd, const char* name), (fd, name))\n")
    expect_check_fails(root, "+slot 139: int32_t contract_test_call(int32_t fd, const char *name)",
                       "only new lines", abis=(3,))
    expect_update_adds(root, {3: ["slot 139: int32_t contract_test_call(int32_t fd, const char *name)"]})


def new_v2_slot_reaches_v3(root):
    # The first free ABI 2 number, so the case keeps working as ABI 2 grows.
    path = os.path.join(root, "abi-versions/v2/program/slots.def")
    numbers = [int(line[len("SLOT("):].split(",")[0]) for line in read(root, "abi-versions/v2/program/slots.def").splitlines()
               if line.startswith("SLOT(")]
    number = max(numbers) + 1
    with open(path, "a") as out:
        out.write(f"SLOT({number}, int32_t, contract_test_v2, (void), ())\n")
    expect_check_fails(root, f"+slot {number}: int32_t contract_test_v2(void)", abis=(2, 3))
    line = f"slot {number}: int32_t contract_test_v2(void)"
    expect_update_adds(root, {2: [line], 3: [line]})


def new_struct_and_constant_accepted(root):
    edit(root, "abi-versions/v3/program/types.h", "#endif /* __ASSEMBLER__ */",
         "struct banos_v3_contract_test {\n    int32_t small;\n    int64_t large;\n};\n"
         "#endif /* __ASSEMBLER__ */\n#define BANOS_CONTRACT_TEST (1u << 31)")
    expect_update_adds(root, {3: [
        "struct banos_v3_contract_test: size 16, align 8",
        "struct banos_v3_contract_test.small: offset 0, size 4, type int32_t",
        "struct banos_v3_contract_test.large: offset 8, size 8, type int64_t",
        "const BANOS_CONTRACT_TEST: 2147483648 (0x80000000, unsigned int)"]})


def slot_number_reused_refused(root):
    with open(os.path.join(root, "abi-versions/v3/program/slots.def"), "a") as out:
        out.write("SLOT(54, int32_t, contract_test_reuse, (void), ())\n")
    status, output = tool(root, "check")
    expect(status == 2 and "slot 54 is defined twice" in output, f"check exited {status}", output)
    status, output = tool(root, "update")
    expect(status == 2 and "slot 54 is defined twice" in output, f"update exited {status}", output)


def make_rule_fails_build(root):
    """The build's own rule, in the copied tree: a changed slot stops make."""
    for path in ("mk/config.mk", "mk/abi-contract.mk", "tools/ensure-deps.sh"):
        os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, path), os.path.join(root, path))
    shutil.copytree(HERE, os.path.join(root, "tools", "abi"), ignore=shutil.ignore_patterns("__pycache__"))
    command = ["make", "--no-print-directory", "-C", root, "-f", "mk/config.mk", "-f", "mk/abi-contract.mk",
               "abi-contract"]
    process = subprocess.run(command, capture_output=True, text=True)
    output = process.stdout + process.stderr
    expect(process.returncode == 0, "make abi-contract fails on an unmodified copy", output)
    edit(root, "abi-versions/v1/program/slots.def", "SLOT(13, int32_t, close, (int32_t fd), (fd))",
         "SLOT(13, int64_t, close, (int32_t fd), (fd))")
    process = subprocess.run(command, capture_output=True, text=True)
    output = process.stdout + process.stderr
    expect(process.returncode != 0, "make abi-contract succeeded with a changed slot", output)
    for text in ("-slot 13: int32_t close(int32_t fd)", "+slot 13: int64_t close(int32_t fd)", "FAILED"):
        expect(text in output, f"make's output does not show {text!r}", output)


CASES = [
    unchanged_tree_passes,
    slot_signature_change_fails,
    slot_renamed_fails,
    struct_field_change_fails,
    struct_field_type_change_fails,
    field_added_to_frozen_struct_refused,
    errno_number_change_fails,
    constant_change_fails,
    window_size_change_fails,
    tcb_field_change_fails,
    removed_slot_refused,
    removed_constant_refused,
    new_slot_needs_update,
    new_v2_slot_reaches_v3,
    new_struct_and_constant_accepted,
    slot_number_reused_refused,
    make_rule_fails_build,
]


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    failed = 0
    for case in CASES:
        if only not in case.__name__:
            continue
        root = copy_tree()
        try:
            case(root)
            print(f"PASS {PREFIX}{case.__name__}", flush=True)
        except Failure as failure:
            failed += 1
            # The first line is the verdict run-tests.py counts; details follow.
            first, _, details = str(failure).partition("\n")
            print(f"FAIL {PREFIX}{case.__name__}: {first} (details: tools/abi/test_contract.py {case.__name__})")
            if details:
                print("    " + details.replace("\n", "\n    "), flush=True)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
