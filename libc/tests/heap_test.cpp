// malloc's core (libc/src/core/heap.cpp) over a fake page source that
// records every mapping: random stress with content checks, alignment,
// realloc in place and moving, invalid pointers, and that everything goes
// back to the source once freed.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <vector>

#include <sys/mman.h>

#include "libc/src/core/heap.h"

namespace heap = banos::libc::heap;

namespace {

class FakePages {
public:
    static void* map(void* context, size_t size, size_t alignment)
    {
        auto* self = static_cast<FakePages*>(context);
        EXPECT_EQ(size % heap::page_size, 0u);
        EXPECT_EQ(alignment & (alignment - 1), 0u);
        EXPECT_GE(alignment, heap::page_size);
        if (self->fail_next || self->bytes + size > self->limit) {
            self->fail_next = false;
            return nullptr;
        }
        // Fresh anonymous memory (zero, committed lazily), trimmed to the alignment.
        size_t length = size + alignment;
        void* raw = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            return nullptr;
        uintptr_t start = reinterpret_cast<uintptr_t>(raw);
        uintptr_t aligned = (start + alignment - 1) & ~(uintptr_t(alignment) - 1);
        if (aligned > start)
            munmap(raw, aligned - start);
        if (start + length > aligned + size)
            munmap(reinterpret_cast<void*>(aligned + size), start + length - (aligned + size));
        void* memory = reinterpret_cast<void*>(aligned);
        self->mappings[memory] = size;
        self->bytes += size;
        ++self->maps;
        return memory;
    }

    static void unmap(void* context, void* address, size_t size)
    {
        auto* self = static_cast<FakePages*>(context);
        auto found = self->mappings.find(address);
        ASSERT_NE(found, self->mappings.end()) << "unmap of something never mapped";
        ASSERT_EQ(found->second, size) << "partial unmap";
        self->mappings.erase(found);
        self->bytes -= size;
        munmap(address, size);
    }

    heap::PageSource source() { return { map, unmap, this }; }

    ~FakePages()
    {
        for (auto& [address, size] : mappings)
            munmap(address, size);
    }

    std::map<void*, size_t> mappings;
    size_t bytes = 0;
    size_t maps = 0;
    size_t limit = size_t(1) << 34;
    bool fail_next = false;
};

void fill(void* pointer, size_t size, uint32_t seed)
{
    auto* bytes = static_cast<unsigned char*>(pointer);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<unsigned char>(seed + i * 31);
}

bool check(const void* pointer, size_t size, uint32_t seed)
{
    auto* bytes = static_cast<const unsigned char*>(pointer);
    for (size_t i = 0; i < size; ++i) {
        if (bytes[i] != static_cast<unsigned char>(seed + i * 31))
            return false;
    }
    return true;
}

struct Live {
    void* pointer;
    size_t size;
    uint32_t seed;
};

} // namespace

TEST(Heap, SmallAllocationsAreAlignedAndDisjoint)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    std::vector<Live> live;
    for (size_t size = 0; size < 3000; size += 7) {
        void* pointer = heap.allocate(size);
        ASSERT_NE(pointer, nullptr);
        ASSERT_EQ(reinterpret_cast<uintptr_t>(pointer) % 16, 0u);
        ASSERT_GE(heap.usable_size(pointer), size);
        fill(pointer, size, static_cast<uint32_t>(size));
        live.push_back({ pointer, size, static_cast<uint32_t>(size) });
    }
    for (auto& allocation : live)
        ASSERT_TRUE(check(allocation.pointer, allocation.size, allocation.seed));
    EXPECT_TRUE(heap.check_consistency());
    EXPECT_EQ(heap.statistics().arenas, 1u);
    for (auto& allocation : live)
        ASSERT_TRUE(heap.release(allocation.pointer));
    EXPECT_EQ(pages.bytes, 0u);
    EXPECT_TRUE(pages.mappings.empty());
}

TEST(Heap, LargeAllocationsGetTheirOwnMappings)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    void* small = heap.allocate(heap::small_limit - 1);
    void* large = heap.allocate(heap::small_limit);
    ASSERT_NE(small, nullptr);
    ASSERT_NE(large, nullptr);
    EXPECT_EQ(heap.statistics().arenas, 1u);
    EXPECT_EQ(heap.statistics().large_mappings, 1u);
    EXPECT_GE(heap.usable_size(large), heap::small_limit);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(large) % 16, 0u);
    ASSERT_TRUE(heap.release(large));
    EXPECT_EQ(heap.statistics().large_mappings, 0u);
    ASSERT_TRUE(heap.release(small));
    EXPECT_EQ(pages.bytes, 0u);
}

TEST(Heap, AlignedAllocations)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    std::vector<void*> pointers;
    for (size_t alignment = 16; alignment <= (size_t(4) << 20); alignment *= 2) {
        for (size_t size : { size_t(1), size_t(100), size_t(5000), size_t(70000) }) {
            void* pointer = heap.allocate(size, alignment);
            ASSERT_NE(pointer, nullptr);
            ASSERT_EQ(reinterpret_cast<uintptr_t>(pointer) % alignment, 0u) << alignment;
            fill(pointer, size, 1);
            pointers.push_back(pointer);
        }
    }
    EXPECT_EQ(heap.allocate(16, 48), nullptr); // not a power of two
    EXPECT_TRUE(heap.check_consistency());
    for (void* pointer : pointers)
        ASSERT_TRUE(heap.release(pointer));
    EXPECT_EQ(pages.bytes, 0u);
}

TEST(Heap, ReallocateInPlaceAndMoving)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    bool invalid = false;
    void* pointer = heap.reallocate(nullptr, 100, &invalid);
    ASSERT_NE(pointer, nullptr);
    fill(pointer, 100, 5);
    // Room after it: grows where it is.
    void* grown = heap.reallocate(pointer, 1000, &invalid);
    EXPECT_EQ(grown, pointer);
    EXPECT_TRUE(check(grown, 100, 5));
    // Shrinks where it is.
    void* shrunk = heap.reallocate(grown, 50, &invalid);
    EXPECT_EQ(shrunk, grown);
    EXPECT_TRUE(check(shrunk, 50, 5));
    // Blocked: moves, keeping the contents.
    void* blocker = heap.allocate(10);
    ASSERT_NE(blocker, nullptr);
    void* moved = heap.reallocate(shrunk, 4000, &invalid);
    ASSERT_NE(moved, nullptr);
    EXPECT_TRUE(check(moved, 50, 5));
    // Across the small/large limit and back.
    fill(moved, 4000, 9);
    void* large = heap.reallocate(moved, 200000, &invalid);
    ASSERT_NE(large, nullptr);
    EXPECT_TRUE(check(large, 4000, 9));
    EXPECT_EQ(heap.statistics().large_mappings, 1u);
    void* small = heap.reallocate(large, 300, &invalid);
    ASSERT_NE(small, nullptr);
    EXPECT_TRUE(check(small, 300, 9));
    EXPECT_EQ(heap.statistics().large_mappings, 0u);
    // Size 0 frees.
    EXPECT_EQ(heap.reallocate(small, 0, &invalid), nullptr);
    EXPECT_FALSE(invalid);
    ASSERT_TRUE(heap.release(blocker));
    EXPECT_EQ(pages.bytes, 0u);
}

TEST(Heap, InvalidPointersAreRefused)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    auto* pointer = static_cast<char*>(heap.allocate(64));
    auto* other = static_cast<char*>(heap.allocate(64));
    ASSERT_NE(pointer, nullptr);
    EXPECT_TRUE(heap.release(nullptr));
    EXPECT_FALSE(heap.release(pointer + 16)); // inside an allocation
    EXPECT_FALSE(heap.release(pointer + 1));  // misaligned
    uintptr_t arena = reinterpret_cast<uintptr_t>(pointer) & ~(heap::arena_size - 1);
    EXPECT_FALSE(heap.release(reinterpret_cast<void*>(arena)));           // the arena header
    EXPECT_FALSE(heap.release(reinterpret_cast<void*>(arena + 0x80000))); // a free block
    EXPECT_TRUE(heap.release(pointer));
    EXPECT_FALSE(heap.release(pointer)); // twice
    bool invalid = false;
    EXPECT_EQ(heap.reallocate(pointer, 10, &invalid), nullptr);
    EXPECT_TRUE(invalid);
    EXPECT_EQ(heap.usable_size(pointer), 0u);
    EXPECT_TRUE(heap.check_consistency());
    EXPECT_TRUE(heap.release(other));
    EXPECT_EQ(pages.bytes, 0u);
}

TEST(Heap, OutOfMemory)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    EXPECT_EQ(heap.allocate(SIZE_MAX - 100), nullptr);
    EXPECT_EQ(heap.allocate(SIZE_MAX / 2), nullptr);
    pages.fail_next = true;
    EXPECT_EQ(heap.allocate(10), nullptr);
    void* pointer = heap.allocate(10);
    ASSERT_NE(pointer, nullptr);
    pages.limit = pages.bytes; // nothing more
    bool invalid = false;
    EXPECT_EQ(heap.reallocate(pointer, 1 << 20, &invalid), nullptr);
    EXPECT_FALSE(invalid);
    EXPECT_EQ(heap.usable_size(pointer), 16u); // still there
    EXPECT_TRUE(heap.release(pointer));
    EXPECT_EQ(pages.bytes, 0u);
}

TEST(Heap, ZeroedAllocationsAfterReuse)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    void* keep = heap.allocate(16); // keeps the arena alive
    for (int round = 0; round < 50; ++round) {
        void* dirty = heap.allocate(4096);
        std::memset(dirty, 0xab, 4096);
        heap.release(dirty);
        auto* clean = static_cast<unsigned char*>(heap.allocate_zeroed(4096));
        for (size_t i = 0; i < 4096; ++i)
            ASSERT_EQ(clean[i], 0);
        heap.release(clean);
    }
    heap.release(keep);
    EXPECT_EQ(pages.bytes, 0u);
}

TEST(Heap, RandomStressGivesEverythingBack)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    std::mt19937_64 random(31);
    std::vector<Live> live;
    size_t peak_arenas = 0;
    for (int step = 0; step < 150000; ++step) {
        int action = static_cast<int>(random() % 10);
        if (action < 5 || live.empty()) {
            size_t size;
            int kind = static_cast<int>(random() % 100);
            if (kind < 70)
                size = random() % 256;
            else if (kind < 97)
                size = random() % heap::small_limit;
            else
                size = heap::small_limit + random() % 400000;
            size_t alignment = random() % 20 == 0 ? size_t(16) << (random() % 8) : 16;
            void* pointer = heap.allocate(size, alignment);
            ASSERT_NE(pointer, nullptr);
            ASSERT_EQ(reinterpret_cast<uintptr_t>(pointer) % alignment, 0u);
            auto seed = static_cast<uint32_t>(random());
            fill(pointer, size < 512 ? size : 512, seed);
            live.push_back({ pointer, size < 512 ? size : 512, seed });
        } else if (action < 8) {
            size_t index = random() % live.size();
            ASSERT_TRUE(check(live[index].pointer, live[index].size, live[index].seed));
            ASSERT_TRUE(heap.release(live[index].pointer));
            live[index] = live.back();
            live.pop_back();
        } else {
            size_t index = random() % live.size();
            size_t size = random() % 3 == 0 ? random() % 200000 : random() % 2000;
            bool invalid = false;
            void* moved = heap.reallocate(live[index].pointer, size + 1, &invalid);
            ASSERT_FALSE(invalid);
            ASSERT_NE(moved, nullptr);
            size_t kept = live[index].size < size + 1 ? live[index].size : size + 1;
            ASSERT_TRUE(check(moved, kept, live[index].seed));
            live[index].pointer = moved;
            live[index].size = kept;
        }
        if (step % 20000 == 0) {
            ASSERT_TRUE(heap.check_consistency());
        }
        size_t arenas = heap.statistics().arenas;
        peak_arenas = arenas > peak_arenas ? arenas : peak_arenas;
    }
    ASSERT_TRUE(heap.check_consistency());
    for (auto& allocation : live) {
        ASSERT_TRUE(check(allocation.pointer, allocation.size, allocation.seed));
        ASSERT_TRUE(heap.release(allocation.pointer));
    }
    heap::Statistics statistics = heap.statistics();
    EXPECT_EQ(statistics.arenas, 0u);
    EXPECT_EQ(statistics.large_mappings, 0u);
    EXPECT_EQ(statistics.mapped_bytes, 0u);
    EXPECT_EQ(pages.bytes, 0u);
    EXPECT_TRUE(pages.mappings.empty());
    EXPECT_GT(peak_arenas, 1u); // the stress did need several arenas
}

TEST(Heap, EmptyArenasGoBackAtOnce)
{
    FakePages pages;
    heap::Heap heap(pages.source());
    std::vector<void*> pointers;
    for (int i = 0; i < 5000; ++i) // 5000 * 1 KiB: five arenas
        pointers.push_back(heap.allocate(1024));
    EXPECT_GE(heap.statistics().arenas, 5u);
    // Free every other one: fragmented but not empty, nothing returned.
    for (size_t i = 0; i < pointers.size(); i += 2)
        heap.release(pointers[i]);
    EXPECT_GE(heap.statistics().arenas, 5u);
    // First fit refills the holes before taking a new arena.
    size_t arenas = heap.statistics().arenas;
    for (size_t i = 0; i < pointers.size(); i += 2)
        pointers[i] = heap.allocate(1000);
    EXPECT_EQ(heap.statistics().arenas, arenas);
    for (void* pointer : pointers)
        heap.release(pointer);
    EXPECT_EQ(pages.bytes, 0u);
}
