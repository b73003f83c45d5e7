#pragma once
#include <stddef.h>
#include <stdint.h>

#include "boot/boot_info.h"
#include "lib/error_or.h"
#include "mm/boot_allocator.h"
#include "mm/page_frame.h"
#include "mm/phys_range.h"

// The physical memory manager: a bitmap of every frame of usable RAM plus a
// PageFrame record for each. Safe to call from any CPU.
namespace mm {

constexpr uint64_t kPageSize = 4096;

struct PhysicalMemoryStats {
    size_t total_frames;    // usable RAM
    size_t free_frames;
    size_t used_frames;     // kernel image, modules, boot-time and later allocations
};

// Takes over from the boot allocator: everything it handed out stays used.
klib::ErrorOr<void> init_physical_memory(const boot::BootInfo&, klib::Span<const PhysRange> reserved,
                                         BootAllocator&);
bool physical_memory_ready();

klib::ErrorOr<PhysAddr> allocate_frames(size_t count, FrameUse, size_t alignment_frames = 1);
inline klib::ErrorOr<PhysAddr> allocate_frame(FrameUse use) { return allocate_frames(1, use); }
// Freeing a frame that is not allocated is a kernel bug and panics.
void free_frames(PhysAddr, size_t count);
inline void free_frame(PhysAddr frame) { free_frames(frame, 1); }

// The record for a frame of usable RAM, or null for any other address.
PageFrame* frame_for(PhysAddr);

// Mapped frames are reference counted: every mapping holds one reference,
// and so does any other owner (a cache, the kernel's shared pages). The
// frame goes back to the free pool when the last reference goes.
void ref_frame(PhysAddr);
void unref_frame(PhysAddr);
PhysicalMemoryStats physical_memory_stats();

} // namespace mm
