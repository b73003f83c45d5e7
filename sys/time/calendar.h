#pragma once
#include <stdint.h>

#include "lib/optional.h"

namespace ktime {

// Seconds since 1970-01-01 00:00:00 UTC for a proleptic Gregorian date, or
// nothing for an impossible date (a bad clock chip should not make a
// nonsense time).
klib::Optional<uint64_t> seconds_since_epoch(unsigned year, unsigned month, unsigned day, unsigned hour,
                                             unsigned minute, unsigned second);

} // namespace ktime
