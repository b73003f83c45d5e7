#pragma once
#include <stdint.h>

#include "lib/error_or.h"

// The local APIC (xAPIC, memory-mapped): end-of-interrupt and the per-CPU
// timer.
namespace arch::lapic {

klib::ErrorOr<void> init();
uint32_t id();
void end_of_interrupt();

// Measures the timer against the TSC, then starts it periodically at `hz`
// on `vector`.
klib::ErrorOr<void> start_timer(uint32_t hz, uint8_t vector, uint64_t tsc_hz);
uint64_t timer_frequency();

} // namespace arch::lapic
