#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/intrusive_list.h"
#include "lib/spinlock.h"

// The kernel heap: slab caches for small sizes, whole pages for the rest.
// Independent of the machine: pages come from a backend (the physical
// memory manager in the kernel, the C library in host tests).
namespace mm {

class HeapBackend {
public:
    // Page-aligned and contiguous, or null.
    virtual void* allocate_pages(size_t count, size_t alignment_pages) = 0;
    virtual void free_pages(void* start, size_t count) = 0;
    // A word of heap-owned data per page, found again from any address in it.
    virtual void set_page_tag(void* page, uintptr_t tag) = 0;
    virtual uintptr_t page_tag(const void* page) = 0;

protected:
    ~HeapBackend() = default;
};

struct HeapStats {
    size_t allocations_in_use;
    size_t bytes_in_use;     // as handed out, rounded up to the size class
    size_t slab_pages;
    size_t large_pages;
    size_t total_allocations;
    size_t failed_allocations;
};

class SlabCache;

// Lives at the end of the slab's memory, so objects start page-aligned and
// power-of-two sizes are naturally aligned.
struct Slab {
    SlabCache* cache;
    klib::IntrusiveListNode node;
    void* free_list;
    char* base;
    uint32_t in_use;
    uint32_t capacity;
};

class SlabCache {
public:
    void init(uint32_t object_size, uint32_t slab_pages);
    void* allocate(HeapBackend&);
    void free(Slab&, void* object, HeapBackend&);
    void trim(HeapBackend&);

    uint32_t object_size() const { return object_size_; }
    size_t objects_in_use() const { return objects_in_use_; }
    size_t slab_count() const { return slab_count_; }
    uint32_t slab_pages() const { return slab_pages_; }

private:
    Slab* grow(HeapBackend&);
    void release(Slab&, HeapBackend&);

    uint32_t object_size_ { 0 };
    uint32_t slab_pages_ { 0 };
    klib::Spinlock lock_;
    klib::IntrusiveList<Slab, &Slab::node> partial_;
    klib::IntrusiveList<Slab, &Slab::node> full_;
    klib::IntrusiveList<Slab, &Slab::node> empty_;
    size_t objects_in_use_ { 0 };
    size_t slab_count_ { 0 };
};

class Heap {
public:
    static constexpr size_t kLargestSlabObject = 2048;
    static constexpr size_t kClassCount = 14;

    explicit Heap(HeapBackend& backend);
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    // The heap must be empty by then: anything still allocated is a leak,
    // and the destructor fails an assertion rather than hide it.
    ~Heap();

    void* allocate(size_t size, size_t alignment = 16);
    void free(void* pointer);
    // The number of bytes usable at `pointer` (at least what was asked for).
    size_t usable_size(const void* pointer);
    HeapStats stats();
    // Gives empty slabs back to the backend.
    void trim();

private:
    SlabCache* cache_for(size_t size, size_t alignment);

    HeapBackend& backend_;
    SlabCache caches_[kClassCount];
    klib::Spinlock large_lock_;
    size_t large_allocations_ { 0 };
    size_t large_pages_ { 0 };
    size_t total_allocations_ { 0 };
    size_t failed_allocations_ { 0 };
};

} // namespace mm
