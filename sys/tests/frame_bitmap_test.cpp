#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "mm/frame_bitmap.h"

namespace {

// What an empty Optional reads as, so a wrong answer fails the check
// instead of aborting the whole test program.
constexpr size_t kNone = SIZE_MAX;

using mm::FrameBitmap;

struct Frames {
    explicit Frames(size_t count) : words(klib::Bitmap::words_for(count)), bitmap(words.data(), count) {}
    std::vector<uint64_t> words;
    FrameBitmap bitmap;

    size_t really_free() const
    {
        size_t n = 0;
        for (size_t i = 0; i < bitmap.frame_count(); ++i)
            n += bitmap.is_free(i);
        return n;
    }
};

TEST(FrameBitmap, StartsAllInUse)
{
    Frames f(100);
    EXPECT_EQ(f.bitmap.frame_count(), 100u);
    EXPECT_EQ(f.bitmap.free_count(), 0u);
    EXPECT_FALSE(f.bitmap.allocate());
    for (size_t i = 0; i < 100; ++i)
        EXPECT_FALSE(f.bitmap.is_free(i));
}

TEST(FrameBitmap, ReleaseAndReserveForSetUp)
{
    Frames f(200);
    f.bitmap.release_range(10, 100);
    EXPECT_EQ(f.bitmap.free_count(), 100u);
    f.bitmap.release_range(50, 100); // overlapping: only the new frames count
    EXPECT_EQ(f.bitmap.free_count(), 140u);
    f.bitmap.reserve_range(0, 20); // partly already in use
    EXPECT_EQ(f.bitmap.free_count(), 130u);
    EXPECT_EQ(f.really_free(), 130u);
    EXPECT_EQ(f.bitmap.allocate().value_or(kNone), 20u);
}

TEST(FrameBitmap, SingleFramesComeLowestFirst)
{
    Frames f(64);
    f.bitmap.release_range(5, 3);
    EXPECT_EQ(f.bitmap.allocate().value_or(kNone), 5u);
    EXPECT_EQ(f.bitmap.allocate().value_or(kNone), 6u);
    EXPECT_EQ(f.bitmap.allocate().value_or(kNone), 7u);
    EXPECT_FALSE(f.bitmap.allocate());
    EXPECT_EQ(f.bitmap.free_count(), 0u);
    // A frame freed below the others is found again.
    EXPECT_TRUE(f.bitmap.free(5));
    EXPECT_EQ(f.bitmap.allocate().value_or(kNone), 5u);
}

TEST(FrameBitmap, AlignedRuns)
{
    Frames f(1024);
    f.bitmap.release_range(1, 1023);
    EXPECT_EQ(f.bitmap.allocate(4).value_or(kNone), 1u);
    EXPECT_EQ(f.bitmap.allocate(4, 4).value_or(kNone), 8u);
    EXPECT_EQ(f.bitmap.allocate(1, 512).value_or(kNone), 512u);
    EXPECT_EQ(f.bitmap.allocate(511).value_or(kNone), 513u); // 513..1023
    EXPECT_EQ(f.bitmap.free_count(), 1023u - 4 - 4 - 1 - 511);
    EXPECT_FALSE(f.bitmap.allocate(504)); // only 503 free, in pieces
    EXPECT_FALSE(f.bitmap.allocate(0));
    EXPECT_EQ(f.bitmap.allocate(3).value_or(kNone), 5u); // the gap below the aligned run
    EXPECT_EQ(f.really_free(), f.bitmap.free_count());
}

TEST(FrameBitmap, RunLargerThanAnyGapFails)
{
    Frames f(128);
    f.bitmap.release_range(0, 128);
    for (size_t i = 0; i < 128; i += 10)
        f.bitmap.reserve_range(i, 1);
    size_t free_before = f.bitmap.free_count();
    EXPECT_FALSE(f.bitmap.allocate(10));
    EXPECT_EQ(f.bitmap.free_count(), free_before);
    EXPECT_EQ(f.bitmap.allocate(9).value_or(kNone), 1u);
}

TEST(FrameBitmap, DoubleFreeChangesNothing)
{
    Frames f(256);
    f.bitmap.release_range(0, 256);
    auto first = f.bitmap.allocate(8);
    ASSERT_TRUE(first);
    std::vector<uint64_t> before = f.words;
    size_t free_before = f.bitmap.free_count();
    EXPECT_TRUE(f.bitmap.free(*first + 2, 2));
    before = f.words;
    free_before = f.bitmap.free_count();
    // Overlaps the frames just freed: refused, and nothing changes.
    EXPECT_FALSE(f.bitmap.free(*first, 8));
    EXPECT_FALSE(f.bitmap.free(*first + 3));
    EXPECT_EQ(f.words, before);
    EXPECT_EQ(f.bitmap.free_count(), free_before);
    // Out of range is refused too, including overflowing counts.
    EXPECT_FALSE(f.bitmap.free(256));
    EXPECT_FALSE(f.bitmap.free(250, 7));
    EXPECT_FALSE(f.bitmap.free(1, SIZE_MAX));
    EXPECT_EQ(f.words, before);
    EXPECT_TRUE(f.bitmap.free(*first, 2));
    EXPECT_TRUE(f.bitmap.free(*first + 4, 4));
    EXPECT_EQ(f.bitmap.free_count(), 256u);
}

TEST(FrameBitmap, ExhaustThenFreeAllReturnsToStart)
{
    Frames f(1000); // not a multiple of 64
    f.bitmap.release_range(0, 1000);
    std::vector<uint64_t> start = f.words;
    std::vector<size_t> got;
    while (auto frame = f.bitmap.allocate())
        got.push_back(*frame);
    ASSERT_EQ(got.size(), 1000u);
    for (size_t i = 0; i < got.size(); ++i)
        EXPECT_EQ(got[i], i);
    EXPECT_EQ(f.bitmap.free_count(), 0u);
    for (size_t frame : got)
        ASSERT_TRUE(f.bitmap.free(frame));
    EXPECT_EQ(f.words, start);
    EXPECT_EQ(f.bitmap.free_count(), 1000u);
    EXPECT_EQ(f.bitmap.allocate(1000).value_or(kNone), 0u);
    EXPECT_TRUE(f.bitmap.free(0, 1000));
}

// The hint must never skip a free frame: every allocation is compared with
// the lowest fitting place in a plain model of the frames.
TEST(FrameBitmap, RandomizedAgainstModel)
{
    constexpr size_t kFrames = 700;
    Frames f(kFrames);
    std::vector<bool> model(kFrames, false); // true = free
    std::mt19937 random(5);
    for (size_t i = 0; i < kFrames; ++i) {
        if (random() % 4) {
            f.bitmap.release_range(i, 1);
            model[i] = true;
        }
    }
    struct Allocation {
        size_t first, count;
    };
    std::vector<Allocation> live;
    auto expected_run = [&](size_t count, size_t alignment) -> klib::Optional<size_t> {
        for (size_t start = 0; start + count <= kFrames; start += alignment) {
            bool ok = true;
            for (size_t i = start; i < start + count && ok; ++i)
                ok = model[i];
            if (ok)
                return start;
        }
        return {};
    };
    for (int op = 0; op < 6000; ++op) {
        if (live.empty() || random() % 2) {
            size_t count = random() % 3 ? 1 : 1 + random() % 12;
            size_t alignment = random() % 4 ? 1 : size_t { 1 } << (random() % 5);
            auto got = f.bitmap.allocate(count, alignment);
            auto want = expected_run(count, alignment);
            ASSERT_EQ(got.value_or(SIZE_MAX), want.value_or(SIZE_MAX)) << "op " << op;
            if (got) {
                for (size_t i = *got; i < *got + count; ++i)
                    model[i] = false;
                live.push_back({ *got, count });
            }
        } else {
            size_t index = random() % live.size();
            Allocation a = live[index];
            live.erase(live.begin() + static_cast<long>(index));
            ASSERT_TRUE(f.bitmap.free(a.first, a.count));
            for (size_t i = a.first; i < a.first + a.count; ++i)
                model[i] = true;
        }
        size_t model_free = 0;
        for (bool b : model)
            model_free += b;
        ASSERT_EQ(f.bitmap.free_count(), model_free) << "op " << op;
    }
    EXPECT_EQ(f.really_free(), f.bitmap.free_count());
}

} // namespace
