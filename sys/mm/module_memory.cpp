#include "mm/module_memory.h"

#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/page_table.h"
#include "lib/bitmap.h"
#include "lib/spinlock.h"
#include "mm/kernel_memory.h"
#include "mm/physical_memory.h"

namespace mm {

namespace {
constexpr size_t kAreaPages = arch::layout::kModuleSize / kPageSize;

klib::Spinlock g_lock;
uint64_t g_page_words[klib::Bitmap::words_for(kAreaPages)];
klib::Bitmap g_pages(g_page_words, kAreaPages);

uint64_t page_address(size_t page) { return arch::layout::kModuleBase + page * kPageSize; }

// First fit, leaving an unmapped page after each block so running off its
// end faults instead of reaching the next module.
klib::Optional<size_t> claim(size_t pages)
{
    klib::SpinlockGuard guard(g_lock);
    size_t run = 0;
    for (size_t page = 0; page < kAreaPages; ++page) {
        run = g_pages.get(page) ? 0 : run + 1;
        if (run == pages + 1) {
            size_t first = page + 1 - run;
            g_pages.set_range(first, run, true);
            return first;
        }
    }
    return {};
}

void release(size_t first, size_t pages)
{
    klib::SpinlockGuard guard(g_lock);
    g_pages.set_range(first, pages + 1, false);
}
} // namespace

klib::ErrorOr<ModuleMemory> ModuleMemory::create(size_t bytes)
{
    size_t pages = bytes / kPageSize;
    if (pages == 0 || bytes % kPageSize)
        return klib::ErrorCode::Invalid;
    auto first = claim(pages);
    if (!first)
        return klib::ErrorCode::NoMemory;
    ModuleMemory memory(page_address(*first), pages);
    for (size_t i = 0; i < pages; ++i) {
        PhysAddr frame = TRY(allocate_frame(FrameUse::Module));
        auto mapped = kernel_page_table().map(memory.base_ + i * kPageSize, frame, arch::kMapWrite | arch::kMapGlobal);
        if (mapped.is_error()) {
            free_frame(frame);
            return mapped.release_error();
        }
        memory.pages_ = i + 1; // a later failure unwinds exactly what is mapped
    }
    return memory;
}

ModuleMemory::~ModuleMemory()
{
    if (!claimed_)
        return;
    for (size_t i = 0; i < pages_; ++i)
        if (auto frame = kernel_page_table().unmap(base_ + i * kPageSize))
            free_frame(*frame);
    release((base_ - arch::layout::kModuleBase) / kPageSize, claimed_);
}

klib::ErrorOr<void> ModuleMemory::seal(uint64_t offset, uint64_t bytes, Seal seal)
{
    uint32_t flags = arch::kMapGlobal;
    if (seal == Seal::Execute)
        flags |= arch::kMapExecute;
    else if (seal == Seal::ReadWrite)
        flags |= arch::kMapWrite;
    for (uint64_t at = offset; at < offset + bytes; at += kPageSize)
        TRY(kernel_page_table().protect(base_ + at, flags));
    return {};
}

klib::ErrorOr<void> prepare_module_area()
{
    return kernel_page_table().prepare(arch::layout::kModuleBase, arch::layout::kModuleBase + arch::layout::kModuleSize);
}

} // namespace mm
