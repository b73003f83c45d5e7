"""Describes one program ABI's contract as sorted text lines, from what the
compilers make of abi-versions/, never from a list kept here.

Inputs for program ABI p (each ABI's files include the previous ABI's):
abi-versions/v<p>/program/{slots.def,types.h,errno.def} and
abi-versions/common/{window.h,tcb.h,auxv.h} (the window, the TCB and the
auxiliary vector are part of every program ABI).

* clang-14 reads a translation unit that includes those headers and declares
  one function per SLOT(); its JSON AST names every slot's return and
  parameter types, every `struct banos_*` with its fields, every `banos_*`
  typedef and BANOS_* enumerator. Each object-like macro whose name holds
  BANOS is tried as an integer constant expression in the same unit; the
  ones clang rejects (include guards, strings, keywords) are not constants.
* g++ then compiles and runs a program that prints sizeof/alignof/offsetof
  of every struct and field found, the value and type of every constant,
  and every ERRNO() number: the layouts and values are the build compiler's.

Every line reads "<key>: <fact>"; a key names one thing (a slot, an errno, a
constant, a struct or one of its fields), so comparing two descriptions
line by line says exactly what changed.

The layer descriptor in window.h (names holding LAYER) is left out: it is
the interface between a kernel and the layers shipped with it, which are
always built together; programs never see it.
"""
import json
import os
import re
import subprocess
import tempfile

CLANG = os.environ.get("BANOS_CONTRACT_CLANG", "clang-14")
CXX = os.environ.get("BANOS_CONTRACT_CXX", "g++")

SLOT_FUNCTION = re.compile(r"^banos_contract_slot_(\d+)_(\w+)$")
SLOT_RETURN = re.compile(r"^banos_contract_return_(\d+)$")


class ContractError(Exception):
    """The headers do not describe a consistent ABI (or do not compile)."""


def program_abis(root):
    """Every program ABI with a slots.def, in order."""
    base = os.path.join(root, "abi-versions")
    found = []
    for name in os.listdir(base):
        match = re.fullmatch(r"v(\d+)", name)
        if match and os.path.isfile(os.path.join(base, name, "program", "slots.def")):
            found.append(int(match.group(1)))
    return sorted(found)


def headers(abi):
    return ["abi-versions/common/window.h", "abi-versions/common/tcb.h", "abi-versions/common/auxv.h",
            f"abi-versions/v{abi}/program/types.h"]


def run(command):
    try:
        return subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise ContractError(f"{command[0]} is not installed (tools/ensure-deps.sh lists the packages)")


def program_facing(name):
    return "LAYER" not in name.upper()


def banos_macros(root, abi, work):
    """Names of the object-like macros with BANOS in their name."""
    source = os.path.join(work, "macros.cpp")
    with open(source, "w") as out:
        for header in headers(abi):
            out.write(f'#include "{header}"\n')
    process = run([CXX, "-std=c++20", "-E", "-dM", "-x", "c++", "-I", root, source])
    if process.returncode != 0:
        raise ContractError(f"program ABI {abi}: the preprocessor failed:\n{process.stderr}")
    names = set()
    for line in process.stdout.splitlines():
        match = re.match(r"#define (\w+)(\(?)", line)
        if match and not match.group(2) and "BANOS" in match.group(1) and program_facing(match.group(1)):
            names.add(match.group(1))
    return sorted(names)


def declarations_unit(abi, probes):
    """The unit clang reads: the headers, one function per slot, one probe
    per candidate constant. Returns (text, {line number: probed name})."""
    lines = [f'#include "{h}"' for h in headers(abi)]
    lines.append("#define SLOT(number, ret, name, params, args) "
                 "using banos_contract_return_##number = ret; "
                 "ret banos_contract_slot_##number##_##name params;")
    lines.append(f'#include "abi-versions/v{abi}/program/slots.def"')
    lines.append("#undef SLOT")
    probe_lines = {}
    for name in probes:
        lines.append(f"static_assert(__is_integral(decltype(({name}) + 0)), \"not an integer\");")
        probe_lines[len(lines)] = name
    return "\n".join(lines) + "\n", probe_lines


def clang_ast(root, abi, work, candidates):
    """Returns the AST's top-level declarations and the candidate macros
    that are integer constants."""
    text, probe_lines = declarations_unit(abi, candidates)
    source = os.path.join(work, "declarations.cpp")
    with open(source, "w") as out:
        out.write(text)
    command = [CLANG, "-x", "c++", "-std=c++20", "-fsyntax-only", "-w", "-ferror-limit=0",
               "-fno-color-diagnostics", "-I", root, "-Xclang", "-ast-dump=json", source]
    process = run(command)
    rejected = set()
    other_errors = []
    for line in process.stderr.splitlines():
        if not re.search(r": (fatal )?error: ", line):
            continue
        match = re.match(re.escape(source) + r":(\d+):\d+: error: ", line)
        if match and int(match.group(1)) in probe_lines:
            rejected.add(probe_lines[int(match.group(1))])
        else:
            other_errors.append(line)
    if other_errors:
        raise ContractError(f"program ABI {abi}: the ABI headers do not compile ({CLANG}):\n"
                            + "\n".join(other_errors))
    try:
        ast = json.loads(process.stdout)
    except ValueError as error:
        raise ContractError(f"program ABI {abi}: {CLANG} gave no AST ({error}):\n{process.stderr}")
    constants = [name for name in candidates if name not in rejected]
    return ast.get("inner", []), constants


def collect(declarations, abi):
    """Slots, structs (with fields), typedefs and enumerators from the AST."""
    slots, returns, structs, typedefs, enumerators = {}, {}, {}, {}, []
    for node in declarations:
        kind, name = node.get("kind"), node.get("name", "")
        if node.get("isImplicit"):
            continue
        if kind == "TypeAliasDecl" and SLOT_RETURN.match(name):
            returns[int(SLOT_RETURN.match(name).group(1))] = node["type"]["qualType"]
        elif kind == "FunctionDecl" and SLOT_FUNCTION.match(name):
            match = SLOT_FUNCTION.match(name)
            number, slot_name = int(match.group(1)), match.group(2)
            if number in slots:
                raise ContractError(f"program ABI {abi}: slot {number} is defined twice "
                                    f"({slots[number][0]} and {slot_name})")
            parameters = [(p.get("name", ""), p["type"]["qualType"])
                          for p in node.get("inner", []) if p.get("kind") == "ParmVarDecl"]
            slots[number] = (slot_name, parameters)
        elif kind in ("CXXRecordDecl", "RecordDecl") and name.startswith("banos_") \
                and node.get("completeDefinition") and program_facing(name):
            fields = []
            for field in node.get("inner", []):
                if field.get("isImplicit"):
                    continue
                if field.get("kind") == "FieldDecl":
                    if not field.get("name"):
                        raise ContractError(f"program ABI {abi}: struct {name} has an unnamed member; "
                                            "tools/abi/describe.py cannot describe it")
                    fields.append((field["name"], field["type"]["qualType"]))
                elif field.get("kind") in ("CXXRecordDecl", "RecordDecl"):
                    raise ContractError(f"program ABI {abi}: struct {name} nests a type definition; "
                                        "define it at file scope so the contract can name it")
            structs[name] = fields
        elif kind == "TypedefDecl" and name.startswith("banos_") and program_facing(name):
            typedefs[name] = node["type"]["qualType"]
        elif kind == "EnumDecl":
            for constant in node.get("inner", []):
                if constant.get("kind") == "EnumConstantDecl" and "BANOS" in constant.get("name", "") \
                        and program_facing(constant["name"]):
                    enumerators.append(constant["name"])
    names = [slot[0] for slot in slots.values()]
    for slot_name in set(names):
        if names.count(slot_name) > 1:
            raise ContractError(f"program ABI {abi}: more than one slot is named {slot_name}")
    return slots, returns, structs, typedefs, enumerators


def declarator(type_name, name):
    """`void *` and `buffer` -> `void *buffer`, as clang spells declarations."""
    if not name or type_name.endswith("*"):
        return type_name + name
    return f"{type_name} {name}"


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


PRINTER_PRELUDE = r"""
#include <cstddef>
#include <cstdio>
#include <type_traits>

template <class T> constexpr const char* integer_type() {
    if constexpr (std::is_same_v<T, bool>) return "bool";
    else if constexpr (std::is_same_v<T, char>) return "char";
    else if constexpr (std::is_same_v<T, signed char>) return "signed char";
    else if constexpr (std::is_same_v<T, unsigned char>) return "unsigned char";
    else if constexpr (std::is_same_v<T, short>) return "short";
    else if constexpr (std::is_same_v<T, unsigned short>) return "unsigned short";
    else if constexpr (std::is_same_v<T, int>) return "int";
    else if constexpr (std::is_same_v<T, unsigned int>) return "unsigned int";
    else if constexpr (std::is_same_v<T, long>) return "long";
    else if constexpr (std::is_same_v<T, unsigned long>) return "unsigned long";
    else if constexpr (std::is_same_v<T, long long>) return "long long";
    else if constexpr (std::is_same_v<T, unsigned long long>) return "unsigned long long";
    else return "integer";
}

template <class T> void constant(const char* name, T value) {
    static_assert(std::is_integral_v<T>);
    if constexpr (std::is_signed_v<T>) {
        long long v = value;
        if (v < 0) {
            std::printf("const %s: %lld (%s)\n", name, v, integer_type<T>());
            return;
        }
    }
    unsigned long long u = static_cast<unsigned long long>(value);
    std::printf("const %s: %llu (0x%llx, %s)\n", name, u, u, integer_type<T>());
}

template <class T> void record(const char* name) {
    std::printf("struct %s: size %zu, align %zu\n", name, sizeof(T), alignof(T));
}

template <class M> void field(const char* owner, const char* name, std::size_t offset, const char* type) {
    if constexpr (std::is_unbounded_array_v<M>)
        std::printf("struct %s.%s: offset %zu, size 0 (flexible array), type %s\n", owner, name, offset, type);
    else
        std::printf("struct %s.%s: offset %zu, size %zu, type %s\n", owner, name, offset, sizeof(M), type);
}

template <class T> void type_alias(const char* name, const char* type) {
    std::printf("typedef %s: %s, size %zu, align %zu\n", name, type, sizeof(T), alignof(T));
}

void error_number(const char* name, long long value) {
    std::printf("errno %s: %lld\n", name, value);
}
"""


def printer_program(abi, structs, typedefs, constants):
    lines = [PRINTER_PRELUDE]
    lines += [f'#include "{h}"' for h in headers(abi)]
    lines.append("int main() {")
    for name in constants:
        lines.append(f"    constant({c_string(name)}, ({name}));")
    for name, type_name in sorted(typedefs.items()):
        lines.append(f"    type_alias<{name}>({c_string(name)}, {c_string(type_name)});")
    for name, fields in sorted(structs.items()):
        lines.append(f"    record<struct {name}>({c_string(name)});")
        for field_name, type_name in fields:
            lines.append(f"    field<decltype({name}::{field_name})>({c_string(name)}, {c_string(field_name)}, "
                         f"offsetof(struct {name}, {field_name}), {c_string(type_name)});")
    lines.append("#define ERRNO(symbol, number, neutral) error_number(#symbol, (number));")
    lines.append(f'#include "abi-versions/v{abi}/program/errno.def"')
    lines.append("#undef ERRNO")
    lines.append("    return 0;")
    lines.append("}")
    return "\n".join(lines) + "\n"


def compiled_facts(root, abi, work, structs, typedefs, constants):
    source = os.path.join(work, "printer.cpp")
    binary = os.path.join(work, "printer")
    with open(source, "w") as out:
        out.write(printer_program(abi, structs, typedefs, constants))
    process = run([CXX, "-std=c++20", "-O0", "-w", "-I", root, source, "-o", binary])
    if process.returncode != 0:
        raise ContractError(f"program ABI {abi}: the layout program does not compile ({CXX}):\n"
                            + process.stderr)
    process = run([binary])
    if process.returncode != 0:
        raise ContractError(f"program ABI {abi}: the layout program failed:\n{process.stderr}")
    return process.stdout.splitlines()


def describe(root, abi):
    """The contract of program ABI `abi` under source tree `root`, as a list
    of lines (comment lines first)."""
    root = os.path.abspath(root)
    with tempfile.TemporaryDirectory(prefix=f"banos-contract-v{abi}-") as work:
        candidates = banos_macros(root, abi, work)
        declarations, constants = clang_ast(root, abi, work, candidates)
        slots, returns, structs, typedefs, enumerators = collect(declarations, abi)
        constants = sorted(set(constants) | set(enumerators))
        facts = compiled_facts(root, abi, work, structs, typedefs, constants)

    limit = next((int(line.split(": ")[1].split()[0]) for line in facts
                  if line.startswith("const BANOS_MAX_SLOTS: ")), None)

    slot_lines = []
    for number in sorted(slots):
        if limit is not None and number >= limit:
            raise ContractError(f"program ABI {abi}: slot {number} is past BANOS_MAX_SLOTS ({limit})")
        name, parameters = slots[number]
        listed = ", ".join(declarator(t, n) for n, t in parameters) if parameters else "void"
        slot_lines.append(f"slot {number}: {declarator(returns[number], name)}({listed})")

    def section(prefix):
        return [line for line in facts if line.startswith(prefix)]

    errno_lines = sorted(section("errno "), key=lambda line: (int(line.rsplit(" ", 1)[1]), line))
    # Structs in name order, each followed by its fields in declaration order.
    struct_lines = section("struct ")
    header = [
        f"# Program ABI {abi}: the frozen contract, as the compilers see it. Generated by",
        f"# tools/abi/contract.py from abi-versions/v{abi}/program/ and abi-versions/common/.",
        "# Do not edit: `make abi-contract-update` adds lines for new slots, constants and",
        "# structs and refuses to change or remove any line (abi-versions/README.md).",
    ]
    return (header + slot_lines + errno_lines + sorted(section("const ")) + sorted(section("typedef "))
            + struct_lines)
