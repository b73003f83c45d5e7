#include "syscall/syscalls.h"
#include "time/clock.h"

namespace sys {

uint64_t clock_ns(Clock clock)
{
    uint64_t monotonic = ktime::monotonic_ns();
    return clock == Clock::Realtime ? monotonic + ktime::realtime_offset_ns() : monotonic;
}

} // namespace sys
