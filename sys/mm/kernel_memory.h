#pragma once
#include "arch/x86_64/mm/page_table.h"
#include "boot/boot_info.h"
#include "mm/boot_allocator.h"

namespace mm {

// The kernel's own page table: the direct map of RAM, the kernel image with
// per-section permissions, stacks and device mappings. Its upper half is
// shared by every address space.
arch::PageTable& kernel_page_table();

// Builds the kernel page table from the memory map, switches to it and
// moves physical access to the direct map. Page-table pages come from the
// boot allocator until the physical memory manager takes over.
klib::ErrorOr<void> init_kernel_address_space(const boot::BootInfo&, BootAllocator&);

// Page-table pages come from the physical memory manager from now on.
void use_physical_memory_for_page_tables();

// Maps device registers uncached and returns their kernel address.
klib::ErrorOr<uint64_t> map_mmio(PhysAddr, size_t size);

} // namespace mm
