/* struct timeval: banos_v2_timeval's layout from ABI 2 (gettimeofday's
 * slot); in ABI 1, which has no slot taking one, time_t seconds and long
 * microseconds. */
#ifndef __BANOS_BITS_TIMEVAL_H
#define __BANOS_BITS_TIMEVAL_H
#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};

#if defined(BANOS_PROGRAM_ABI_V2)
__BANOS_STATIC_ASSERT(sizeof(struct timeval) == sizeof(struct banos_v2_timeval)
        && __builtin_offsetof(struct timeval, tv_sec) == __builtin_offsetof(struct banos_v2_timeval, tv_sec)
        && __builtin_offsetof(struct timeval, tv_usec) == __builtin_offsetof(struct banos_v2_timeval, tv_usec),
    "struct timeval has the layout of program ABI 2");
#endif

#endif
