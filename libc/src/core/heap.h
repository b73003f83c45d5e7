// malloc's core: pure C++ over an abstract source of pages, so the host
// unit tests run the same code banos does (over a counting fake).
//
// * Requests under 64 KiB come from 1 MiB arenas, aligned to 1 MiB. An
//   arena starts with its header: two bitmaps over its 65536 blocks of 16
//   bytes (in use; first block of an allocation), so an allocation's size
//   is found from the bitmaps alone. Allocation is first fit (arenas in
//   address order, blocks from the arena's hint, the lowest block that may
//   be free). An arena that becomes empty goes back to the page source.
// * Larger requests (and alignments over 64 KiB) get a mapping of their
//   own, with a 16-byte header just below the pointer (mapping size and the
//   pointer's offset in it); free unmaps it.
// * The owning arena of a pointer is its address rounded down to 1 MiB,
//   looked up in a sorted table of arenas (anything not in it is large).
//
// Not thread-safe: the caller serializes (libc's malloc takes one lock).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace banos::libc::heap {

inline constexpr size_t page_size = 4096;
inline constexpr size_t arena_size = size_t(1) << 20;
inline constexpr size_t block_size = 16;
inline constexpr size_t small_limit = 64 * 1024; // requests below this use arenas

struct PageSource {
    // `size` bytes of zeroed memory (size a multiple of page_size) at an
    // address aligned to `alignment` (a power of two, at least page_size);
    // nullptr when there is none.
    void* (*map)(void* context, size_t size, size_t alignment);
    // Gives back what map returned (whole mappings only).
    void (*unmap)(void* context, void* address, size_t size);
    void* context;
};

struct Statistics {
    size_t arenas = 0;
    size_t large_mappings = 0;
    size_t mapped_bytes = 0;  // arenas and large mappings
    size_t used_blocks = 0;   // in arenas, headers not counted
};

class Arena;

class Heap {
public:
    constexpr explicit Heap(PageSource source) : source_(source) {}
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // At least `size` bytes (0 counts as 1) aligned to `alignment` (a power
    // of two; 16 is always given); nullptr when the source has no memory or
    // the size is absurd.
    void* allocate(size_t size, size_t alignment = block_size);
    // The same, zeroed.
    void* allocate_zeroed(size_t size);
    // false when `pointer` is not something allocate returned and not yet
    // released (nullptr is fine).
    bool release(void* pointer);
    // realloc: nullptr with *invalid set when `pointer` is bad; nullptr
    // with the old allocation intact when there is no memory. Size 0 frees.
    void* reallocate(void* pointer, size_t size, bool* invalid);
    // How many bytes the allocation really has; 0 for a bad pointer.
    size_t usable_size(const void* pointer) const;

    Statistics statistics() const;
    // Every arena's bitmaps and counters agree (for the tests).
    bool check_consistency() const;

private:
    Arena* arena_of(const void* pointer) const;
    bool add_arena(Arena* arena);
    void remove_arena(size_t index);
    void* allocate_small(size_t blocks, size_t alignment_blocks);
    void* allocate_large(size_t size, size_t alignment);

    PageSource source_;
    Arena** arenas_ = nullptr; // sorted by address
    size_t arena_count_ = 0;
    size_t arena_capacity_ = 0;
    size_t large_count_ = 0;
    size_t large_bytes_ = 0;
};

} // namespace banos::libc::heap
