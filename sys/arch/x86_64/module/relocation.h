#pragma once
// The x86_64 relocations a banos module may use (System V x86_64 psABI; the
// numbers are in abi-versions/common/elf64.h), with their widths and
// overflow rules. Everything else is refused: a module built with
// -mcmodel=kernel -fno-pic needs nothing more.
#include <stddef.h>
#include <stdint.h>

#include "lib/optional.h"

namespace arch::module {

// Bytes the relocation writes, or nothing for a type outside the whitelist.
klib::Optional<size_t> relocation_width(uint32_t type);
const char* relocation_name(uint32_t type);

// The value to store at P for a supported type, or nothing if it does not
// fit the field (the overflow checks).
klib::Optional<uint64_t> relocation_value(uint32_t type, uint64_t symbol, int64_t addend, uint64_t place);

// Stores the low `width` bytes of value at `place` (little-endian, unaligned).
void store_relocation(unsigned char* place, size_t width, uint64_t value);

} // namespace arch::module
