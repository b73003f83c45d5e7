#pragma once
// Pieces both multiboot versions share.
#include <string.h>

#include "boot/boot_info.h"

namespace boot::detail {

// Loader structures are packed and may be unaligned.
template <typename T>
T load(const unsigned char* p)
{
    T value;
    memcpy(&value, p, sizeof(T));
    return value;
}

// Both versions use the BIOS E820 type numbers.
inline MemoryType memory_type_from_e820(uint32_t type)
{
    switch (type) {
    case 1:
        return MemoryType::Usable;
    case 3:
        return MemoryType::AcpiReclaimable;
    case 4:
        return MemoryType::AcpiNvs;
    case 5:
        return MemoryType::Bad;
    default:
        return MemoryType::Reserved;
    }
}

} // namespace boot::detail
