#include <banos/slots.h>
#include <errno.h>
#include <sys/time.h>
#include <time.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" {

// The slot whose result has time_t's width: time64 where the ABI has it
// (64-bit time_t), else the 32-bit time of program ABI 1.
time_t time(time_t* out)
{
#ifdef BANOS_HAS_SLOT_time64
    return __banos_slot_time64(out);
#else
    return __banos_slot_time(out);
#endif
}

int gettimeofday(struct timeval* __restrict now, void* __restrict zone)
{
    if (zone != nullptr) {
        auto* utc = static_cast<struct timezone*>(zone);
        utc->tz_minuteswest = 0;
        utc->tz_dsttime = 0;
    }
    if (now == nullptr)
        return 0;
#ifdef BANOS_HAS_SLOT_gettimeofday
    // struct timeval has banos_v2_timeval's layout (checked in <bits/timeval.h>).
    return __banos_slot_gettimeofday(reinterpret_cast<banos_v2_timeval*>(now), nullptr);
#else
    time_t seconds = time(nullptr);
    if (seconds == static_cast<time_t>(-1))
        return -1;
    now->tv_sec = seconds;
    now->tv_usec = 0;
    return 0;
#endif
}

clock_t clock(void)
{
    return static_cast<clock_t>(-1);
}

double difftime(time_t end, time_t start)
{
    return static_cast<double>(end) - static_cast<double>(start);
}

#ifdef BANOS_HAS_SLOT_clock_gettime
int clock_gettime(clockid_t clock, struct timespec* out)
{
    // struct timespec has banos_v2_timespec's layout (checked in <bits/timespec.h>).
    return __banos_slot_clock_gettime(clock, reinterpret_cast<banos_v2_timespec*>(out));
}

int clock_getres(clockid_t clock, struct timespec* out)
{
#ifdef BANOS_HAS_SLOT_clock_getres
    return __banos_slot_clock_getres(clock, reinterpret_cast<banos_v2_timespec*>(out));
#else
    (void)clock;
    (void)out;
    return fail(ENOSYS); // only the layer knows what the kernel's clocks count in
#endif
}

int timespec_get(struct timespec* out, int base)
{
    if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, out) != 0)
        return 0;
    return base;
}
#endif
}
