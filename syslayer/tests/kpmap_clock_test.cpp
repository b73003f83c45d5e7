// The shared-page clocks of kernel ABIs 2 and 3: the arithmetic, and the
// one reader both back ends use, on pages built here.
#include <gtest/gtest.h>

#include <string.h>

#include "back/common/kpmap_clock.h"
#include "back/common/shared_pages.h"

namespace {

using layer::Clock;
using layer::shared::ClockSnapshot;

constexpr ClockSnapshot kOneGhz { 1000, 5000000000ull, 1700000000000000000ull, 1ull << 31, 31, 7000000000ull };

TEST(KpmapClock, FineClockScalesTheTscFromItsBase)
{
    // mult / 2^shift = 1 ns per tick.
    EXPECT_EQ(layer::shared::fine_monotonic_ns(kOneGhz, 1000 + 250, 0), 5000000250ull);
}

TEST(KpmapClock, PerCpuOffsetIsAddedBeforeTheArithmetic)
{
    EXPECT_EQ(layer::shared::fine_monotonic_ns(kOneGhz, 1000 + 250, 100), 5000000350ull);
    EXPECT_EQ(layer::shared::fine_monotonic_ns(kOneGhz, 1000 + 250, -50), 5000000200ull);
}

TEST(KpmapClock, TscBehindTheBaseReadsAsTheBase)
{
    EXPECT_EQ(layer::shared::fine_monotonic_ns(kOneGhz, 10, 0), 5000000000ull);
    EXPECT_EQ(layer::shared::fine_monotonic_ns(kOneGhz, 1100, -200), 5000000000ull);
}

TEST(KpmapClock, LargeDeltasDoNotOverflow)
{
    ClockSnapshot s { 0, 0, 0, 0xffffffffull, 32, 0 }; // ~1 ns per tick
    uint64_t ticks = 1ull << 62;
    uint64_t ns = layer::shared::fine_monotonic_ns(s, ticks, 0);
    EXPECT_GT(ns, ticks - (ticks >> 30));
    EXPECT_LE(ns, ticks);
}

TEST(KpmapClock, RealtimeAddsTheOffsetAndCoarseUsesTheTick)
{
    EXPECT_EQ(layer::shared::clock_ns(kOneGhz, Clock::Realtime, 1001, 0), 1700000000000000000ull + 5000000001ull);
    EXPECT_EQ(layer::shared::clock_ns(kOneGhz, Clock::MonotonicCoarse, 99999, 0), 7000000000ull);
    EXPECT_EQ(layer::shared::clock_ns(kOneGhz, Clock::RealtimeCoarse, 99999, 0), 1700000000000000000ull + 7000000000ull);
}

TEST(KpmapClock, TimespecSplitsSeconds)
{
    layer::Timespec t = layer::shared::timespec_of(12345678901ull);
    EXPECT_EQ(t.seconds, 12);
    EXPECT_EQ(t.nanoseconds, 345678901);
}

banos_k3_kpmap page_k3()
{
    banos_k3_kpmap page;
    memset(&page, 0, sizeof(page));
    page.common.tsc_mult = 1;
    page.common.tsc_shift = 0;
    page.common.coarse_monotonic_ns = 42000000000ull;
    page.common.realtime_offset_ns = 1000000000ull;
    page.common.cpu_count = 3;
    page.cpu_slots = 2;
    return page;
}

TEST(KpmapReader, CoarseClocksNeedNoTsc)
{
    banos_k3_kpmap page = page_k3(); // features: no TSC
    layer::Timespec t {};
    EXPECT_TRUE(layer::shared::clock_gettime(page, Clock::MonotonicCoarse, &t));
    EXPECT_EQ(t.seconds, 42);
    EXPECT_TRUE(layer::shared::clock_gettime(page, Clock::RealtimeCoarse, &t));
    EXPECT_EQ(t.seconds, 43);
}

TEST(KpmapReader, FineClocksTrapWithoutAUsableTsc)
{
    banos_k3_kpmap page = page_k3();
    layer::Timespec t {};
    EXPECT_FALSE(layer::shared::clock_gettime(page, Clock::Monotonic, &t));
    EXPECT_FALSE(layer::shared::clock_gettime(page.common, Clock::Realtime, &t));
}

uint64_t host_tsc() { return __builtin_ia32_rdtsc(); }

TEST(KpmapReader, KernelAbi3AddsTheOffsetOfTheCpuRdtscpReports)
{
    banos_k3_kpmap page = page_k3();
    page.common.features = BANOS_K2_KPMAP_TSC | BANOS_K2_KPMAP_RDTSCP_CPU;
    page.cpu_slots = BANOS_K3_MAX_CPUS; // whichever CPU the host runs this on
    constexpr int64_t kOffset = 1000000000000ll;
    for (auto& cpu : page.cpus)
        cpu.tsc_offset = kOffset;
    uint64_t before = host_tsc();
    layer::Timespec t {};
    ASSERT_TRUE(layer::shared::clock_gettime(page, Clock::Monotonic, &t));
    uint64_t after = host_tsc();
    uint64_t ns = static_cast<uint64_t>(t.seconds) * 1000000000ull + static_cast<uint64_t>(t.nanoseconds);
    EXPECT_GE(ns, before + kOffset);
    EXPECT_LE(ns, after + kOffset);
}

TEST(KpmapReader, KernelAbi2HasNoOffsets)
{
    banos_k3_kpmap page = page_k3();
    page.common.features = BANOS_K2_KPMAP_TSC;
    uint64_t before = host_tsc();
    layer::Timespec t {};
    ASSERT_TRUE(layer::shared::clock_gettime(page.common, Clock::Monotonic, &t));
    uint64_t after = host_tsc();
    uint64_t ns = static_cast<uint64_t>(t.seconds) * 1000000000ull + static_cast<uint64_t>(t.nanoseconds);
    EXPECT_GE(ns, before);
    EXPECT_LE(ns, after);
}

TEST(KpmapReader, OffsetsOutsideTheUsedSlotsAreIgnored)
{
    banos_k3_kpmap page = page_k3();
    page.cpus[1].tsc_offset = 7;
    page.cpus[2].tsc_offset = 9;
    EXPECT_EQ(layer::shared::tsc_offset_of(page, 1), 7);
    EXPECT_EQ(layer::shared::tsc_offset_of(page, 2), 0);
    EXPECT_EQ(layer::shared::tsc_offset_of(page, 1000), 0);
    EXPECT_EQ(layer::shared::tsc_offset_of(page.common, 1), 0);
}

TEST(KpmapReader, CurrentCpuOnlyWhenTheKernelSaysRdtscpHasIt)
{
    banos_k3_kpmap page = page_k3();
    uint32_t cpu = 12345;
    EXPECT_FALSE(layer::shared::current_cpu(page, &cpu));
    EXPECT_EQ(cpu, 12345u);
    page.common.features = BANOS_K2_KPMAP_RDTSCP_CPU;
    EXPECT_TRUE(layer::shared::current_cpu(page, &cpu));
    EXPECT_EQ(layer::shared::cpu_count(page), 3u);
    EXPECT_EQ(layer::shared::cpu_count(page.common), 3u);
}

} // namespace
