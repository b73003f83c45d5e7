#include <utility>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/page_table.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "lib/spinlock.h"
#include "mm/kernel_memory.h"
#include "mm/physical_memory.h"

extern "C" char __kernel_start[], __text_end[], __rodata_end[], __kernel_end[];

namespace mm {

namespace {
klib::Optional<arch::PageTable> g_kernel_table;
BootAllocator* g_boot_allocator = nullptr;
klib::Spinlock g_mmio_lock;
uint64_t g_mmio_next = arch::layout::kMmioBase;

constexpr uint64_t kPage = arch::layout::kPageSize;
constexpr uint64_t kLarge = arch::layout::kLargePageSize;
constexpr uint64_t kCr4GlobalPages = 1 << 7;

klib::ErrorOr<PhysAddr> boot_table_frame() { return g_boot_allocator->allocate(1); }
void boot_table_free(PhysAddr) { KASSERT_NOT_REACHED(); } // nothing is freed while booting
klib::ErrorOr<PhysAddr> table_frame() { return allocate_frame(FrameUse::PageTable); }
void table_free(PhysAddr frame) { free_frame(frame); }

klib::ErrorOr<void> ignore_existing(klib::ErrorOr<void> result)
{
    // Loaders sometimes report overlapping regions; the first mapping wins.
    if (result.is_error() && result.error().code() == klib::ErrorCode::Exists)
        return {};
    return result;
}

klib::ErrorOr<void> direct_map_range(arch::PageTable& table, PhysAddr start, PhysAddr end)
{
    constexpr uint32_t flags = arch::kMapWrite | arch::kMapGlobal;
    PhysAddr phys = klib::align_down(start, kPage);
    end = klib::align_up(end, kPage);
    while (phys < end) {
        uint64_t virt = arch::layout::kDirectMapBase + phys;
        if (klib::is_aligned(phys, kLarge) && phys + kLarge <= end) {
            TRY(ignore_existing(table.map_large(virt, phys, flags)));
            phys += kLarge;
        } else {
            TRY(ignore_existing(table.map(virt, phys, flags)));
            phys += kPage;
        }
    }
    return {};
}

klib::ErrorOr<void> map_kernel_section(arch::PageTable& table, const char* start, const char* end, uint32_t flags)
{
    for (auto virt = reinterpret_cast<uint64_t>(start); virt < reinterpret_cast<uint64_t>(end); virt += kPage)
        TRY(table.map(virt, virt - arch::layout::kKernelVma, flags | arch::kMapGlobal));
    return {};
}
} // namespace

arch::PageTable& kernel_page_table() { return *g_kernel_table; }

klib::ErrorOr<void> init_kernel_address_space(const boot::BootInfo& info, BootAllocator& boot_allocator)
{
    g_boot_allocator = &boot_allocator;
    arch::set_page_table_frames({ boot_table_frame, boot_table_free });
    arch::PageTable table = TRY(arch::PageTable::create_kernel());

    // The first MiB holds firmware tables (ACPI's RSDP may be found there).
    TRY(direct_map_range(table, 0, 1 << 20));
    uint64_t mapped_bytes = 0;
    for (const auto& region : info.memory_map()) {
        bool ram = region.type == boot::MemoryType::Usable || region.type == boot::MemoryType::AcpiReclaimable
            || region.type == boot::MemoryType::AcpiNvs;
        if (!ram)
            continue;
        if (region.base + region.length > arch::layout::kDirectMapSize)
            continue;
        TRY(direct_map_range(table, region.base, region.base + region.length));
        mapped_bytes += region.length;
    }
    // Modules may sit in memory the map calls reserved; map them too.
    for (const auto& module : info.module_list())
        TRY(direct_map_range(table, module.start, module.end));

    TRY(map_kernel_section(table, __kernel_start, __text_end, arch::kMapExecute));
    TRY(map_kernel_section(table, __text_end, __rodata_end, 0));
    TRY(map_kernel_section(table, __rodata_end, __kernel_end, arch::kMapWrite));

    arch::write_cr4(arch::read_cr4() | kCr4GlobalPages);
    table.activate();
    arch::g_phys_to_virt_offset = arch::layout::kDirectMapBase;
    g_kernel_table = std::move(table);
    klog::debug("vm: kernel page table at {:#x}, {} MiB of RAM in the direct map", g_kernel_table->root(),
                mapped_bytes >> 20);
    return {};
}

void use_physical_memory_for_page_tables()
{
    arch::set_page_table_frames({ table_frame, table_free });
    g_boot_allocator = nullptr;
}

klib::ErrorOr<uint64_t> map_mmio(PhysAddr phys, size_t size)
{
    PhysAddr first = klib::align_down(phys, kPage);
    uint64_t bytes = klib::align_up(phys + size, kPage) - first;
    uint64_t virt;
    {
        klib::SpinlockGuard guard(g_mmio_lock);
        if (bytes > arch::layout::kMmioBase + arch::layout::kMmioSize - g_mmio_next)
            return klib::ErrorCode::NoMemory;
        virt = g_mmio_next;
        g_mmio_next += bytes + kPage; // an unmapped page between mappings
    }
    for (uint64_t offset = 0; offset < bytes; offset += kPage)
        TRY(kernel_page_table().map(virt + offset, first + offset,
                                    arch::kMapWrite | arch::kMapUncached | arch::kMapGlobal));
    return virt + (phys - first);
}

} // namespace mm
