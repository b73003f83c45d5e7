#pragma once
#include <stddef.h>
#include <stdint.h>

namespace klib {

template <typename T>
constexpr T min(T a, T b) { return a < b ? a : b; }
template <typename T>
constexpr T max(T a, T b) { return a < b ? b : a; }

constexpr bool is_power_of_two(uint64_t value) { return value && !(value & (value - 1)); }

// alignment must be a power of two.
constexpr uint64_t align_down(uint64_t value, uint64_t alignment) { return value & ~(alignment - 1); }
constexpr uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) & ~(alignment - 1); }
constexpr bool is_aligned(uint64_t value, uint64_t alignment) { return (value & (alignment - 1)) == 0; }

// Overflow-checked arithmetic for lengths and offsets that come from outside.
constexpr bool add_overflows(uint64_t a, uint64_t b, uint64_t* out) { return __builtin_add_overflow(a, b, out); }
constexpr bool mul_overflows(uint64_t a, uint64_t b, uint64_t* out) { return __builtin_mul_overflow(a, b, out); }

// (value * multiplier) >> shift without losing the high bits: the clock
// arithmetic that turns TSC ticks into nanoseconds.
constexpr uint64_t mul_shift(uint64_t value, uint64_t multiplier, unsigned shift)
{
    return static_cast<uint64_t>((static_cast<unsigned __int128>(value) * multiplier) >> shift);
}

constexpr uint64_t div_round_up(uint64_t value, uint64_t divisor) { return (value + divisor - 1) / divisor; }

} // namespace klib
