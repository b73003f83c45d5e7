#!/usr/bin/env python3
"""Checks that a linked banos user program has the shape the kernel expects.

  check_program.py --abi N [--pie] --slots SLOT_PRESENCE_H PROGRAM

* ELF64 x86_64, ET_EXEC (or ET_DYN with --pie), no PT_INTERP; PT_DYNAMIC
  only for PIE, whose dynamic relocations must all be R_X86_64_RELATIVE.
* One PT_BANOS_WINDOW, and one PT_LOAD with exactly its address and size:
  page-aligned, BANOS_WINDOW_SIZE bytes, no file contents, overlapping no
  other PT_LOAD, holding no section but .banos.window.
* A PT_NOTE with the note "banos" / NT_BANOS_PROGRAM_ABI carrying N.
* PT_GNU_STACK not executable; no PT_LOAD both writable and executable.
* __banos_window is the window's start and every __banos_slot_<name> of
  ABI N's slots.def is at window + number * BANOS_SLOT_SIZE.
* No syscall, sysenter or int $0x80 anywhere in the code (objdump -d), and
  readelf -lW names the window's program header.

Prints every problem found and exits 1; prints nothing on success.
"""
import argparse
import os
import re
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))

PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_TLS = 1, 2, 3, 4, 7
PT_GNU_STACK = 0x6474E551
PT_LOOS = 0x60000000
PF_X, PF_W = 1, 2
SHF_ALLOC = 2
SHT_RELA, SHT_NOBITS, SHT_SYMTAB = 4, 8, 2
STT_FUNC = 2
R_X86_64_RELATIVE = 8


def window_constants():
    """The #defines of abi-versions/common/window.h that are plain numbers or strings."""
    constants = {}
    with open(os.path.join(ROOT, "abi-versions", "common", "window.h")) as header:
        for line in header:
            match = re.match(r"#define\s+(\w+)\s+(.+?)\s*(/\*.*)?$", line)
            if not match:
                continue
            name, value = match.group(1), match.group(2)
            if value.startswith('"'):
                constants[name] = value.strip('"')
                continue
            expression = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)[uUlL]*\b", r"\1", value)
            for known, number in constants.items():
                if isinstance(number, int):
                    expression = re.sub(rf"\b{known}\b", str(number), expression)
            if re.fullmatch(r"[0-9a-fA-Fx\s()*/+\-]+", expression):
                constants[name] = int(eval(expression, {"__builtins__": {}}))  # noqa: S307 (digits only)
    return constants


def slot_numbers(path):
    numbers = {}
    with open(path) as header:
        for line in header:
            match = re.match(r"\s*#\s*define\s+BANOS_SLOT_NUMBER_(\w+)\s+(\d+)", line)
            if match:
                numbers[match.group(1)] = int(match.group(2))
    return numbers


class Elf:
    def __init__(self, data):
        self.data = data
        (self.ident, self.type, self.machine, _, self.entry, phoff, shoff, _, _, phentsize, phnum, shentsize,
         shnum, shstrndx) = struct.unpack_from("<16sHHIQQQIHHHHHH", data, 0)
        self.segments = [dict(zip(("type", "flags", "offset", "vaddr", "paddr", "filesz", "memsz", "align"),
                                  struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)))
                         for i in range(phnum)]
        self.sections = [dict(zip(("name", "type", "flags", "addr", "offset", "size", "link", "info", "addralign",
                                   "entsize"), struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)))
                         for i in range(shnum)]
        if self.sections:
            names = self.sections[shstrndx]
            for section in self.sections:
                section["name"] = self.string(names["offset"] + section["name"])

    def string(self, offset):
        return self.data[offset:self.data.index(b"\0", offset)].decode()

    def symbols(self):
        table = {}
        for section in self.sections:
            if section["type"] != SHT_SYMTAB:
                continue
            strings = self.sections[section["link"]]["offset"]
            for offset in range(section["offset"], section["offset"] + section["size"], 24):
                name, info, _, _, value, _ = struct.unpack_from("<IBBHQQ", self.data, offset)
                table[self.string(strings + name)] = (value, info & 0xF)
        return table

    def notes(self, segment):
        position, end = segment["offset"], segment["offset"] + segment["filesz"]
        while position + 12 <= end:
            namesz, descsz, note_type = struct.unpack_from("<III", self.data, position)
            position += 12
            name = self.data[position:position + namesz].rstrip(b"\0").decode(errors="replace")
            position += (namesz + 3) & ~3
            desc = self.data[position:position + descsz]
            position += (descsz + 3) & ~3
            yield name, note_type, desc


def check(path, abi, pie, slots):
    constants = window_constants()
    page = constants["BANOS_PAGE_SIZE"]
    problems = []
    with open(path, "rb") as program:
        elf = Elf(program.read())

    if elf.ident[:4] != b"\x7fELF" or elf.ident[4] != 2 or elf.ident[5] != 1 or elf.machine != 62:
        return ["not an ELF64 little-endian x86_64 file"]
    wanted_type = 3 if pie else 2
    if elf.type != wanted_type:
        problems.append(f"ELF type {elf.type}, expected {wanted_type} ({'ET_DYN' if pie else 'ET_EXEC'})")

    segments = elf.segments
    loads = [s for s in segments if s["type"] == PT_LOAD]
    if any(s["type"] == PT_INTERP for s in segments):
        problems.append("has PT_INTERP: banos programs are static")
    has_dynamic = any(s["type"] == PT_DYNAMIC for s in segments)
    if has_dynamic != pie:
        problems.append("PT_DYNAMIC present" if has_dynamic else "static PIE without PT_DYNAMIC")
    for load in loads:
        if load["flags"] & PF_W and load["flags"] & PF_X:
            problems.append(f"PT_LOAD at {load['vaddr']:#x} is writable and executable")
    stacks = [s for s in segments if s["type"] == PT_GNU_STACK]
    if len(stacks) != 1 or stacks[0]["flags"] & PF_X:
        problems.append("needs one PT_GNU_STACK, not executable")
    if not any(s["type"] == PT_TLS for s in segments):
        problems.append("no PT_TLS")

    markers = [s for s in segments if s["type"] == constants["PT_BANOS_WINDOW"]]
    window = None
    if len(markers) != 1:
        problems.append(f"{len(markers)} PT_BANOS_WINDOW program headers, expected 1")
    else:
        marker = markers[0]
        start, size = marker["vaddr"], marker["memsz"]
        matching = [s for s in loads if s["vaddr"] == start and s["memsz"] == size]
        if len(matching) != 1:
            problems.append("no PT_LOAD has exactly the window's address and size")
        else:
            window = matching[0]
            if window["filesz"] != 0 or marker["filesz"] != 0:
                problems.append("the window has file contents")
        if start % page != 0:
            problems.append(f"the window at {start:#x} is not page-aligned")
        if size != constants["BANOS_WINDOW_SIZE"]:
            problems.append(f"the window is {size:#x} bytes, expected {constants['BANOS_WINDOW_SIZE']:#x}")
        for load in loads:
            if load is not window and load["vaddr"] < start + size and start < load["vaddr"] + load["memsz"]:
                problems.append(f"PT_LOAD at {load['vaddr']:#x} overlaps the window")
        inside = [s for s in elf.sections if s["flags"] & SHF_ALLOC and s["size"] > 0
                  and s["addr"] < start + size and start < s["addr"] + s["size"]]
        if [s["name"] for s in inside] != [".banos.window"]:
            problems.append(f"the window holds sections {[s['name'] for s in inside]}, expected only .banos.window")
        elif inside[0]["type"] != SHT_NOBITS or inside[0]["addr"] != start or inside[0]["size"] != size:
            problems.append(".banos.window is not NOBITS covering exactly the window")

    notes = [note for s in segments if s["type"] == PT_NOTE for note in elf.notes(s)]
    abi_notes = [desc for name, note_type, desc in notes
                 if name == constants["BANOS_NOTE_NAME"] and note_type == constants["NT_BANOS_PROGRAM_ABI"]]
    if len(abi_notes) != 1 or len(abi_notes[0]) != 4 or struct.unpack("<I", abi_notes[0])[0] != abi:
        problems.append(f"needs one PT_NOTE note \"banos\"/NT_BANOS_PROGRAM_ABI holding {abi}, found {abi_notes}")

    symbols = elf.symbols()
    if symbols.get("_start", (None,))[0] != elf.entry:
        problems.append("the entry point is not _start")
    if window is not None:
        if symbols.get("__banos_window", (None,))[0] != window["vaddr"]:
            problems.append("__banos_window is not the window's start")
        for name, number in sorted(slots.items(), key=lambda item: item[1]):
            expected = window["vaddr"] + number * constants["BANOS_SLOT_SIZE"]
            value, kind = symbols.get(f"__banos_slot_{name}", (None, None))
            if value != expected or kind != STT_FUNC:
                problems.append(f"__banos_slot_{name} is {value!r}, expected a function at {expected:#x}")
        strays = [s for s in symbols if s.startswith("__banos_slot_") and s[len("__banos_slot_"):] not in slots]
        if strays:
            problems.append(f"slot symbols not in ABI {abi}'s slots.def: {strays}")

    for section in elf.sections:
        if section["type"] == SHT_RELA and section["flags"] & SHF_ALLOC:
            for offset in range(section["offset"], section["offset"] + section["size"], 24):
                _, info, _ = struct.unpack_from("<QQq", elf.data, offset)
                if info & 0xFFFFFFFF != R_X86_64_RELATIVE:
                    problems.append(f"{section['name']} has a relocation of type {info & 0xFFFFFFFF}")
                    break

    readelf = subprocess.run(["readelf", "-lW", path], capture_output=True, text=True, check=True).stdout
    marker_name = f"LOOS+{constants['PT_BANOS_WINDOW'] - PT_LOOS:#x}"
    if not re.search(rf"^\s+{re.escape(marker_name)}\s", readelf, re.MULTILINE):
        problems.append(f"readelf -lW shows no {marker_name} program header")
    disassembly = subprocess.run(["objdump", "-d", "--no-show-raw-insn", path], capture_output=True, text=True,
                                 check=True).stdout
    for line in disassembly.splitlines():
        if re.search(r"\t(syscall|sysenter)\b|\tint\s+\$0x80\b", line):
            problems.append(f"kernel entry instruction in the program: {line.strip()}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--abi", type=int, required=True)
    parser.add_argument("--pie", action="store_true")
    parser.add_argument("--slots", required=True, help="the ABI's generated bits/slot_presence.h")
    parser.add_argument("program")
    arguments = parser.parse_args()
    slots = slot_numbers(arguments.slots)
    if not slots:
        print(f"check_program: no slots in {arguments.slots}", file=sys.stderr)
        return 1
    problems = check(arguments.program, arguments.abi, arguments.pie, slots)
    for problem in problems:
        print(f"check_program: {arguments.program}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
