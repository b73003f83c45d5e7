#pragma once
// alarm()'s arithmetic, on the monotonic clock's nanoseconds (kept apart
// from the timer code so host tests can check it).
#include <stdint.h>

namespace proc {

constexpr uint64_t kNanosecondsPerSecond = 1000000000;

// The deadline alarm(seconds) sets at `now_ns`; 0 means no alarm. Far
// futures saturate rather than wrap.
constexpr uint64_t alarm_deadline(uint64_t now_ns, uint32_t seconds)
{
    if (seconds == 0)
        return 0;
    uint64_t span = seconds * kNanosecondsPerSecond; // < 2^63: no overflow
    return span > UINT64_MAX - now_ns ? UINT64_MAX : now_ns + span;
}

// What alarm() returns about the alarm it replaces: the seconds it had
// left, rounded up, and 0 only when there was none (an alarm that is due
// but not delivered yet still counts 1, as on Linux).
constexpr uint32_t alarm_seconds_left(uint64_t deadline_ns, uint64_t now_ns)
{
    if (deadline_ns == 0)
        return 0;
    if (deadline_ns <= now_ns)
        return 1;
    uint64_t left = deadline_ns - now_ns;
    uint64_t seconds = left / kNanosecondsPerSecond + (left % kNanosecondsPerSecond ? 1 : 0);
    return seconds > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(seconds);
}

} // namespace proc
