/* Program ABI 2: C types and structure layouts. */
#ifndef BANOS_ABI_V2_PROGRAM_TYPES_H
#define BANOS_ABI_V2_PROGRAM_TYPES_H

#include "abi-versions/v1/program/types.h"

#define BANOS_PROGRAM_ABI_V2 2

typedef int64_t banos_v2_time_t;

struct banos_v2_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

#define BANOS_V2_UTSNAME_LENGTH 65
struct banos_v2_utsname {
    char sysname[BANOS_V2_UTSNAME_LENGTH];
    char nodename[BANOS_V2_UTSNAME_LENGTH];
    char release[BANOS_V2_UTSNAME_LENGTH];
    char version[BANOS_V2_UTSNAME_LENGTH];
    char machine[BANOS_V2_UTSNAME_LENGTH];
};

/* Clock ids (the Linux numbers, which programs tend to assume). */
#define BANOS_V2_CLOCK_REALTIME 0
#define BANOS_V2_CLOCK_MONOTONIC 1
#define BANOS_V2_CLOCK_REALTIME_COARSE 5
#define BANOS_V2_CLOCK_MONOTONIC_COARSE 6

#ifdef __cplusplus
static_assert(sizeof(struct banos_v2_timespec) == 16, "program ABI 2 layout");
static_assert(sizeof(struct banos_v2_utsname) == 325, "program ABI 2 layout");
#endif

#endif
