/* malloc and friends for real, over the mmap and munmap slots: a random
 * stress with content checks, alignment, realloc, calloc, and that every
 * arena and mapping goes back to the system once everything is freed. */
#include <banos.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"

struct live {
    unsigned char* pointer;
    size_t size;
    unsigned char seed;
};

static uint64_t random_state = 0x9e3779b97f4a7c15ull;

static uint64_t next_random(void)
{
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return random_state;
}

static void fill(struct live* allocation)
{
    size_t checked = allocation->size < 256 ? allocation->size : 256;
    for (size_t i = 0; i < checked; ++i)
        allocation->pointer[i] = (unsigned char)(allocation->seed + i);
    if (allocation->size > 256)
        allocation->pointer[allocation->size - 1] = allocation->seed;
}

/* Whether the first `size` bytes still hold what fill() wrote for `filled`. */
static bool intact_prefix(const struct live* allocation, size_t size, size_t filled)
{
    size_t checked = size < 256 ? size : 256;
    for (size_t i = 0; i < checked; ++i) {
        if (allocation->pointer[i] != (unsigned char)(allocation->seed + i))
            return false;
    }
    return filled <= 256 || size < filled || allocation->pointer[filled - 1] == allocation->seed;
}

static bool intact(const struct live* allocation)
{
    return intact_prefix(allocation, allocation->size, allocation->size);
}

static struct banos_heap_statistics statistics(void)
{
    struct banos_heap_statistics result;
    banos_get_heap_statistics(&result);
    return result;
}

void test_memory(void)
{
    struct banos_heap_statistics before = statistics();
    check_format("malloc.starts_empty", before.arenas == 0 && before.large_mappings == 0 && before.mapped_bytes == 0,
        "%zu arenas, %zu large", before.arenas, before.large_mappings);

    enum { slots = 2000 };
    static struct live live[slots];
    bool ok = true;
    size_t peak_arenas = 0, peak_large = 0;
    for (int step = 0; step < 60000 && ok; ++step) {
        struct live* allocation = &live[next_random() % slots];
        if (allocation->pointer != NULL) {
            ok = intact(allocation);
            if (next_random() % 3 == 0) {
                size_t size = next_random() % 3 == 0 ? next_random() % 300000 : next_random() % 3000;
                unsigned char* moved = realloc(allocation->pointer, size + 1);
                ok = ok && moved != NULL;
                allocation->pointer = moved;
                ok = ok && intact_prefix(allocation, allocation->size < size + 1 ? allocation->size : size + 1,
                    allocation->size);
                allocation->size = size + 1;
                fill(allocation);
            } else {
                free(allocation->pointer);
                allocation->pointer = NULL;
            }
        } else {
            int kind = (int)(next_random() % 100);
            size_t size = kind < 80 ? next_random() % 512 : kind < 98 ? next_random() % 65536 : 65536 + next_random() % 500000;
            allocation->pointer = malloc(size);
            allocation->size = size;
            allocation->seed = (unsigned char)next_random();
            ok = allocation->pointer != NULL && ((uintptr_t)allocation->pointer % 16) == 0
                && malloc_usable_size(allocation->pointer) >= size;
            if (ok)
                fill(allocation);
        }
        struct banos_heap_statistics now = statistics();
        if (now.arenas > peak_arenas)
            peak_arenas = now.arenas;
        if (now.large_mappings > peak_large)
            peak_large = now.large_mappings;
    }
    CHECK("malloc.stress", ok);
    for (int i = 0; i < slots; ++i) {
        if (live[i].pointer != NULL && !intact(&live[i]))
            ok = false;
        free(live[i].pointer);
        live[i].pointer = NULL;
    }
    struct banos_heap_statistics after = statistics();
    check_format("malloc.stress_used_arenas", peak_arenas >= 2 && peak_large >= 1, "peak %zu arenas, %zu large",
        peak_arenas, peak_large);
    check_format("malloc.everything_given_back", ok && after.arenas == 0 && after.large_mappings == 0
            && after.mapped_bytes == 0 && after.used_blocks == 0,
        "%zu arenas, %zu large, %zu bytes", after.arenas, after.large_mappings, after.mapped_bytes);

    /* Alignment. */
    ok = true;
    void* aligned[24];
    int count = 0;
    for (size_t alignment = 16; alignment <= (size_t)2 << 20; alignment *= 2) {
        void* pointer = aligned_alloc(alignment, 100);
        ok = ok && pointer != NULL && (uintptr_t)pointer % alignment == 0;
        aligned[count++] = pointer;
    }
    void* memaligned = NULL;
    ok = ok && posix_memalign(&memaligned, 4096, 70000) == 0 && (uintptr_t)memaligned % 4096 == 0;
    free(memaligned);
    ok = ok && posix_memalign(&memaligned, 3, 16) == EINVAL;
    errno = 0;
    ok = ok && aligned_alloc(48, 16) == NULL && errno == EINVAL;
    for (int i = 0; i < count; ++i)
        free(aligned[i]);
    CHECK("malloc.alignment", ok);

    /* calloc: zeroed, even where freed memory was dirty; overflow refused. */
    unsigned char* dirty = malloc(4000);
    memset(dirty, 0xee, 4000);
    free(dirty);
    unsigned char* clean = calloc(1000, 4);
    ok = clean != NULL;
    for (size_t i = 0; ok && i < 4000; ++i)
        ok = clean[i] == 0;
    free(clean);
    errno = 0;
    ok = ok && calloc(SIZE_MAX / 2, 4) == NULL && errno == ENOMEM;
    unsigned char* large = calloc(1, 1 << 20);
    ok = ok && large != NULL && large[12345] == 0 && large[(1 << 20) - 1] == 0;
    free(large);
    CHECK("malloc.calloc", ok);

    /* realloc's edges, and running out. */
    char* text = realloc(NULL, 6);
    memcpy(text, "hello", 6);
    text = realloc(text, 100000);
    ok = text != NULL && strcmp(text, "hello") == 0;
    text = realloc(text, 3);
    ok = ok && text != NULL && memcmp(text, "hel", 3) == 0;
    ok = ok && realloc(text, 0) == NULL;
    errno = 0;
    ok = ok && malloc(SIZE_MAX - 4096) == NULL && errno == ENOMEM;
    ok = ok && reallocarray(NULL, SIZE_MAX, 2) == NULL;
    CHECK("malloc.realloc", ok);

    /* mmap itself. */
    char* page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ok = page != MAP_FAILED && page[0] == 0 && page[8191] == 0;
    if (ok) {
        page[100] = 'x';
        ok = mprotect(page, 4096, PROT_READ) == 0 && page[100] == 'x' && munmap(page, 8192) == 0;
    }
    errno = 0;
    ok = ok && mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF;
    CHECK("mmap.anonymous", ok);

    after = statistics();
    check_format("malloc.nothing_left", after.arenas == 0 && after.large_mappings == 0, "%zu arenas, %zu large",
        after.arenas, after.large_mappings);
}
