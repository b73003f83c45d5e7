// malloc and friends: the heap of libc/src/core/heap.cpp over the mmap and
// munmap slots. One lock serializes the heap; processes are single-threaded
// so far, so the lock is empty (threads will make HeapLock a real one).
#include <banos.h>
#include <banos/slots.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../core/heap.h"
#include "../core/memory.h"
#include "../internal/failure.h"

namespace heap = banos::libc::heap;
using banos::libc::fail;

namespace {

void* map_pages(void*, size_t size, size_t alignment)
{
    size_t length = alignment > heap::page_size ? size + alignment : size;
    int64_t address = __banos_slot_mmap(0, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (address == -1)
        return nullptr;
    auto start = static_cast<uint64_t>(address);
    if (alignment <= heap::page_size)
        return reinterpret_cast<void*>(start);
    // Keep the aligned part of the larger mapping.
    uint64_t aligned = (start + alignment - 1) & ~(uint64_t(alignment) - 1);
    if (aligned > start)
        __banos_slot_munmap(start, aligned - start);
    uint64_t end = start + length;
    if (end > aligned + size)
        __banos_slot_munmap(aligned + size, end - (aligned + size));
    return reinterpret_cast<void*>(aligned);
}

void unmap_pages(void*, void* address, size_t size)
{
    __banos_slot_munmap(reinterpret_cast<uint64_t>(address), size);
}

constinit heap::Heap the_heap(heap::PageSource { map_pages, unmap_pages, nullptr });

// Where the heap's lock will be taken and released once threads exist.
class HeapLock {
public:
    HeapLock() { }
    ~HeapLock() { }
    HeapLock(const HeapLock&) = delete;
    HeapLock& operator=(const HeapLock&) = delete;
};

[[noreturn]] void invalid_pointer(const char* function, void* pointer)
{
    char message[96];
    char* cursor = message;
    cursor = banos::libc::stpcpy(cursor, function);
    cursor = banos::libc::stpcpy(cursor, "(): invalid pointer 0x");
    auto value = reinterpret_cast<uintptr_t>(pointer);
    for (int shift = 60; shift >= 0; shift -= 4)
        *cursor++ = "0123456789abcdef"[(value >> shift) & 0xf];
    *cursor++ = '\n';
    write(STDERR_FILENO, message, static_cast<size_t>(cursor - message));
    abort();
}

bool valid_alignment(size_t alignment) { return alignment != 0 && (alignment & (alignment - 1)) == 0; }

} // namespace

extern "C" {

void banos_get_heap_statistics(struct banos_heap_statistics* out)
{
    HeapLock lock;
    heap::Statistics statistics = the_heap.statistics();
    out->arenas = statistics.arenas;
    out->large_mappings = statistics.large_mappings;
    out->mapped_bytes = statistics.mapped_bytes;
    out->used_blocks = statistics.used_blocks;
}

void* malloc(size_t size)
{
    HeapLock lock;
    void* pointer = the_heap.allocate(size);
    return pointer != nullptr ? pointer : fail<void*>(ENOMEM, nullptr);
}

void* calloc(size_t count, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(count, size, &total))
        return fail<void*>(ENOMEM, nullptr);
    HeapLock lock;
    void* pointer = the_heap.allocate_zeroed(total);
    return pointer != nullptr ? pointer : fail<void*>(ENOMEM, nullptr);
}

void* realloc(void* pointer, size_t size)
{
    HeapLock lock;
    bool invalid;
    void* result = the_heap.reallocate(pointer, size, &invalid);
    if (invalid)
        invalid_pointer("realloc", pointer);
    if (result == nullptr && size != 0)
        errno = ENOMEM;
    return result;
}

void* reallocarray(void* pointer, size_t count, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(count, size, &total))
        return fail<void*>(ENOMEM, nullptr);
    return realloc(pointer, total);
}

void free(void* pointer)
{
    HeapLock lock;
    if (!the_heap.release(pointer))
        invalid_pointer("free", pointer);
}

void* aligned_alloc(size_t alignment, size_t size)
{
    if (!valid_alignment(alignment))
        return fail<void*>(EINVAL, nullptr);
    HeapLock lock;
    void* pointer = the_heap.allocate(size, alignment);
    return pointer != nullptr ? pointer : fail<void*>(ENOMEM, nullptr);
}

void* memalign(size_t alignment, size_t size)
{
    return aligned_alloc(alignment, size);
}

int posix_memalign(void** result, size_t alignment, size_t size)
{
    if (!valid_alignment(alignment) || alignment % sizeof(void*) != 0)
        return EINVAL;
    HeapLock lock;
    void* pointer = the_heap.allocate(size, alignment);
    if (pointer == nullptr)
        return ENOMEM;
    *result = pointer;
    return 0;
}

size_t malloc_usable_size(void* pointer)
{
    HeapLock lock;
    return the_heap.usable_size(pointer);
}
}
