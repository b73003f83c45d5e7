#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "lib/bitmap.h"

namespace {

// What an empty Optional reads as, so a wrong answer fails the check
// instead of aborting the whole test program.
constexpr size_t kNone = SIZE_MAX;

using klib::Bitmap;

// Owns the words; the slack bits of the last word start out as garbage so a
// search that strays past size() is caught.
struct Bits {
    explicit Bits(size_t count, uint64_t slack_pattern = 0xa5a5a5a5a5a5a5a5ull)
        : words(Bitmap::words_for(count), slack_pattern), bitmap(words.data(), count)
    {
        bitmap.fill(false);
    }
    std::vector<uint64_t> words;
    Bitmap bitmap;
};

// The slow, obvious answer for find_clear_run.
klib::Optional<size_t> reference_run(const Bitmap& b, size_t count, size_t alignment, size_t from)
{
    size_t start = (from + alignment - 1) / alignment * alignment;
    for (; start + count <= b.size(); start += alignment) {
        bool clear = true;
        for (size_t i = start; i < start + count && clear; ++i)
            clear = !b.get(i);
        if (clear)
            return start;
    }
    return {};
}

TEST(Bitmap, WordsFor)
{
    EXPECT_EQ(Bitmap::words_for(0), 0u);
    EXPECT_EQ(Bitmap::words_for(1), 1u);
    EXPECT_EQ(Bitmap::words_for(64), 1u);
    EXPECT_EQ(Bitmap::words_for(65), 2u);
}

TEST(Bitmap, GetSetAndFill)
{
    Bits b(130);
    EXPECT_EQ(b.bitmap.size(), 130u);
    EXPECT_EQ(b.bitmap.count_set(), 0u);
    b.bitmap.set(0, true);
    b.bitmap.set(63, true);
    b.bitmap.set(64, true);
    b.bitmap.set(129, true);
    EXPECT_TRUE(b.bitmap.get(63));
    EXPECT_TRUE(b.bitmap.get(64));
    EXPECT_FALSE(b.bitmap.get(65));
    EXPECT_EQ(b.bitmap.count_set(), 4u);
    b.bitmap.set(63, false);
    EXPECT_EQ(b.bitmap.count_set(), 3u);
    b.bitmap.fill(true);
    EXPECT_EQ(b.bitmap.count_set(), 130u);
    b.bitmap.fill(false);
    EXPECT_EQ(b.bitmap.count_set(), 0u);
}

TEST(Bitmap, CountIgnoresSlackBits)
{
    Bits b(70, ~0ull);
    b.words[1] = ~0ull; // bits 64..127, only 64..69 are real
    EXPECT_EQ(b.bitmap.count_set(), 6u);
}

TEST(Bitmap, SetRangeAcrossWordBoundaries)
{
    for (size_t first : { 0u, 1u, 63u, 64u, 65u, 100u }) {
        for (size_t count : { 0u, 1u, 2u, 63u, 64u, 65u, 128u, 129u }) {
            Bits b(300);
            if (first + count > 300)
                continue;
            b.bitmap.set_range(first, count, true);
            for (size_t i = 0; i < 300; ++i)
                ASSERT_EQ(b.bitmap.get(i), i >= first && i < first + count) << first << "+" << count << " bit " << i;
            EXPECT_EQ(b.bitmap.count_set(), count);
            b.bitmap.set_range(first, count, false);
            EXPECT_EQ(b.bitmap.count_set(), 0u);
        }
    }
    // Up to the very end of a bitmap whose size is not a multiple of 64.
    Bits b(200);
    b.bitmap.set_range(130, 70, true);
    EXPECT_EQ(b.bitmap.count_set(), 70u);
    EXPECT_TRUE(b.bitmap.get(199));
}

TEST(Bitmap, FindFirst)
{
    Bits b(200);
    EXPECT_EQ(b.bitmap.find_first(false).value_or(kNone), 0u);
    EXPECT_FALSE(b.bitmap.find_first(true));
    b.bitmap.set(70, true);
    b.bitmap.set(199, true);
    EXPECT_EQ(b.bitmap.find_first(true).value_or(kNone), 70u);
    EXPECT_EQ(b.bitmap.find_first(true, 70).value_or(kNone), 70u);
    EXPECT_EQ(b.bitmap.find_first(true, 71).value_or(kNone), 199u);
    EXPECT_FALSE(b.bitmap.find_first(true, 200));
    EXPECT_FALSE(b.bitmap.find_first(true, 5000));
    b.bitmap.fill(true);
    b.bitmap.set(128, false);
    EXPECT_EQ(b.bitmap.find_first(false).value_or(kNone), 128u);
    EXPECT_EQ(b.bitmap.find_first(false, 128).value_or(kNone), 128u);
    EXPECT_FALSE(b.bitmap.find_first(false, 129));
}

TEST(Bitmap, FindFirstNeverReportsSlackBits)
{
    // 70 bits: the last word's bits 70..127 are clear garbage when set is searched for...
    Bits clear_slack(70, 0);
    clear_slack.bitmap.fill(true);
    EXPECT_FALSE(clear_slack.bitmap.find_first(false));
    // ...and set garbage when clear is searched for.
    Bits set_slack(70, ~0ull);
    EXPECT_FALSE(set_slack.bitmap.find_first(true));
    EXPECT_FALSE(set_slack.bitmap.find_first(true, 69));
}

TEST(Bitmap, EmptyBitmap)
{
    Bitmap empty;
    EXPECT_EQ(empty.size(), 0u);
    EXPECT_EQ(empty.count_set(), 0u);
    EXPECT_FALSE(empty.find_first(false));
    EXPECT_FALSE(empty.find_clear_run(1));
}

TEST(Bitmap, FindClearRun)
{
    Bits b(256);
    b.bitmap.set(3, true);
    b.bitmap.set(70, true);
    EXPECT_EQ(b.bitmap.find_clear_run(3).value_or(kNone), 0u);
    EXPECT_EQ(b.bitmap.find_clear_run(4).value_or(kNone), 4u);
    EXPECT_EQ(b.bitmap.find_clear_run(66).value_or(kNone), 4u);   // 4..69
    EXPECT_EQ(b.bitmap.find_clear_run(67).value_or(kNone), 71u);  // 4..70 hits bit 70
    EXPECT_EQ(b.bitmap.find_clear_run(4, 8).value_or(kNone), 8u); // aligned
    EXPECT_EQ(b.bitmap.find_clear_run(64, 64).value_or(kNone), 128u);
    EXPECT_EQ(b.bitmap.find_clear_run(1, 1, 3).value_or(kNone), 4u);
    EXPECT_EQ(b.bitmap.find_clear_run(2, 4, 5).value_or(kNone), 8u); // `from` is rounded up
    EXPECT_EQ(b.bitmap.find_clear_run(185).value_or(kNone), 71u);    // exactly to the end
    EXPECT_FALSE(b.bitmap.find_clear_run(186));
    EXPECT_FALSE(b.bitmap.find_clear_run(1, 1, 256));
    EXPECT_FALSE(b.bitmap.find_clear_run(257));
    EXPECT_FALSE(b.bitmap.find_clear_run(64, 256));
}

TEST(Bitmap, FindClearRunAgainstReference)
{
    std::mt19937 random(7);
    for (int round = 0; round < 300; ++round) {
        size_t size = 1 + random() % 300;
        Bits b(size, random() % 2 ? ~0ull : 0);
        int density = static_cast<int>(random() % 10);
        for (size_t i = 0; i < size; ++i)
            b.bitmap.set(i, static_cast<int>(random() % 10) < density);
        for (int query = 0; query < 20; ++query) {
            size_t count = 1 + random() % 40;
            size_t alignment = size_t { 1 } << (random() % 7);
            size_t from = random() % (size + 10);
            ASSERT_EQ(b.bitmap.find_clear_run(count, alignment, from).value_or(SIZE_MAX),
                      reference_run(b.bitmap, count, alignment, from).value_or(SIZE_MAX))
                << "size " << size << " count " << count << " alignment " << alignment << " from " << from;
        }
    }
}

} // namespace
