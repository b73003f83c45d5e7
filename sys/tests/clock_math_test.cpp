#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "time/clock_math.h"

namespace {

using ktime::scale_for_frequency;
using ktime::ticks_to_ns;

// Exact nanoseconds for a tick count, with 128-bit integers.
uint64_t exact_ns(uint64_t ticks, uint64_t hz)
{
    return static_cast<uint64_t>(static_cast<unsigned __int128>(ticks) * ktime::kNanosecondsPerSecond / hz);
}

void check_frequency(uint64_t hz)
{
    auto scale = scale_for_frequency(hz);
    ASSERT_LE(scale.mult, 0xffffffffull) << hz;
    ASSERT_GT(scale.mult, 0u) << hz;
    ASSERT_LE(scale.shift, 32u) << hz;
    // One second and one hour of ticks.
    for (uint64_t ticks : { hz, hz * 3600 }) {
        long double want = static_cast<long double>(exact_ns(ticks, hz));
        long double got = static_cast<long double>(ticks_to_ns(ticks, scale));
        ASSERT_LE(std::fabs(got - want) / want, 1e-6L) << hz << " Hz, " << ticks << " ticks";
        ASSERT_LE(got, want) << "rounding should never run the clock ahead";
    }
}

TEST(ClockMath, CommonFrequencies)
{
    // HPET, ACPI PM timer, PIT, LAPIC, TSC values seen in practice.
    for (uint64_t hz : { 1000000ull, 1193182ull, 3579545ull, 14318180ull, 25000000ull, 100000000ull, 999999999ull,
                         1000000000ull, 1000000001ull, 2400000000ull, 2999999999ull, 3000000000ull, 3600000000ull,
                         4294967295ull, 4294967296ull, 5000000000ull, 9999999999ull, 10000000000ull })
        check_frequency(hz);
}

TEST(ClockMath, SweepFromOneMegahertzToTenGigahertz)
{
    // Geometric steps with odd offsets to avoid only round numbers.
    for (long double hz = 1e6L; hz <= 1e10L; hz *= 1.0137L)
        check_frequency(static_cast<uint64_t>(hz) | 1);
}

TEST(ClockMath, ExactForOneGigahertz)
{
    auto scale = scale_for_frequency(1000000000);
    EXPECT_EQ(ticks_to_ns(1, scale), 1u);
    EXPECT_EQ(ticks_to_ns(123456789, scale), 123456789u);
    auto mhz = scale_for_frequency(1000000);
    EXPECT_EQ(ticks_to_ns(1, mhz), 1000u);
    EXPECT_EQ(ticks_to_ns(3600000000ull, mhz), 3600000000000ull);
}

TEST(ClockMath, ShiftIsAsLargeAsPossible)
{
    for (uint64_t hz : { 1000000ull, 33000000ull, 2400000000ull }) {
        auto scale = scale_for_frequency(hz);
        if (scale.shift < 32) {
            // One more bit of shift would not have fit in 32 bits.
            unsigned __int128 next = (static_cast<unsigned __int128>(ktime::kNanosecondsPerSecond) << (scale.shift + 1)) / hz;
            EXPECT_GT(next, 0xffffffffull) << hz;
        }
    }
}

TEST(ClockMath, LongUptimesDoNotOverflow)
{
    // Ten years at 10 GHz still converts without wrapping.
    uint64_t hz = 10000000000ull;
    uint64_t ticks = hz * 86400 * 365 * 10;
    auto scale = scale_for_frequency(hz);
    long double want = static_cast<long double>(exact_ns(ticks, hz));
    long double got = static_cast<long double>(ticks_to_ns(ticks, scale));
    EXPECT_LE(std::fabs(got - want) / want, 1e-6L);
}

TEST(ClockMath, ZeroHertzIsHarmless)
{
    auto scale = scale_for_frequency(0);
    EXPECT_EQ(scale.mult, 0u);
    EXPECT_EQ(ticks_to_ns(12345, scale), 0u);
    // Very slow counters still get a usable scale.
    auto slow = scale_for_frequency(1);
    EXPECT_EQ(ticks_to_ns(3, slow), 3000000000u);
    static_assert(scale_for_frequency(1000000000).mult != 0);
}

} // namespace
