#pragma once
#include <stdint.h>

#include "arch/x86_64/mm/layout.h"

// Physical memory is reached through an offset: 0 while the boot identity
// map is live, the direct-map base after paging is rebuilt.
namespace arch {

using PhysAddr = uint64_t;

extern uint64_t g_phys_to_virt_offset;

template <typename T = void>
inline T* phys_to_virt(PhysAddr phys)
{
    return reinterpret_cast<T*>(phys + g_phys_to_virt_offset);
}

// For addresses in the direct map or the kernel image only.
inline PhysAddr virt_to_phys(const void* pointer)
{
    auto address = reinterpret_cast<uint64_t>(pointer);
    if (address >= layout::kKernelVma)
        return address - layout::kKernelVma;
    return address - g_phys_to_virt_offset;
}

} // namespace arch
