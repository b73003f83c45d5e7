#pragma once
#include <stdint.h>

#include "lib/optional.h"

// The CMOS real-time clock, read once at boot for the wall-clock time.
namespace arch::rtc {

// Seconds since 1970-01-01 UTC (QEMU's RTC runs in UTC), or nothing if the
// clock does not give a consistent reading.
klib::Optional<uint64_t> read_epoch_seconds();

} // namespace arch::rtc
