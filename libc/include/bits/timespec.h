/* struct timespec, where the program ABI defines its layout (ABI 2 on). */
#ifndef __BANOS_BITS_TIMESPEC_H
#define __BANOS_BITS_TIMESPEC_H
#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/time_t.h>
#if defined(BANOS_PROGRAM_ABI_V2)
#define __BANOS_HAVE_TIMESPEC 1
struct timespec {
    time_t tv_sec;
    long tv_nsec;
};
__BANOS_STATIC_ASSERT(sizeof(struct timespec) == sizeof(struct banos_v2_timespec),
    "struct timespec has the layout of program ABI 2");
__BANOS_STATIC_ASSERT(__builtin_offsetof(struct timespec, tv_sec) == __builtin_offsetof(struct banos_v2_timespec, tv_sec)
        && sizeof(time_t) == sizeof(int64_t),
    "struct timespec has the layout of program ABI 2");
__BANOS_STATIC_ASSERT(__builtin_offsetof(struct timespec, tv_nsec) == __builtin_offsetof(struct banos_v2_timespec, tv_nsec)
        && sizeof(long) == sizeof(int64_t),
    "struct timespec has the layout of program ABI 2");
#endif
#endif
