#pragma once
// The clock arithmetic of the shared kpmap (kernel ABIs 2 and 3), apart from
// the page reading so host tests can check it:
//   monotonic ns = monotonic_base + ((tsc + this CPU's offset - tsc_base) * mult >> shift)
//   realtime     = monotonic + realtime_offset
// and the coarse clocks are the kernel's last tick.
#include <stdint.h>

#include "syslayer/neutral.h"

namespace layer::shared {

// What one consistent read of the kpmap gives the clocks.
struct ClockSnapshot {
    uint64_t tsc_base;
    uint64_t monotonic_base_ns;
    uint64_t realtime_offset_ns;
    uint64_t tsc_mult;
    uint32_t tsc_shift;
    uint64_t coarse_monotonic_ns;
};

constexpr bool is_coarse(Clock clock) { return clock == Clock::MonotonicCoarse || clock == Clock::RealtimeCoarse; }
constexpr bool is_realtime(Clock clock) { return clock == Clock::Realtime || clock == Clock::RealtimeCoarse; }

// `tsc` as this CPU read it, `tsc_offset` its per-CPU correction (kernel
// ABI 3; zero on kernel ABI 2). A TSC behind the base reads as the base.
constexpr uint64_t fine_monotonic_ns(const ClockSnapshot& s, uint64_t tsc, int64_t tsc_offset)
{
    uint64_t adjusted = tsc + static_cast<uint64_t>(tsc_offset);
    uint64_t delta = adjusted > s.tsc_base ? adjusted - s.tsc_base : 0;
    return s.monotonic_base_ns + static_cast<uint64_t>((static_cast<unsigned __int128>(delta) * s.tsc_mult) >> s.tsc_shift);
}

constexpr uint64_t clock_ns(const ClockSnapshot& s, Clock clock, uint64_t tsc, int64_t tsc_offset)
{
    uint64_t ns = is_coarse(clock) ? s.coarse_monotonic_ns : fine_monotonic_ns(s, tsc, tsc_offset);
    return is_realtime(clock) ? ns + s.realtime_offset_ns : ns;
}

constexpr Timespec timespec_of(uint64_t ns)
{
    return { static_cast<int64_t>(ns / 1000000000), static_cast<int64_t>(ns % 1000000000) };
}

} // namespace layer::shared
