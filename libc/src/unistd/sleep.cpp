#include <banos/slots.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" {

int nanosleep(const struct timespec* duration, struct timespec* remaining)
{
    // struct timespec has the ABI's layout (checked in <bits/timespec.h>).
#ifdef BANOS_HAS_SLOT_nanosleep64
    return __banos_slot_nanosleep64(reinterpret_cast<const banos_v2_timespec*>(duration),
        reinterpret_cast<banos_v2_timespec*>(remaining));
#else
    return __banos_slot_nanosleep(reinterpret_cast<const banos_v1_timespec*>(duration),
        reinterpret_cast<banos_v1_timespec*>(remaining));
#endif
}

unsigned int sleep(unsigned int seconds)
{
    struct timespec duration = {};
    struct timespec remaining = {};
    // ABI 1's 32-bit seconds hold any unsigned int up to INT32_MAX.
    duration.tv_sec = static_cast<time_t>(seconds > 0x7fffffffu ? 0x7fffffffu : seconds);
    if (nanosleep(&duration, &remaining) == 0)
        return 0;
    return static_cast<unsigned int>(remaining.tv_sec) + (remaining.tv_nsec > 0 ? 1 : 0);
}

int usleep(useconds_t microseconds)
{
    struct timespec duration = {};
    duration.tv_sec = static_cast<time_t>(microseconds / 1000000);
    duration.tv_nsec = static_cast<decltype(duration.tv_nsec)>(microseconds % 1000000 * 1000);
    return nanosleep(&duration, nullptr);
}

unsigned int alarm(unsigned int seconds)
{
#ifdef BANOS_HAS_SLOT_alarm
    return __banos_slot_alarm(seconds);
#else
    (void)seconds;
    errno = ENOSYS; // no timer slot before ABI 3
    return 0;
#endif
}

int pause(void)
{
    return __banos_slot_pause();
}
}
