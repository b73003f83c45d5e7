#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "mm/boot_allocator.h"

namespace {

using boot::MemoryType;
using mm::BootAllocator;
using mm::PhysRange;

constexpr uint64_t kPage = 4096;
constexpr uint64_t kMiB = 1 << 20;

struct Machine {
    boot::BootInfo info;
    std::vector<PhysRange> reserved;
    BootAllocator allocator;

    void region(uint64_t base, uint64_t length, MemoryType type = MemoryType::Usable)
    {
        info.memory[info.memory_count++] = { base, length, type };
    }
    void init() { allocator.init(info, klib::Span<const PhysRange>(reserved.data(), reserved.size())); }
    uint64_t allocate(size_t count)
    {
        auto result = allocator.allocate(count);
        EXPECT_FALSE(result.is_error()) << "allocate(" << count << ")";
        return result.is_error() ? 0 : result.value();
    }
    // As pairs, which gtest can compare and print.
    std::vector<std::pair<uint64_t, uint64_t>> handed_out() const
    {
        std::vector<std::pair<uint64_t, uint64_t>> out;
        for (const PhysRange& r : allocator.handed_out())
            out.emplace_back(r.start, r.end);
        return out;
    }
};

// The layout QEMU reported for the fixtures' boots.
void qemu_map(Machine& s)
{
    s.region(0x0, 0x9fc00);
    s.region(0x9fc00, 0x400, MemoryType::Reserved);
    s.region(0xf0000, 0x10000, MemoryType::Reserved);
    s.region(0x100000, 0xfee0000);
    s.region(0xffe0000, 0x20000, MemoryType::Reserved);
}

TEST(BootAllocator, NeverBelowOneMebibyte)
{
    Machine s;
    s.region(0, 4 * kMiB); // one region straddling the 1 MiB line
    s.init();
    EXPECT_EQ(s.allocate(1), kMiB);
    EXPECT_EQ(s.allocate(2), kMiB + kPage);
}

TEST(BootAllocator, LowRegionIsSkippedEntirely)
{
    Machine s;
    qemu_map(s);
    s.init();
    EXPECT_EQ(s.allocate(1), 0x100000u);
}

TEST(BootAllocator, RespectsReservedRanges)
{
    Machine s;
    qemu_map(s);
    s.reserved = { { 0x100000, 0x180000 }, { 0x182000, 0x183001 } }; // kernel image, a module
    s.init();
    EXPECT_EQ(s.allocate(1), 0x180000u);
    EXPECT_EQ(s.allocate(1), 0x181000u);
    // The reserved range ends one byte into 0x183000: that page is not free.
    EXPECT_EQ(s.allocate(1), 0x184000u);
    // A contiguous request never straddles a reserved range.
    Machine t;
    qemu_map(t);
    t.reserved = { { 0x104000, 0x105000 } };
    t.init();
    EXPECT_EQ(t.allocate(8), 0x105000u);
    EXPECT_EQ(t.allocate(4), 0x10d000u);
}

TEST(BootAllocator, SkipsRegionsThatAreNotUsable)
{
    Machine s;
    s.region(2 * kMiB, kMiB, MemoryType::Reserved);
    s.region(3 * kMiB, kMiB, MemoryType::AcpiReclaimable);
    s.region(4 * kMiB, kMiB, MemoryType::AcpiNvs);
    s.region(5 * kMiB, kMiB, MemoryType::Bad);
    s.region(8 * kMiB, kMiB);
    s.init();
    EXPECT_EQ(s.allocate(1), 8 * kMiB);
}

TEST(BootAllocator, UnalignedRegionEdgesAreTrimmed)
{
    Machine s;
    s.region(0x100800, 0x5000); // 0x100800..0x105800: whole pages 0x101000..0x105000
    s.init();
    EXPECT_EQ(s.allocate(4), 0x101000u);
    EXPECT_TRUE(s.allocator.allocate(1).is_error());
}

TEST(BootAllocator, ContinuesInTheNextRegion)
{
    Machine s;
    s.region(kMiB, 2 * kPage);
    s.region(4 * kMiB, 8 * kPage);
    s.init();
    EXPECT_EQ(s.allocate(1), kMiB);
    // One page is left in the first region; three do not fit there.
    EXPECT_EQ(s.allocate(3), 4 * kMiB);
    EXPECT_EQ(s.allocate(5), 4 * kMiB + 3 * kPage);
}

TEST(BootAllocator, HandedOutCoalesces)
{
    Machine s;
    qemu_map(s);
    s.reserved = { { 0x103000, 0x104000 } };
    s.init();
    s.allocate(1); // 0x100000
    s.allocate(2); // 0x101000..0x103000
    s.allocate(1); // 0x104000 after the reserved page
    s.allocate(3); // 0x105000..0x108000
    EXPECT_EQ(s.handed_out(), (std::vector<std::pair<uint64_t, uint64_t>> { { 0x100000, 0x103000 }, { 0x104000, 0x108000 } }));
}

TEST(BootAllocator, ExhaustionReturnsNoMemory)
{
    Machine s;
    s.region(0, kMiB);
    s.region(kMiB, 10 * kPage);
    s.region(16 * kMiB, 6 * kPage);
    s.init();
    size_t pages = 0;
    for (;;) {
        auto result = s.allocator.allocate(1);
        if (result.is_error()) {
            EXPECT_EQ(result.error(), klib::ErrorCode::NoMemory);
            break;
        }
        ++pages;
        ASSERT_LE(pages, 16u);
    }
    EXPECT_EQ(pages, 16u);
    EXPECT_TRUE(s.allocator.allocate(1).is_error()); // and stays exhausted
    EXPECT_EQ(s.handed_out(), (std::vector<std::pair<uint64_t, uint64_t>> { { kMiB, kMiB + 10 * kPage }, { 16 * kMiB, 16 * kMiB + 6 * kPage } }));
}

TEST(BootAllocator, EmptyMapHasNoMemory)
{
    Machine s;
    s.init();
    auto result = s.allocator.allocate(1);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), klib::ErrorCode::NoMemory);
}

TEST(BootAllocator, TooManyFragmentsIsNoMemory)
{
    // Every other page reserved: each allocation is its own handed-out range.
    Machine s;
    s.region(kMiB, 64 * kPage);
    for (uint64_t i = 0; i < BootAllocator::kMaxHandedOut + 1; ++i)
        s.reserved.push_back({ kMiB + (2 * i + 1) * kPage, kMiB + (2 * i + 2) * kPage });
    s.init();
    for (size_t i = 0; i < BootAllocator::kMaxHandedOut; ++i)
        EXPECT_EQ(s.allocate(1), kMiB + 2 * i * kPage);
    auto result = s.allocator.allocate(1);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), klib::ErrorCode::NoMemory);
    EXPECT_EQ(s.allocator.handed_out().size(), BootAllocator::kMaxHandedOut);
}

// A request that cannot be met must not use up the memory that smaller
// requests could still have.
TEST(BootAllocator, FailedRequestDoesNotExhaustTheAllocator)
{
    Machine s;
    s.region(kMiB, 16 * kPage);
    s.init();
    EXPECT_TRUE(s.allocator.allocate(17).is_error());
    auto result = s.allocator.allocate(1);
    ASSERT_FALSE(result.is_error()) << "16 free pages, yet a single page was refused";
    EXPECT_EQ(result.value(), kMiB);
}

// Random maps and reserved ranges: every answer must be page-aligned, at or
// above 1 MiB, inside one usable region, clear of every reserved range and
// of everything handed out before; handed_out() must describe exactly that.
TEST(BootAllocator, RandomizedInvariants)
{
    std::mt19937_64 random(3);
    for (int round = 0; round < 200; ++round) {
        Machine s;
        uint64_t base = random() % (2 * kMiB);
        size_t regions = 1 + random() % 8;
        for (size_t i = 0; i < regions; ++i) {
            uint64_t length = random() % (64 * kPage) + random() % 3 * 100;
            auto type = random() % 3 ? MemoryType::Usable : MemoryType::Reserved;
            s.region(base, length, type);
            base += length + random() % (8 * kPage);
        }
        size_t reserved = random() % 6;
        for (size_t i = 0; i < reserved; ++i) {
            uint64_t start = random() % (base + 1);
            s.reserved.push_back({ start, start + 1 + random() % (6 * kPage) });
        }
        s.init();
        std::vector<PhysRange> given;
        for (int request = 0; request < 30; ++request) {
            size_t count = 1 + random() % 5;
            auto result = s.allocator.allocate(count);
            if (result.is_error())
                continue;
            uint64_t start = result.value(), end = start + count * kPage;
            ASSERT_EQ(start % kPage, 0u);
            ASSERT_GE(start, kMiB);
            bool inside = false;
            for (const auto& r : s.info.memory_map())
                inside |= r.type == MemoryType::Usable && start >= r.base && end <= r.base + r.length;
            ASSERT_TRUE(inside) << "round " << round << " start " << start;
            for (const PhysRange& r : s.reserved)
                ASSERT_FALSE(r.overlaps(start, end)) << "round " << round;
            for (const PhysRange& g : given)
                ASSERT_FALSE(g.overlaps(start, end)) << "round " << round;
            given.push_back({ start, end });
        }
        uint64_t given_bytes = 0, listed_bytes = 0;
        for (const PhysRange& g : given)
            given_bytes += g.end - g.start;
        auto listed = s.handed_out();
        for (size_t i = 0; i < listed.size(); ++i) {
            listed_bytes += listed[i].second - listed[i].first;
            if (i) {
                ASSERT_LE(listed[i - 1].second, listed[i].first) << "handed_out ranges overlap";
                ASSERT_NE(listed[i - 1].second, listed[i].first) << "adjacent ranges not coalesced";
            }
        }
        for (const PhysRange& g : given) {
            bool covered = false;
            for (const auto& [start, end] : listed)
                covered |= g.start >= start && g.end <= end;
            ASSERT_TRUE(covered);
        }
        ASSERT_EQ(given_bytes, listed_bytes);
    }
}

} // namespace
