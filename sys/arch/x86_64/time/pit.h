#pragma once
#include <stdint.h>

#include "lib/optional.h"

// The legacy 8254 interval timer: only used as a known-rate reference to
// measure the TSC at boot.
namespace arch::pit {

constexpr uint64_t kFrequencyHz = 1193182;

// The TSC rate, or nothing if the PIT does not respond.
klib::Optional<uint64_t> measure_tsc_hz();

} // namespace arch::pit
