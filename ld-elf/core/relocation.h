// The relocation arithmetic of the x86_64 psABI for the types ld-elf
// applies (their numbers are in abi-versions/common/elf64.h), and the
// placement of static TLS blocks (TLS variant II). Pure functions: ld-elf
// does the lookups and the stores, the host unit tests check the numbers.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace ldelf {

enum class Relocation {
    None,       // R_X86_64_NONE
    Absolute64, // R_X86_64_64: S + A
    Copy,       // R_X86_64_COPY: the symbol's bytes into the program
    GlobDat,    // R_X86_64_GLOB_DAT: S
    JumpSlot,   // R_X86_64_JUMP_SLOT: S
    Relative,   // R_X86_64_RELATIVE: B + A
    DtpMod64,   // R_X86_64_DTPMOD64: the TLS module id
    DtpOff64,   // R_X86_64_DTPOFF64: offset in the module's block
    TpOff64,    // R_X86_64_TPOFF64: offset from the thread pointer
    Unsupported,
};

Relocation relocation_of(uint32_t type);

// What the computation needs; which fields matter depends on the type.
struct RelocationInput {
    uint64_t base;       // B: the relocated object's load bias
    int64_t addend;      // A
    uint64_t symbol;     // S: the definition's address (TLS: its offset in the block)
    uint64_t tls_module; // the defining object's module id
    uint64_t tls_offset; // its block's distance below the thread pointer
};

// The 64-bit value to store (None, Copy and Unsupported give 0).
uint64_t relocation_value(Relocation, const RelocationInput&);

// DT_RELR, the packed R_X86_64_RELATIVE relocations (gABI): adds `base`
// to every word they name. An even entry is an offset from `base`: that
// word, and the cursor moves after it; an odd one is a bitmap of the 63
// words from the cursor on (bit 1 the first), and the cursor moves 63 on.
void apply_relr(uint64_t base, const uint64_t* entries, size_t count);

// Static TLS, variant II: blocks lie below the thread pointer; a block of
// `size` bytes aligned to `align` placed after the ones that end `used`
// bytes below it goes at this distance below the thread pointer.
uint64_t static_tls_offset(uint64_t used, uint64_t size, uint64_t align);

} // namespace ldelf
