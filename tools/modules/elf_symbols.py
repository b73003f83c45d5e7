"""Just enough ELF64 reading for the module build: sections by name and the
symbol table (name, binding, section index)."""
import re
import struct

SHN_UNDEF = 0
STB_LOCAL = 0


class Elf:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        if self.data[:4] != b"\x7fELF" or self.data[4] != 2 or self.data[5] != 1:
            raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
        (self.type, self.machine) = struct.unpack_from("<HH", self.data, 16)
        shoff, = struct.unpack_from("<Q", self.data, 40)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", self.data, 58)
        self.sections = []
        for i in range(shnum):
            name, stype, flags, addr, offset, size, link, info, align, entsize = struct.unpack_from(
                "<IIQQQQIIQQ", self.data, shoff + i * shentsize)
            self.sections.append(dict(name_index=name, type=stype, flags=flags, offset=offset, size=size,
                                      link=link, info=info))
        names = self.sections[shstrndx]
        for section in self.sections:
            section["name"] = self._string(names, section["name_index"])

    def _string(self, table, index):
        start = table["offset"] + index
        return self.data[start:self.data.index(b"\0", start)].decode()

    def section(self, name):
        return next((s for s in self.sections if s["name"] == name), None)

    def section_bytes(self, name):
        s = self.section(name)
        return None if s is None else self.data[s["offset"]:s["offset"] + s["size"]]

    def symbols(self):
        """(name, binding, section index) for every symbol but the first."""
        table = next(s for s in self.sections if s["type"] == 2)
        strings = self.sections[table["link"]]
        for at in range(table["offset"] + 24, table["offset"] + table["size"], 24):
            name, info, other, shndx, value, size = struct.unpack_from("<IBBHQQ", self.data, at)
            yield self._string(strings, name), info >> 4, shndx


# BANOS_EXPORT's entry, __banos_export_<name>; C++ spells a file-local
# variable _ZL<length>__banos_export_<name>.
EXPORT_ENTRY = re.compile(r"^(?:_ZL\d+)?__banos_export_(\w+)$")


def exported_names(path):
    """The names a kernel or module offers: its BANOS_EXPORT entries."""
    names = set()
    for name, _, shndx in Elf(path).symbols():
        match = EXPORT_ENTRY.match(name)
        if match and shndx != SHN_UNDEF:
            names.add(match.group(1))
    return names
