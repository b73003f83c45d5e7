#pragma once
#include <stdint.h>

namespace mm {

// What a physical frame is used for, for accounting and for finding a heap
// allocation's owner from its address.
enum class FrameUse : uint8_t { Free, Reserved, Boot, PageTable, Heap, KernelStack, Test, User, Module };

// Per-frame metadata, one for every frame of usable RAM.
struct PageFrame {
    FrameUse use;
    uint8_t flags;
    uint16_t reserved;
    uint32_t ref_count;
    uint64_t owner_tag; // meaning depends on `use` (the heap keeps its slab here)
};
static_assert(sizeof(PageFrame) == 16);

} // namespace mm
