#!/usr/bin/env python3
"""The frozen program-ABI contracts: abi-versions/v<p>/program/contract.txt.

  contract.py check    the build's check: regenerate every program ABI's
                       description and fail, with a diff, when it differs
                       from the checked-in file
  contract.py update   rewrite the checked-in files, accepting only new
                       lines (new slots, errno numbers, constants, typedefs,
                       structs); any line that would change or disappear is
                       named and nothing is written
  contract.py show P   print program ABI P's generated description

Options: --root DIR (the source tree, default: this checkout), --abis "1 2"
(default: every abi-versions/v<p> with a program/slots.def), --work DIR
(keep the generated descriptions there as v<p>.txt).

Exit status: 0 fine, 1 the contract differs or the update was refused,
2 the headers do not compile or break a rule (see describe.py).
"""
import argparse
import collections
import concurrent.futures
import difflib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import describe  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TAG = "abi-contract"


def contract_path(root, abi):
    return os.path.join(root, "abi-versions", f"v{abi}", "program", "contract.txt")


def shown(root, path):
    return os.path.relpath(path, root)


def read_lines(path):
    with open(path) as source:
        return source.read().splitlines()


def facts(lines):
    """The lines that state something (comments may change freely)."""
    return [line for line in lines if line and not line.startswith("#")]


def key(line):
    """What a line is about: "slot 12", "const BANOS_O_CREAT", "struct banos_v1_stat.st_dev"."""
    return line.split(": ", 1)[0]


def parent(line_key):
    """The struct a field belongs to, or None."""
    return line_key.rsplit(".", 1)[0] if "." in line_key else None


def generate(root, abis, work):
    """{abi: lines}, the ABIs described side by side."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(abis)) as pool:
        results = dict(zip(abis, pool.map(lambda abi: describe.describe(root, abi), abis)))
    if work:
        os.makedirs(work, exist_ok=True)
        for abi, lines in results.items():
            with open(os.path.join(work, f"v{abi}.txt"), "w") as out:
                out.write("\n".join(lines) + "\n")
    return results


def later_abis_keep_slots(generated):
    """A later ABI never gives an earlier ABI's slot number another meaning."""
    problems = []
    abis = sorted(generated)
    for earlier, later in zip(abis, abis[1:]):
        later_slots = {key(line): line for line in generated[later] if line.startswith("slot ")}
        for line in generated[earlier]:
            if line.startswith("slot ") and later_slots.get(key(line)) != line:
                problems.append(f"program ABI {later} does not keep ABI {earlier}'s {line!r} "
                                f"(it has {later_slots.get(key(line), 'nothing')!r})")
    return problems


def frozen_violations(old, new):
    """Lines of `old` that `new` changes or drops, and new lines that add to
    something `old` already describes (a field in an existing struct)."""
    new_count = collections.Counter(facts(new))
    new_by_key = {key(line): line for line in facts(new)}
    old_keys = {key(line) for line in facts(old)}
    problems = []
    for line in facts(old):
        if new_count[line] > 0:
            new_count[line] -= 1
        elif key(line) in new_by_key:
            problems.append(f"changed: {line}\n     now: {new_by_key[key(line)]}")
        else:
            problems.append(f"removed: {line}")
    for line in added_lines(old, new):
        owner = parent(key(line))
        if owner in old_keys:
            problems.append(f"added to frozen {owner}: {line}")
    return problems


def added_lines(old, new):
    remaining = collections.Counter(facts(old))
    added = []
    for line in facts(new):
        if remaining[line] > 0:
            remaining[line] -= 1
        else:
            added.append(line)
    old_keys = {key(line) for line in facts(old)}
    return [line for line in added if key(line) not in old_keys]


def check(root, abis, work):
    generated = generate(root, abis, work)
    failed = False
    for problem in later_abis_keep_slots(generated):
        print(f"{TAG}: {problem}")
        failed = True
    for abi in abis:
        path = contract_path(root, abi)
        if not os.path.exists(path):
            print(f"{TAG}: program ABI {abi} has no checked-in contract ({shown(root, path)}); "
                  f"run `make abi-contract-update` and commit it")
            failed = True
            continue
        old, new = read_lines(path), generated[abi]
        if old == new:
            continue
        failed = True
        print(f"{TAG}: program ABI {abi}'s contract differs from {shown(root, path)}:")
        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
            old, new, f"{shown(root, path)} (checked in)", "generated from the headers", lineterm="", n=1))
        violations = frozen_violations(old, new)
        if violations:
            print(f"{TAG}: program ABI {abi}: these change the frozen meaning of existing binaries; "
                  f"undo them in abi-versions/:")
            for violation in violations:
                print(f"  {violation}")
        else:
            print(f"{TAG}: program ABI {abi}: only new lines; if they are meant, "
                  f"run `make abi-contract-update` and commit {shown(root, path)}")
    if failed:
        print(f"{TAG}: FAILED: a checked-in program ABI contract does not match the headers "
              f"(abi-versions/README.md explains the rules)")
    return 1 if failed else 0


def update(root, abis, work):
    generated = generate(root, abis, work)
    refused = later_abis_keep_slots(generated)
    writes = {}
    for abi in abis:
        path = contract_path(root, abi)
        new = generated[abi]
        if not os.path.exists(path):
            writes[abi] = (path, new, f"created with {len(facts(new))} lines")
            continue
        old = read_lines(path)
        for violation in frozen_violations(old, new):
            refused.append(f"program ABI {abi} ({shown(root, path)}): {violation}")
        if old != new:
            added = added_lines(old, new)
            summary = f"{len(added)} new line(s)" + "".join(f"\n  + {line}" for line in added)
            writes[abi] = (path, new, summary)
    if refused:
        print(f"{TAG}: update refused: only new lines may be added to a program ABI contract; "
              f"these would change or remove frozen lines:")
        for problem in refused:
            print(f"  {problem}")
        print(f"{TAG}: nothing was written")
        return 1
    for abi, (path, lines, summary) in sorted(writes.items()):
        with open(path, "w") as out:
            out.write("\n".join(lines) + "\n")
        print(f"{TAG}: {shown(root, path)}: {summary}")
    if not writes:
        print(f"{TAG}: every contract is up to date")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=DEFAULT_ROOT)
    parser.add_argument("--abis", default="")
    parser.add_argument("--work", default="")
    parser.add_argument("command", choices=["check", "update", "show"])
    parser.add_argument("abi", nargs="?", type=int)
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    abis = [int(a) for a in args.abis.split()] or describe.program_abis(root)
    try:
        if args.command == "show":
            if args.abi is None:
                parser.error("show needs a program ABI number")
            print("\n".join(describe.describe(root, args.abi)))
            return 0
        if args.command == "check":
            return check(root, abis, args.work)
        return update(root, abis, args.work)
    except describe.ContractError as error:
        print(f"{TAG}: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
