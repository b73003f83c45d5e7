// The kernel heap on real pages: a randomized stress whose statistics must
// come back to where they started.
#include <new>

#include "kernel/ktest.h"
#include "mm/kernel_heap.h"
#include "mm/physical_memory.h"

namespace {
// xorshift64: a repeatable sequence, so a failure can be replayed.
struct Random {
    uint64_t state;
    uint64_t next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
};

struct Block {
    unsigned char* data;
    size_t size;
    unsigned char pattern;
};

bool pattern_intact(const Block& block)
{
    for (size_t i = 0; i < block.size; ++i)
        if (block.data[i] != static_cast<unsigned char>(block.pattern + i))
            return false;
    return true;
}
} // namespace

KTEST(heap_stress_returns_to_baseline)
{
    auto& heap = mm::kernel_heap();
    heap.trim();
    auto baseline = heap.stats();
    size_t frames_before = mm::physical_memory_stats().free_frames;

    constexpr size_t kSlots = 512;
    auto* blocks = static_cast<Block*>(heap.allocate(kSlots * sizeof(Block)));
    KEXPECT(blocks, "no memory for the block table");
    for (size_t i = 0; i < kSlots; ++i)
        blocks[i] = { nullptr, 0, 0 };

    Random random { 0x9e3779b97f4a7c15ull };
    bool corrupt = false;
    for (int round = 0; round < 20000 && !corrupt; ++round) {
        Block& block = blocks[random.next() % kSlots];
        if (block.data) {
            corrupt = !pattern_intact(block);
            heap.free(block.data);
            block.data = nullptr;
            continue;
        }
        uint64_t pick = random.next();
        // Mostly small, sometimes page-sized and larger.
        size_t size = pick % 16 == 0 ? 1 + pick % 40000 : 1 + pick % 2100;
        block.data = static_cast<unsigned char*>(heap.allocate(size));
        if (!block.data)
            continue;
        block.size = size;
        block.pattern = static_cast<unsigned char>(pick >> 32);
        for (size_t i = 0; i < size; ++i)
            block.data[i] = static_cast<unsigned char>(block.pattern + i);
    }
    for (size_t i = 0; i < kSlots; ++i) {
        if (blocks[i].data) {
            corrupt = corrupt || !pattern_intact(blocks[i]);
            heap.free(blocks[i].data);
        }
    }
    heap.free(blocks);
    KEXPECT(!corrupt, "a heap block was overwritten");

    auto during = heap.stats();
    KEXPECT(during.allocations_in_use == baseline.allocations_in_use && during.bytes_in_use == baseline.bytes_in_use,
            "heap not back to baseline: {} allocations / {} bytes, was {} / {}", during.allocations_in_use,
            during.bytes_in_use, baseline.allocations_in_use, baseline.bytes_in_use);
    KEXPECT(during.failed_allocations == baseline.failed_allocations, "allocations failed during the stress");
    heap.trim();
    auto after = heap.stats();
    KEXPECT(after.slab_pages == baseline.slab_pages && after.large_pages == baseline.large_pages,
            "pages kept after trim: {} slab, {} large (were {}, {})", after.slab_pages, after.large_pages,
            baseline.slab_pages, baseline.large_pages);
    KEXPECT(mm::physical_memory_stats().free_frames == frames_before, "physical frames lost: {} free, {} before",
            mm::physical_memory_stats().free_frames, frames_before);
}

KTEST(heap_honours_alignment)
{
    auto& heap = mm::kernel_heap();
    for (size_t alignment = 16; alignment <= 16384; alignment *= 2) {
        for (size_t size : { size_t(1), alignment / 2, alignment, alignment * 3 }) {
            void* p = heap.allocate(size, alignment);
            KEXPECT(p, "no memory for {} bytes aligned to {}", size, alignment);
            KEXPECT(reinterpret_cast<uintptr_t>(p) % alignment == 0, "{} bytes at {} not aligned to {}", size, p,
                    alignment);
            KEXPECT(heap.usable_size(p) >= size, "usable size below the request");
            heap.free(p);
        }
    }
}

KTEST(heap_operator_new_is_nothrow_and_sized)
{
    struct alignas(64) Wide {
        char bytes[200];
    };
    auto before = mm::kernel_heap().stats().allocations_in_use;
    Wide* wide = new (std::nothrow) Wide;
    KEXPECT(wide && reinterpret_cast<uintptr_t>(wide) % 64 == 0, "over-aligned new failed");
    int* numbers = new (std::nothrow) int[1000];
    KEXPECT(numbers, "array new failed");
    delete wide;
    delete[] numbers;
    KEXPECT(mm::kernel_heap().stats().allocations_in_use == before, "delete did not free");
    void* huge = mm::kernel_heap().allocate(size_t(1) << 40);
    KEXPECT(!huge, "a terabyte allocation succeeded");
}
