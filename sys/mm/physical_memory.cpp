#include "mm/physical_memory.h"

#include <string.h>

#include "arch/x86_64/mm/phys.h"
#include "kernel/log.h"
#include "kernel/panic.h"
#include "lib/math.h"
#include "lib/spinlock.h"
#include "mm/frame_bitmap.h"

namespace mm {

namespace {
klib::Spinlock g_lock;
FrameBitmap g_bitmap;
PageFrame* g_frames = nullptr;
size_t g_frame_count = 0;
size_t g_total_usable = 0;
bool g_ready = false;

size_t frame_index(PhysAddr address) { return address / kPageSize; }

void mark(size_t first, size_t count, FrameUse use)
{
    for (size_t i = first; i < first + count && i < g_frame_count; ++i)
        g_frames[i] = PageFrame { use, 0, 0, 0, 0 };
}

void reserve(PhysAddr start, PhysAddr end, FrameUse use)
{
    size_t first = frame_index(klib::align_down(start, kPageSize));
    size_t last = klib::min(frame_index(klib::align_up(end, kPageSize)), g_frame_count);
    if (first >= last)
        return;
    g_bitmap.reserve_range(first, last - first);
    mark(first, last - first, use);
}
} // namespace

klib::ErrorOr<void> init_physical_memory(const boot::BootInfo& info, klib::Span<const PhysRange> reserved,
                                         BootAllocator& boot_allocator)
{
    PhysAddr highest = 0;
    for (const auto& region : info.memory_map())
        if (region.type == boot::MemoryType::Usable)
            highest = klib::max(highest, region.base + region.length);
    g_frame_count = frame_index(klib::align_down(highest, kPageSize));
    if (!g_frame_count)
        return klib::ErrorCode::NoMemory;

    size_t bitmap_bytes = klib::align_up(klib::Bitmap::words_for(g_frame_count) * sizeof(uint64_t), 16);
    size_t frames_bytes = g_frame_count * sizeof(PageFrame);
    size_t pages = klib::div_round_up(bitmap_bytes + frames_bytes, kPageSize);
    PhysAddr storage = TRY(boot_allocator.allocate(pages));
    auto* base = arch::phys_to_virt<unsigned char>(storage);
    auto* words = reinterpret_cast<uint64_t*>(base);
    g_frames = reinterpret_cast<PageFrame*>(base + bitmap_bytes);

    g_bitmap = FrameBitmap(words, g_frame_count);
    mark(0, g_frame_count, FrameUse::Reserved);
    for (const auto& region : info.memory_map()) {
        if (region.type != boot::MemoryType::Usable)
            continue;
        size_t first = frame_index(klib::align_up(region.base, kPageSize));
        size_t last = klib::min(frame_index(klib::align_down(region.base + region.length, kPageSize)), g_frame_count);
        if (first >= last)
            continue;
        g_bitmap.release_range(first, last - first);
        mark(first, last - first, FrameUse::Free);
    }
    g_total_usable = g_bitmap.free_count();
    for (const PhysRange& range : reserved)
        reserve(range.start, range.end, FrameUse::Reserved);
    // The boot allocator's last hand-out is our own storage, so it is covered too.
    for (const PhysRange& range : boot_allocator.handed_out())
        reserve(range.start, range.end, FrameUse::Boot);
    g_ready = true;

    auto stats = physical_memory_stats();
    klog::info("pmm: {} frames of usable RAM ({} MiB), {} free, {} in use", stats.total_frames,
               stats.total_frames * kPageSize >> 20, stats.free_frames, stats.used_frames);
    return {};
}

bool physical_memory_ready() { return g_ready; }

klib::ErrorOr<PhysAddr> allocate_frames(size_t count, FrameUse use, size_t alignment_frames)
{
    KASSERT(g_ready && use != FrameUse::Free);
    klib::SpinlockGuard guard(g_lock);
    auto first = g_bitmap.allocate(count, alignment_frames);
    if (!first)
        return klib::ErrorCode::NoMemory;
    mark(*first, count, use);
    return *first * kPageSize;
}

void free_frames(PhysAddr address, size_t count)
{
    klib::SpinlockGuard guard(g_lock);
    if (address % kPageSize || !g_bitmap.free(frame_index(address), count))
        kernel::panic("pmm: freeing {} frames at {:#x} that are not allocated", count, address);
    mark(frame_index(address), count, FrameUse::Free);
}

PageFrame* frame_for(PhysAddr address)
{
    size_t index = frame_index(address);
    return index < g_frame_count ? &g_frames[index] : nullptr;
}

void ref_frame(PhysAddr address)
{
    PageFrame* frame = frame_for(address);
    KASSERT(frame && frame->use != FrameUse::Free);
    __atomic_add_fetch(&frame->ref_count, 1, __ATOMIC_RELAXED);
}

void unref_frame(PhysAddr address)
{
    PageFrame* frame = frame_for(address);
    KASSERT(frame && frame->use != FrameUse::Free && frame->ref_count > 0);
    if (__atomic_sub_fetch(&frame->ref_count, 1, __ATOMIC_ACQ_REL) == 0)
        free_frame(address);
}

PhysicalMemoryStats physical_memory_stats()
{
    klib::SpinlockGuard guard(g_lock);
    size_t free = g_bitmap.free_count();
    return { g_total_usable, free, g_total_usable - free };
}

} // namespace mm
