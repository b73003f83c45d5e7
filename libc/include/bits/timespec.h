/* struct timespec with the program ABI's layout: banos_v1_timespec (32-bit
 * seconds and nanoseconds) in ABI 1, banos_v2_timespec (64-bit) from ABI 2.
 * In ABI 1 tv_nsec is therefore an int, not a long. */
#ifndef __BANOS_BITS_TIMESPEC_H
#define __BANOS_BITS_TIMESPEC_H
#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

struct timespec {
    time_t tv_sec;
#if defined(BANOS_PROGRAM_ABI_V2)
    long tv_nsec;
#else
    int tv_nsec;
#endif
};

#if defined(BANOS_PROGRAM_ABI_V2)
#define __BANOS_TIMESPEC_ABI struct banos_v2_timespec
#define __BANOS_TIME_ABI banos_v2_time_t
#else
#define __BANOS_TIMESPEC_ABI struct banos_v1_timespec
#define __BANOS_TIME_ABI banos_v1_time_t
#endif
__BANOS_STATIC_ASSERT(sizeof(struct timespec) == sizeof(__BANOS_TIMESPEC_ABI)
        && __builtin_offsetof(struct timespec, tv_sec) == __builtin_offsetof(__BANOS_TIMESPEC_ABI, tv_sec)
        && __builtin_offsetof(struct timespec, tv_nsec) == __builtin_offsetof(__BANOS_TIMESPEC_ABI, tv_nsec)
        && sizeof(time_t) == sizeof(__BANOS_TIME_ABI),
    "struct timespec has the program ABI's layout");

#endif
