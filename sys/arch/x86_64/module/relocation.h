#pragma once
// The x86_64 relocations a banos module may use (System V x86_64 psABI
// numbers), with their widths and overflow rules. Everything else is
// refused: a module built with -mcmodel=kernel -fno-pic needs nothing more.
#include <stddef.h>
#include <stdint.h>

#include "lib/optional.h"

namespace arch::module {

constexpr uint32_t kRelocation64 = 1;     // S + A
constexpr uint32_t kRelocationPc32 = 2;   // S + A - P, signed 32
constexpr uint32_t kRelocationPlt32 = 4;  // as PC32: there is no PLT, calls go direct
constexpr uint32_t kRelocation32 = 10;    // S + A, zero-extended 32
constexpr uint32_t kRelocation32S = 11;   // S + A, sign-extended 32
constexpr uint32_t kRelocationPc64 = 24;  // S + A - P

// Bytes the relocation writes, or nothing for a type outside the whitelist.
klib::Optional<size_t> relocation_width(uint32_t type);
const char* relocation_name(uint32_t type);

// The value to store at P for a supported type, or nothing if it does not
// fit the field (the overflow checks).
klib::Optional<uint64_t> relocation_value(uint32_t type, uint64_t symbol, int64_t addend, uint64_t place);

// Stores the low `width` bytes of value at `place` (little-endian, unaligned).
void store_relocation(unsigned char* place, size_t width, uint64_t value);

} // namespace arch::module
