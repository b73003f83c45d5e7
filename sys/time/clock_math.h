#pragma once
#include <stdint.h>

#include "lib/math.h"

// Converting counter ticks to nanoseconds as ns = (ticks * mult) >> shift,
// the form user space repeats from the shared kernel page without division.
namespace ktime {

constexpr uint64_t kNanosecondsPerSecond = 1000000000ull;

struct TickScale {
    uint64_t mult;
    uint32_t shift;
};

// The largest shift (up to 32, so 10^9 << shift fits in 64 bits) whose
// multiplier still fits in 32 bits keeps precision while leaving the
// 64x64->128 product far from overflow.
constexpr TickScale scale_for_frequency(uint64_t hz)
{
    if (hz == 0)
        return { 0, 0 };
    for (uint32_t shift = 32; shift > 0; --shift) {
        uint64_t mult = (kNanosecondsPerSecond << shift) / hz;
        if (mult <= 0xffffffffull)
            return { mult, shift };
    }
    return { kNanosecondsPerSecond / hz, 0 };
}

constexpr uint64_t ticks_to_ns(uint64_t ticks, TickScale scale) { return klib::mul_shift(ticks, scale.mult, scale.shift); }

} // namespace ktime
