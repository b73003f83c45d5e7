// The ELF64 structures and numbers ld-elf reads (gABI and the System V
// x86_64 psABI), under ld-elf's own names: the loader has no <elf.h>, and
// the host unit tests use the same header.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace ldelf::elf {

struct Header {
    unsigned char ident[16];
    uint16_t type;
    uint16_t machine;
    uint32_t version;
    uint64_t entry;
    uint64_t phoff;
    uint64_t shoff;
    uint32_t flags;
    uint16_t ehsize;
    uint16_t phentsize;
    uint16_t phnum;
    uint16_t shentsize;
    uint16_t shnum;
    uint16_t shstrndx;
};

struct ProgramHeader {
    uint32_t type;
    uint32_t flags;
    uint64_t offset;
    uint64_t vaddr;
    uint64_t paddr;
    uint64_t filesz;
    uint64_t memsz;
    uint64_t align;
};

struct Dynamic {
    int64_t tag;
    uint64_t value;
};

struct Symbol {
    uint32_t name;
    unsigned char info;
    unsigned char other;
    uint16_t shndx;
    uint64_t value;
    uint64_t size;
};

struct Rela {
    uint64_t offset;
    uint64_t info;
    int64_t addend;
};

static_assert(sizeof(Header) == 64 && sizeof(ProgramHeader) == 56 && sizeof(Dynamic) == 16 && sizeof(Symbol) == 24
              && sizeof(Rela) == 24);

constexpr uint16_t kTypeExec = 2;
constexpr uint16_t kTypeDyn = 3;
constexpr uint16_t kMachineX86_64 = 62;

constexpr uint32_t kLoad = 1;
constexpr uint32_t kDynamic = 2;
constexpr uint32_t kInterp = 3;
constexpr uint32_t kNote = 4;
constexpr uint32_t kPhdr = 6;
constexpr uint32_t kTls = 7;

constexpr uint32_t kFlagExecute = 1;
constexpr uint32_t kFlagWrite = 2;
constexpr uint32_t kFlagRead = 4;

constexpr int64_t kDtNull = 0;
constexpr int64_t kDtNeeded = 1;
constexpr int64_t kDtPltRelSize = 2;
constexpr int64_t kDtHash = 4;
constexpr int64_t kDtStrTab = 5;
constexpr int64_t kDtSymTab = 6;
constexpr int64_t kDtRela = 7;
constexpr int64_t kDtRelaSize = 8;
constexpr int64_t kDtRelaEntry = 9;
constexpr int64_t kDtStrSize = 10;
constexpr int64_t kDtSymEntry = 11;
constexpr int64_t kDtInit = 12;
constexpr int64_t kDtFini = 13;
constexpr int64_t kDtSoname = 14;
constexpr int64_t kDtPltRel = 20;
constexpr int64_t kDtJmpRel = 23;
constexpr int64_t kDtInitArray = 25;
constexpr int64_t kDtFiniArray = 26;
constexpr int64_t kDtInitArraySize = 27;
constexpr int64_t kDtFiniArraySize = 28;
constexpr int64_t kDtRelrSize = 35;
constexpr int64_t kDtRelr = 36;
constexpr int64_t kDtGnuHash = 0x6ffffef5;

constexpr uint16_t kSectionUndefined = 0;
constexpr unsigned char kBindLocal = 0;
constexpr unsigned char kBindGlobal = 1;
constexpr unsigned char kBindWeak = 2;
constexpr unsigned char kTypeTls = 6;
constexpr unsigned char kTypeGnuIfunc = 10;

inline unsigned char symbol_binding(const Symbol& symbol) { return symbol.info >> 4; }
inline unsigned char symbol_type(const Symbol& symbol) { return symbol.info & 0xf; }
inline uint32_t relocation_type(uint64_t info) { return static_cast<uint32_t>(info); }
inline uint32_t relocation_symbol(uint64_t info) { return static_cast<uint32_t>(info >> 32); }

} // namespace ldelf::elf
