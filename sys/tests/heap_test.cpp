#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <random>
#include <unordered_map>
#include <vector>

#include "mm/heap/heap.h"

namespace {

constexpr size_t kPage = 4096;

// Pages from the C library, with the per-page tags kept on the side. It
// checks the heap's use of it: pages are given back whole, exactly once.
class HostBackend final : public mm::HeapBackend {
public:
    ~HostBackend()
    {
        // Whatever the heap kept is freed here so the sanitizer stays quiet;
        // the tests check live_pages() themselves.
        for (auto& [start, count] : blocks_)
            std::free(start);
    }

    void* allocate_pages(size_t count, size_t alignment_pages) override
    {
        EXPECT_GT(count, 0u);
        EXPECT_GT(alignment_pages, 0u);
        if (fail_)
            return nullptr;
        size_t alignment = alignment_pages * kPage;
        size_t bytes = (count * kPage + alignment - 1) / alignment * alignment;
        void* start = std::aligned_alloc(alignment, bytes);
        if (!start)
            return nullptr;
        std::memset(start, 0xcc, bytes); // never hand out zeroed memory by luck
        blocks_[start] = count;
        live_pages_ += count;
        ++allocations_;
        return start;
    }

    void free_pages(void* start, size_t count) override
    {
        auto it = blocks_.find(start);
        ASSERT_NE(it, blocks_.end()) << "freeing pages the backend never gave out";
        ASSERT_EQ(it->second, count) << "freeing a different number of pages than allocated";
        for (size_t i = 0; i < count; ++i)
            tags_.erase(reinterpret_cast<uintptr_t>(start) + i * kPage);
        blocks_.erase(it);
        live_pages_ -= count;
        std::free(start);
    }

    void set_page_tag(void* page, uintptr_t tag) override
    {
        auto address = reinterpret_cast<uintptr_t>(page);
        EXPECT_EQ(address % kPage, 0u);
        EXPECT_TRUE(owns(address)) << "tagging a page the heap does not own";
        tags_[address] = tag;
    }

    uintptr_t page_tag(const void* page) override
    {
        auto address = reinterpret_cast<uintptr_t>(page);
        EXPECT_TRUE(owns(address)) << "asking for the tag of a page the heap does not own";
        auto it = tags_.find(address);
        return it == tags_.end() ? 0 : it->second;
    }

    size_t live_pages() const { return live_pages_; }
    size_t allocations() const { return allocations_; }
    void set_failing(bool fail) { fail_ = fail; }

private:
    bool owns(uintptr_t address) const
    {
        auto it = blocks_.upper_bound(reinterpret_cast<void*>(address));
        if (it == blocks_.begin())
            return false;
        --it;
        auto start = reinterpret_cast<uintptr_t>(it->first);
        return address < start + it->second * kPage;
    }

    std::map<void*, size_t> blocks_;
    std::unordered_map<uintptr_t, uintptr_t> tags_;
    size_t live_pages_ { 0 };
    size_t allocations_ { 0 };
    bool fail_ { false };
};

class HeapTest : public ::testing::Test {
protected:
    // A test that fails half-way leaves objects allocated, and ~Heap asserts
    // on that (see HeapLifetime below), which would abort the whole program.
    // So the heap is only destroyed after a clean run; otherwise the backend
    // reclaims its pages.
    ~HeapTest() override
    {
        if (!HasFailure())
            heap.~Heap();
    }

    HostBackend backend;
    alignas(mm::Heap) unsigned char heap_storage[sizeof(mm::Heap)];
    mm::Heap& heap = *new (heap_storage) mm::Heap(backend);

    void expect_idle()
    {
        auto stats = heap.stats();
        EXPECT_EQ(stats.allocations_in_use, 0u);
        EXPECT_EQ(stats.bytes_in_use, 0u);
        EXPECT_EQ(stats.large_pages, 0u);
    }
};

bool aligned(const void* p, size_t alignment) { return reinterpret_cast<uintptr_t>(p) % alignment == 0; }

TEST_F(HeapTest, SizeClassBoundaries)
{
    struct Case {
        size_t size;
        size_t usable;
    };
    const Case cases[] = {
        { 0, 16 }, { 1, 16 }, { 16, 16 }, { 17, 32 }, { 48, 48 }, { 49, 64 }, { 97, 128 }, { 1025, 1536 },
        { 2048, 2048 }, { 2049, 4096 }, { 4096, 4096 }, { 4097, 8192 }, { 100000, 102400 },
    };
    for (const Case& c : cases) {
        void* p = heap.allocate(c.size);
        ASSERT_NE(p, nullptr) << c.size;
        EXPECT_TRUE(aligned(p, 16)) << c.size;
        EXPECT_EQ(heap.usable_size(p), c.usable) << c.size;
        std::memset(p, 0x5a, heap.usable_size(p)); // all of it is really usable
        auto stats = heap.stats();
        EXPECT_EQ(stats.allocations_in_use, 1u);
        EXPECT_EQ(stats.bytes_in_use, c.usable);
        EXPECT_EQ(stats.large_pages, c.usable > 2048 ? c.usable / kPage : 0);
        heap.free(p);
        expect_idle();
    }
}

TEST_F(HeapTest, LargeAllocationsArePageAligned)
{
    void* p = heap.allocate(3 * kPage + 1);
    ASSERT_NE(p, nullptr);
    EXPECT_TRUE(aligned(p, kPage));
    EXPECT_EQ(heap.stats().large_pages, 4u);
    EXPECT_EQ(backend.live_pages(), 4u);
    heap.free(p);
    EXPECT_EQ(backend.live_pages(), 0u); // large pages go back at once
}

TEST_F(HeapTest, AlignmentRequests)
{
    std::vector<void*> pointers;
    for (size_t alignment = 16; alignment <= 8192; alignment *= 2) {
        for (size_t size : { 1u, 24u, 100u, 1000u, 3000u, 5000u }) {
            void* p = heap.allocate(size, alignment);
            ASSERT_NE(p, nullptr) << size << " @ " << alignment;
            EXPECT_TRUE(aligned(p, alignment)) << size << " @ " << alignment;
            EXPECT_GE(heap.usable_size(p), size);
            std::memset(p, 1, size);
            pointers.push_back(p);
        }
    }
    // Smaller alignments than 16 are honoured trivially.
    for (size_t alignment : { 1u, 2u, 4u, 8u }) {
        void* p = heap.allocate(5, alignment);
        ASSERT_NE(p, nullptr);
        pointers.push_back(p);
    }
    for (void* p : pointers)
        heap.free(p);
    expect_idle();
}

TEST_F(HeapTest, BadAlignmentIsRefused)
{
    EXPECT_EQ(heap.allocate(16, 0), nullptr);
    EXPECT_EQ(heap.allocate(16, 24), nullptr);
    EXPECT_EQ(heap.allocate(16, 4097), nullptr);
    EXPECT_EQ(backend.allocations(), 0u);
}

TEST_F(HeapTest, AbsurdSizesFailCleanly)
{
    EXPECT_EQ(heap.allocate(SIZE_MAX), nullptr);
    EXPECT_EQ(heap.allocate(SIZE_MAX - kPage + 1), nullptr);
    auto stats = heap.stats();
    EXPECT_EQ(stats.failed_allocations, 2u);
    EXPECT_EQ(stats.total_allocations, 2u);
    expect_idle();
}

TEST_F(HeapTest, FreeNullIsNothing)
{
    heap.free(nullptr);
    expect_idle();
}

TEST_F(HeapTest, DistinctObjectsFromOneSlab)
{
    // More than one slab's worth of 16-byte objects, all distinct.
    std::vector<char*> objects;
    for (int i = 0; i < 1000; ++i) {
        auto* p = static_cast<char*>(heap.allocate(16));
        ASSERT_NE(p, nullptr);
        std::memset(p, i & 0xff, 16);
        objects.push_back(p);
    }
    for (int i = 0; i < 1000; ++i)
        for (int b = 0; b < 16; ++b)
            ASSERT_EQ(static_cast<unsigned char>(objects[i][b]), i & 0xff);
    EXPECT_GT(heap.stats().slab_pages, 1u);
    EXPECT_EQ(heap.stats().slab_pages, backend.live_pages());
    for (char* p : objects)
        heap.free(p);
    expect_idle();
}

TEST_F(HeapTest, TrimReturnsEverySlabPage)
{
    std::vector<void*> pointers;
    for (size_t size : { 16u, 32u, 48u, 64u, 96u, 128u, 192u, 256u, 384u, 512u, 768u, 1024u, 1536u, 2048u })
        for (int i = 0; i < 40; ++i)
            pointers.push_back(heap.allocate(size));
    for (void* p : pointers)
        ASSERT_NE(p, nullptr);
    EXPECT_EQ(heap.stats().slab_pages, backend.live_pages());
    for (void* p : pointers)
        heap.free(p);
    expect_idle();
    // At most one empty slab per cache is kept back for reuse...
    auto before = heap.stats();
    EXPECT_LE(before.slab_pages, 1u * 10 + 2 * 2 + 4 * 2);
    EXPECT_EQ(before.slab_pages, backend.live_pages());
    // ...and trim gives those back too.
    heap.trim();
    EXPECT_EQ(heap.stats().slab_pages, 0u);
    EXPECT_EQ(backend.live_pages(), 0u);
    // The heap still works after a trim.
    void* p = heap.allocate(40);
    ASSERT_NE(p, nullptr);
    heap.free(p);
}

TEST_F(HeapTest, FailingBackend)
{
    backend.set_failing(true);
    EXPECT_EQ(heap.allocate(16), nullptr);    // a slab cannot grow
    EXPECT_EQ(heap.allocate(2048), nullptr);  // neither can a multi-page slab
    EXPECT_EQ(heap.allocate(10000), nullptr); // large
    EXPECT_EQ(heap.allocate(1, 8192), nullptr);
    auto stats = heap.stats();
    EXPECT_EQ(stats.failed_allocations, 4u);
    EXPECT_EQ(stats.total_allocations, 4u);
    expect_idle();
    EXPECT_EQ(stats.slab_pages, 0u);

    backend.set_failing(false);
    void* p = heap.allocate(16);
    ASSERT_NE(p, nullptr);
    // A slab with room needs nothing from the backend.
    backend.set_failing(true);
    void* q = heap.allocate(16);
    EXPECT_NE(q, nullptr);
    EXPECT_EQ(heap.stats().failed_allocations, 4u);
    heap.free(p);
    heap.free(q);
    backend.set_failing(false);
    heap.trim();
    EXPECT_EQ(backend.live_pages(), 0u);
}

// Thousands of mixed allocations, each filled with its own pattern that is
// checked before it is freed: overlapping objects or corrupted free lists
// show up as a wrong byte.
TEST_F(HeapTest, RandomizedStress)
{
    struct Live {
        unsigned char* pointer;
        size_t size;
        unsigned char pattern;
    };
    std::vector<Live> live;
    std::mt19937 random(99);
    size_t requested_ops = 0;
    auto release = [&](size_t index) {
        Live l = live[index];
        for (size_t i = 0; i < l.size; ++i)
            ASSERT_EQ(l.pointer[i], static_cast<unsigned char>(l.pattern + i)) << "byte " << i << " of " << l.size;
        heap.free(l.pointer);
        live[index] = live.back();
        live.pop_back();
    };
    for (int op = 0; op < 8000; ++op) {
        if (live.empty() || random() % 100 < 55) {
            size_t size;
            unsigned kind = random() % 100;
            if (kind < 70)
                size = random() % 128;
            else if (kind < 95)
                size = random() % 2100;
            else
                size = random() % 20000;
            size_t alignment = random() % 8 ? 16 : size_t { 1 } << (random() % 14);
            auto* p = static_cast<unsigned char*>(heap.allocate(size, alignment));
            ASSERT_NE(p, nullptr);
            ASSERT_TRUE(aligned(p, alignment));
            ASSERT_GE(heap.usable_size(p), size);
            auto pattern = static_cast<unsigned char>(random());
            for (size_t i = 0; i < size; ++i)
                p[i] = static_cast<unsigned char>(pattern + i);
            live.push_back({ p, size, pattern });
            ++requested_ops;
        } else {
            release(random() % live.size());
        }
        if (HasFatalFailure())
            return;
    }
    EXPECT_EQ(heap.stats().allocations_in_use, live.size());
    while (!live.empty()) {
        release(live.size() - 1);
        if (HasFatalFailure())
            return;
    }
    auto stats = heap.stats();
    EXPECT_EQ(stats.total_allocations, requested_ops);
    EXPECT_EQ(stats.failed_allocations, 0u);
    expect_idle();
    heap.trim();
    EXPECT_EQ(heap.stats().slab_pages, 0u);
    EXPECT_EQ(backend.live_pages(), 0u);
}

// heap.h promises that whatever is still allocated goes back with the heap.
// Run in a child process: if the destructor trips an assertion instead, only
// the child dies.
// A heap must be empty when it goes: destroying one that still holds
// allocations is a leak, and the destructor says so loudly.
TEST(HeapLifetime, DestroyingAHeapWithAllocationsIsCaught)
{
    EXPECT_DEATH(
        {
            HostBackend backend;
            mm::Heap heap(backend);
            (void)heap.allocate(16);
        },
        "assertion failed");
}

TEST(HeapLifetime, DestroyingAnEmptyHeapReturnsEveryPage)
{
    HostBackend backend;
    {
        mm::Heap heap(backend);
        heap.free(heap.allocate(16));
        heap.free(heap.allocate(9000));
    }
    EXPECT_EQ(backend.live_pages(), 0u);
}

} // namespace
