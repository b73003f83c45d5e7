#include "mm/heap/heap.h"

#include <new>

#include "lib/assert.h"
#include "lib/math.h"

namespace mm {

namespace {
constexpr size_t kPage = 4096;

struct SizeClass {
    uint32_t size;
    uint32_t slab_pages;
};
constexpr SizeClass kClasses[Heap::kClassCount] = {
    { 16, 1 }, { 32, 1 }, { 48, 1 }, { 64, 1 }, { 96, 1 }, { 128, 1 }, { 192, 1 },
    { 256, 1 }, { 384, 1 }, { 512, 1 }, { 768, 2 }, { 1024, 2 }, { 1536, 4 }, { 2048, 4 },
};

// Large allocations are tagged with an odd number so they never look like a
// slab header pointer.
constexpr uintptr_t large_tag(size_t pages) { return (pages << 1) | 1; }
constexpr bool is_large_tag(uintptr_t tag) { return tag & 1; }
constexpr size_t large_tag_pages(uintptr_t tag) { return tag >> 1; }

void* page_of(const void* pointer)
{
    return reinterpret_cast<void*>(klib::align_down(reinterpret_cast<uintptr_t>(pointer), kPage));
}
} // namespace

void SlabCache::init(uint32_t object_size, uint32_t slab_pages)
{
    object_size_ = object_size;
    slab_pages_ = slab_pages;
}

Slab* SlabCache::grow(HeapBackend& backend)
{
    auto* base = static_cast<char*>(backend.allocate_pages(slab_pages_, 1));
    if (!base)
        return nullptr;
    size_t bytes = slab_pages_ * kPage;
    auto* slab = new (base + bytes - sizeof(Slab)) Slab {};
    slab->cache = this;
    slab->base = base;
    slab->capacity = static_cast<uint32_t>((bytes - sizeof(Slab)) / object_size_);
    // Thread the free list through the objects, lowest address first.
    void** link = &slab->free_list;
    for (uint32_t i = 0; i < slab->capacity; ++i) {
        char* object = base + i * object_size_;
        *link = object;
        link = reinterpret_cast<void**>(object);
    }
    *link = nullptr;
    for (size_t page = 0; page < slab_pages_; ++page)
        backend.set_page_tag(base + page * kPage, reinterpret_cast<uintptr_t>(slab));
    ++slab_count_;
    return slab;
}

void SlabCache::release(Slab& slab, HeapBackend& backend)
{
    --slab_count_;
    backend.free_pages(slab.base, slab_pages_);
}

void* SlabCache::allocate(HeapBackend& backend)
{
    klib::SpinlockGuard guard(lock_);
    Slab* slab = partial_.first();
    if (!slab) {
        slab = empty_.pop_front();
        if (!slab) {
            slab = grow(backend);
            if (!slab)
                return nullptr;
        }
        partial_.push_back(*slab);
    }
    void* object = slab->free_list;
    slab->free_list = *static_cast<void**>(object);
    if (++slab->in_use == slab->capacity) {
        partial_.remove(*slab);
        full_.push_back(*slab);
    }
    ++objects_in_use_;
    return object;
}

void SlabCache::free(Slab& slab, void* object, HeapBackend& backend)
{
    auto offset = static_cast<size_t>(static_cast<char*>(object) - slab.base);
    KASSERT(offset % object_size_ == 0 && offset / object_size_ < slab.capacity);
    Slab* to_release = nullptr;
    {
        klib::SpinlockGuard guard(lock_);
        KASSERT(slab.in_use > 0);
        bool was_full = slab.in_use == slab.capacity;
        *static_cast<void**>(object) = slab.free_list;
        slab.free_list = object;
        --slab.in_use;
        --objects_in_use_;
        if (was_full) {
            full_.remove(slab);
            partial_.push_back(slab);
        }
        if (slab.in_use == 0) {
            partial_.remove(slab);
            // Keep one empty slab to absorb alloc/free churn at a boundary.
            if (empty_.is_empty())
                empty_.push_back(slab);
            else
                to_release = &slab;
        }
    }
    if (to_release)
        release(*to_release, backend);
}

void SlabCache::trim(HeapBackend& backend)
{
    for (;;) {
        Slab* slab;
        {
            klib::SpinlockGuard guard(lock_);
            slab = empty_.pop_front();
        }
        if (!slab)
            return;
        release(*slab, backend);
    }
}

Heap::Heap(HeapBackend& backend) : backend_(backend)
{
    for (size_t i = 0; i < kClassCount; ++i)
        caches_[i].init(kClasses[i].size, kClasses[i].slab_pages);
}

Heap::~Heap()
{
    KASSERT(stats().allocations_in_use == 0);
    trim();
}

SlabCache* Heap::cache_for(size_t size, size_t alignment)
{
    for (auto& cache : caches_) {
        uint32_t object = cache.object_size();
        // Objects are aligned to the largest power of two dividing their size.
        size_t natural = object & (~object + 1);
        if (object >= size && natural >= alignment)
            return &cache;
    }
    return nullptr;
}

void* Heap::allocate(size_t size, size_t alignment)
{
    if (size == 0)
        size = 1;
    if (!klib::is_power_of_two(alignment))
        return nullptr;
    __atomic_add_fetch(&total_allocations_, 1, __ATOMIC_RELAXED);
    if (size <= kLargestSlabObject && alignment <= kLargestSlabObject) {
        if (SlabCache* cache = cache_for(size, alignment)) {
            void* object = cache->allocate(backend_);
            if (!object)
                __atomic_add_fetch(&failed_allocations_, 1, __ATOMIC_RELAXED);
            return object;
        }
    }
    if (size > SIZE_MAX - kPage) {
        __atomic_add_fetch(&failed_allocations_, 1, __ATOMIC_RELAXED);
        return nullptr;
    }
    size_t pages = klib::div_round_up(size, kPage);
    size_t alignment_pages = alignment > kPage ? alignment / kPage : 1;
    void* start = backend_.allocate_pages(pages, alignment_pages);
    if (!start) {
        __atomic_add_fetch(&failed_allocations_, 1, __ATOMIC_RELAXED);
        return nullptr;
    }
    backend_.set_page_tag(start, large_tag(pages));
    klib::SpinlockGuard guard(large_lock_);
    ++large_allocations_;
    large_pages_ += pages;
    return start;
}

void Heap::free(void* pointer)
{
    if (!pointer)
        return;
    uintptr_t tag = backend_.page_tag(page_of(pointer));
    if (is_large_tag(tag)) {
        KASSERT(page_of(pointer) == pointer);
        size_t pages = large_tag_pages(tag);
        backend_.set_page_tag(pointer, 0);
        {
            klib::SpinlockGuard guard(large_lock_);
            --large_allocations_;
            large_pages_ -= pages;
        }
        backend_.free_pages(pointer, pages);
        return;
    }
    KASSERT(tag != 0);
    auto* slab = reinterpret_cast<Slab*>(tag);
    slab->cache->free(*slab, pointer, backend_);
}

size_t Heap::usable_size(const void* pointer)
{
    uintptr_t tag = backend_.page_tag(page_of(pointer));
    if (is_large_tag(tag))
        return large_tag_pages(tag) * kPage;
    return reinterpret_cast<Slab*>(tag)->cache->object_size();
}

HeapStats Heap::stats()
{
    HeapStats stats {};
    for (auto& cache : caches_) {
        stats.allocations_in_use += cache.objects_in_use();
        stats.bytes_in_use += cache.objects_in_use() * cache.object_size();
        stats.slab_pages += cache.slab_count() * cache.slab_pages();
    }
    klib::SpinlockGuard guard(large_lock_);
    stats.allocations_in_use += large_allocations_;
    stats.bytes_in_use += large_pages_ * kPage;
    stats.large_pages = large_pages_;
    stats.total_allocations = total_allocations_;
    stats.failed_allocations = failed_allocations_;
    return stats;
}

void Heap::trim()
{
    for (auto& cache : caches_)
        cache.trim(backend_);
}

} // namespace mm
