#include "mm/kernel_heap.h"

#include <new>

#include "arch/x86_64/mm/phys.h"
#include "kernel/log.h"
#include "mm/physical_memory.h"

namespace mm {

namespace {
// Heap pages come from the direct map; their PageFrame records carry the
// heap's per-page tag.
class FrameBackend final : public HeapBackend {
public:
    void* allocate_pages(size_t count, size_t alignment_pages) override
    {
        auto frames = allocate_frames(count, FrameUse::Heap, alignment_pages);
        if (frames.is_error())
            return nullptr;
        return arch::phys_to_virt(frames.value());
    }
    void free_pages(void* start, size_t count) override { free_frames(arch::virt_to_phys(start), count); }
    void set_page_tag(void* page, uintptr_t tag) override { frame_for(arch::virt_to_phys(page))->owner_tag = tag; }
    uintptr_t page_tag(const void* page) override
    {
        PageFrame* frame = frame_for(arch::virt_to_phys(page));
        KASSERT(frame && frame->use == FrameUse::Heap);
        return frame->owner_tag;
    }
};

FrameBackend g_backend;
Heap* g_heap = nullptr;
alignas(Heap) unsigned char g_heap_storage[sizeof(Heap)];
} // namespace

void init_kernel_heap()
{
    g_heap = new (g_heap_storage) Heap(g_backend);
    klog::debug("heap: ready");
}

bool kernel_heap_ready() { return g_heap != nullptr; }

Heap& kernel_heap()
{
    KASSERT(g_heap);
    return *g_heap;
}

} // namespace mm

// Only the non-throwing forms of operator new exist in the kernel: code that
// allocates must handle failure (a plain `new` fails to link).
namespace {
void* heap_allocate(size_t size, size_t alignment)
{
    if (!mm::kernel_heap_ready())
        return nullptr;
    return mm::kernel_heap().allocate(size, alignment);
}
void heap_free(void* pointer)
{
    if (pointer)
        mm::kernel_heap().free(pointer);
}
} // namespace

void* operator new(size_t size, const std::nothrow_t&) noexcept { return heap_allocate(size, 16); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return heap_allocate(size, 16); }
void* operator new(size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept
{
    return heap_allocate(size, static_cast<size_t>(alignment));
}
void* operator new[](size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept
{
    return heap_allocate(size, static_cast<size_t>(alignment));
}
void operator delete(void* pointer) noexcept { heap_free(pointer); }
void operator delete[](void* pointer) noexcept { heap_free(pointer); }
void operator delete(void* pointer, size_t) noexcept { heap_free(pointer); }
void operator delete[](void* pointer, size_t) noexcept { heap_free(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { heap_free(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { heap_free(pointer); }
void operator delete(void* pointer, size_t, std::align_val_t) noexcept { heap_free(pointer); }
void operator delete[](void* pointer, size_t, std::align_val_t) noexcept { heap_free(pointer); }
