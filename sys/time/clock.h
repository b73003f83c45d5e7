#pragma once
#include <stdint.h>

#include "time/clock_math.h"

// The kernel's monotonic clock: the TSC, calibrated once at boot.
namespace ktime {

// Monotonic time counts from `tsc_at_entry`, the TSC when the kernel was
// entered, so log timestamps and CLOCK_MONOTONIC include the boot itself.
void init_clock(uint64_t tsc_hz, uint64_t tsc_at_entry);
bool clock_ready();
uint64_t tsc_frequency();
TickScale tsc_scale();
// The TSC value at which monotonic time was zero.
uint64_t tsc_base();
// Nanoseconds since the clock started.
uint64_t monotonic_ns();

// Wall-clock time is monotonic time plus this, set from the RTC at boot.
void set_realtime(uint64_t epoch_seconds);
uint64_t realtime_offset_ns();

// The periodic timer interrupt.
constexpr uint32_t kTimerHz = 250;
void timer_tick();
uint64_t timer_ticks();

} // namespace ktime
