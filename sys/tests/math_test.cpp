#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "lib/math.h"

namespace {

TEST(Math, MinMax)
{
    EXPECT_EQ(klib::min(3, 4), 3);
    EXPECT_EQ(klib::max(3, 4), 4);
    EXPECT_EQ(klib::max<uint64_t>(UINT64_MAX, 0), UINT64_MAX);
}

TEST(Math, PowerOfTwo)
{
    EXPECT_FALSE(klib::is_power_of_two(0));
    EXPECT_TRUE(klib::is_power_of_two(1));
    EXPECT_TRUE(klib::is_power_of_two(4096));
    EXPECT_FALSE(klib::is_power_of_two(4097));
    EXPECT_TRUE(klib::is_power_of_two(1ull << 63));
    EXPECT_FALSE(klib::is_power_of_two(UINT64_MAX));
}

TEST(Math, Align)
{
    EXPECT_EQ(klib::align_up(0, 4096), 0u);
    EXPECT_EQ(klib::align_up(1, 4096), 4096u);
    EXPECT_EQ(klib::align_up(4096, 4096), 4096u);
    EXPECT_EQ(klib::align_up(4097, 4096), 8192u);
    EXPECT_EQ(klib::align_down(4097, 4096), 4096u);
    EXPECT_EQ(klib::align_down(4095, 4096), 0u);
    EXPECT_EQ(klib::align_up(13, 1), 13u);
    EXPECT_EQ(klib::align_down(UINT64_MAX, 1ull << 63), 1ull << 63);
    EXPECT_TRUE(klib::is_aligned(0, 8));
    EXPECT_TRUE(klib::is_aligned(64, 64));
    EXPECT_FALSE(klib::is_aligned(65, 64));
    static_assert(klib::align_up(5, 8) == 8);
}

TEST(Math, OverflowChecks)
{
    uint64_t out = 0;
    EXPECT_FALSE(klib::add_overflows(1, 2, &out));
    EXPECT_EQ(out, 3u);
    EXPECT_TRUE(klib::add_overflows(UINT64_MAX, 1, &out));
    EXPECT_FALSE(klib::add_overflows(UINT64_MAX, 0, &out));
    EXPECT_FALSE(klib::mul_overflows(1ull << 32, (1ull << 32) - 1, &out));
    EXPECT_TRUE(klib::mul_overflows(1ull << 32, 1ull << 32, &out));
    EXPECT_FALSE(klib::mul_overflows(0, UINT64_MAX, &out));
    EXPECT_EQ(out, 0u);
}

TEST(Math, DivRoundUp)
{
    EXPECT_EQ(klib::div_round_up(0, 4096), 0u);
    EXPECT_EQ(klib::div_round_up(1, 4096), 1u);
    EXPECT_EQ(klib::div_round_up(4096, 4096), 1u);
    EXPECT_EQ(klib::div_round_up(4097, 4096), 2u);
}

TEST(Math, MulShiftKeepsTheHighBits)
{
    EXPECT_EQ(klib::mul_shift(UINT64_MAX, UINT64_MAX, 64), UINT64_MAX - 1);
    EXPECT_EQ(klib::mul_shift(1ull << 40, 1ull << 40, 32), 1ull << 48);
    EXPECT_EQ(klib::mul_shift(12345, 1, 0), 12345u);
    EXPECT_EQ(klib::mul_shift(3, 5, 1), 7u); // truncates

    std::mt19937_64 random(11);
    for (int i = 0; i < 100000; ++i) {
        uint64_t value = random() >> (random() % 64);
        uint64_t multiplier = random() >> (random() % 64);
        unsigned __int128 product = static_cast<unsigned __int128>(value) * multiplier;
        auto shift = static_cast<unsigned>(random() % 128);
        ASSERT_EQ(klib::mul_shift(value, multiplier, shift), static_cast<uint64_t>(product >> shift))
            << value << " * " << multiplier << " >> " << shift;
    }
}

} // namespace
