// ELF64 for x86_64: the structures and numbers the kernel (exec, modules),
// ld-elf and libc's static-PIE start read. Freestanding C++ (there is no
// <elf.h> in the kernel or in user space), so every part of the tree, and
// the host tests, take these facts from here and nowhere else.
//
// Sources: the System V ABI's generic part (gABI, "Object Files"), its
// x86_64 supplement (psABI) for the relocation types, and the GNU
// extensions ld and glibc use (PT_GNU_STACK, DT_GNU_HASH, DT_RELR,
// STT_GNU_IFUNC). Field names are the gABI's without their prefix
// (e_phoff: phoff); a constant is k<field><name>: e_type kType, p_type
// kSegment, p_flags kSegment{Read,Write,Execute}, sh_type kSection,
// sh_flags kSection{Write,Alloc,Execute}, special section indices
// kSectionIndex, symbol binding kBind, symbol type kSymbol, d_tag kDynamic,
// R_X86_64_* kRelocation.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "window.h"

namespace elf64 {

// e_ident
constexpr size_t kIdentSize = 16;
constexpr unsigned char kMagic[4] = { 0x7f, 'E', 'L', 'F' };
constexpr size_t kIdentClass = 4;
constexpr size_t kIdentData = 5;
constexpr size_t kIdentVersion = 6;
constexpr unsigned char kClass64 = 2;
constexpr unsigned char kDataLittleEndian = 1;
constexpr uint32_t kVersionCurrent = 1; // e_ident[EI_VERSION] and e_version

struct Header {
    unsigned char ident[kIdentSize];
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
static_assert(sizeof(Header) == 64);

// e_type
constexpr uint16_t kTypeRel = 1;
constexpr uint16_t kTypeExec = 2;
constexpr uint16_t kTypeDyn = 3;

// e_machine
constexpr uint16_t kMachineX86_64 = 62;

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
static_assert(sizeof(ProgramHeader) == 56);

// p_type
constexpr uint32_t kSegmentLoad = 1;
constexpr uint32_t kSegmentDynamic = 2;
constexpr uint32_t kSegmentInterp = 3;
constexpr uint32_t kSegmentNote = 4;
constexpr uint32_t kSegmentPhdr = 6;
constexpr uint32_t kSegmentTls = 7;
constexpr uint32_t kSegmentGnuStack = 0x6474e551;
constexpr uint32_t kSegmentBanosWindow = PT_BANOS_WINDOW; // banos's own (window.h)

// p_flags
constexpr uint32_t kSegmentExecute = 1;
constexpr uint32_t kSegmentWrite = 2;
constexpr uint32_t kSegmentRead = 4;

struct SectionHeader {
    uint32_t name;
    uint32_t type;
    uint64_t flags;
    uint64_t addr;
    uint64_t offset;
    uint64_t size;
    uint32_t link;
    uint32_t info;
    uint64_t addralign;
    uint64_t entsize;
};
static_assert(sizeof(SectionHeader) == 64);

// sh_type
constexpr uint32_t kSectionProgbits = 1;
constexpr uint32_t kSectionSymtab = 2;
constexpr uint32_t kSectionStrtab = 3;
constexpr uint32_t kSectionRela = 4;
constexpr uint32_t kSectionNobits = 8;
constexpr uint32_t kSectionRel = 9;

// sh_flags
constexpr uint64_t kSectionWrite = 1;
constexpr uint64_t kSectionAlloc = 2;
constexpr uint64_t kSectionExecute = 4;

// Special section indices (st_shndx)
constexpr uint16_t kSectionIndexUndefined = 0;
constexpr uint16_t kSectionIndexLowReserve = 0xff00; // SHN_LORESERVE: reserved from here up
constexpr uint16_t kSectionIndexAbsolute = 0xfff1;
constexpr uint16_t kSectionIndexCommon = 0xfff2;

struct Symbol {
    uint32_t name;
    unsigned char info; // binding << 4 | type
    unsigned char other;
    uint16_t shndx;
    uint64_t value;
    uint64_t size;
};
static_assert(sizeof(Symbol) == 24);

// Symbol binding (st_info >> 4)
constexpr unsigned char kBindLocal = 0;
constexpr unsigned char kBindGlobal = 1;
constexpr unsigned char kBindWeak = 2;

// Symbol type (st_info & 0xf)
constexpr unsigned char kSymbolTls = 6;
constexpr unsigned char kSymbolGnuIfunc = 10;

constexpr unsigned char symbol_binding(const Symbol& symbol) { return symbol.info >> 4; }
constexpr unsigned char symbol_type(const Symbol& symbol) { return symbol.info & 0xf; }

struct Rela {
    uint64_t offset;
    uint64_t info; // symbol index << 32 | type
    int64_t addend;
};
static_assert(sizeof(Rela) == 24);

constexpr uint32_t relocation_type(uint64_t info) { return static_cast<uint32_t>(info); }
constexpr uint32_t relocation_symbol(uint64_t info) { return static_cast<uint32_t>(info >> 32); }

// R_X86_64_* (psABI): the types ld-elf, modules or libc's start handle.
constexpr uint32_t kRelocationNone = 0;
constexpr uint32_t kRelocation64 = 1;
constexpr uint32_t kRelocationPc32 = 2;
constexpr uint32_t kRelocationPlt32 = 4;
constexpr uint32_t kRelocationCopy = 5;
constexpr uint32_t kRelocationGlobDat = 6;
constexpr uint32_t kRelocationJumpSlot = 7;
constexpr uint32_t kRelocationRelative = 8;
constexpr uint32_t kRelocation32 = 10;
constexpr uint32_t kRelocation32S = 11;
constexpr uint32_t kRelocationDtpMod64 = 16;
constexpr uint32_t kRelocationDtpOff64 = 17;
constexpr uint32_t kRelocationTpOff64 = 18;
constexpr uint32_t kRelocationPc64 = 24;

struct Dynamic {
    int64_t tag;
    uint64_t value; // d_val or d_ptr
};
static_assert(sizeof(Dynamic) == 16);

// d_tag
constexpr int64_t kDynamicNull = 0;
constexpr int64_t kDynamicNeeded = 1;
constexpr int64_t kDynamicPltRelSize = 2;
constexpr int64_t kDynamicHash = 4;
constexpr int64_t kDynamicStrTab = 5;
constexpr int64_t kDynamicSymTab = 6;
constexpr int64_t kDynamicRela = 7;
constexpr int64_t kDynamicRelaSize = 8;
constexpr int64_t kDynamicRelaEntry = 9;
constexpr int64_t kDynamicStrSize = 10;
constexpr int64_t kDynamicSymEntry = 11;
constexpr int64_t kDynamicInit = 12;
constexpr int64_t kDynamicFini = 13;
constexpr int64_t kDynamicSoname = 14;
constexpr int64_t kDynamicPltRel = 20;
constexpr int64_t kDynamicJmpRel = 23;
constexpr int64_t kDynamicInitArray = 25;
constexpr int64_t kDynamicFiniArray = 26;
constexpr int64_t kDynamicInitArraySize = 27;
constexpr int64_t kDynamicFiniArraySize = 28;
constexpr int64_t kDynamicRelrSize = 35;
constexpr int64_t kDynamicRelr = 36;
constexpr int64_t kDynamicRelrEntry = 37;
constexpr int64_t kDynamicGnuHash = 0x6ffffef5;

} // namespace elf64
