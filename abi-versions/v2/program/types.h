/* Program ABI 2: C types and structure layouts. */
#ifndef BANOS_ABI_V2_PROGRAM_TYPES_H
#define BANOS_ABI_V2_PROGRAM_TYPES_H

#include "abi-versions/v1/program/types.h"

#define BANOS_PROGRAM_ABI_V2 2

#ifndef __ASSEMBLER__
typedef int64_t banos_v2_time_t;

struct banos_v2_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

struct banos_v2_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};

struct banos_v2_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint64_t st_nlink;
    uint32_t st_mode;
    uint32_t st_uid;
    uint32_t st_gid;
    uint32_t reserved0;
    uint64_t st_rdev;
    int64_t st_size;
    int64_t st_blksize;
    int64_t st_blocks;
    struct banos_v2_timespec st_atim;
    struct banos_v2_timespec st_mtim;
    struct banos_v2_timespec st_ctim;
    int64_t reserved1[3];
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

/* sysconf() names the layer answers (the Linux numbers) */
#define BANOS_SC_NPROCESSORS_CONF 83
#define BANOS_SC_NPROCESSORS_ONLN 84

/* mmap() flag, from program ABI 2 on (the Linux number): fault the whole
 * mapping in now rather than page by page on first touch. A hint: the
 * mapping means the same with or without it. */
#define BANOS_MAP_POPULATE 0x8000

/* getrandom() flags */
#define BANOS_GRND_NONBLOCK 1
#define BANOS_GRND_RANDOM 2

#ifdef __cplusplus
static_assert(sizeof(struct banos_v2_timespec) == 16, "program ABI 2 layout");
static_assert(sizeof(struct banos_v2_timeval) == 16, "program ABI 2 layout");
static_assert(sizeof(struct banos_v2_stat) == 144, "program ABI 2 layout");
static_assert(sizeof(struct banos_v2_utsname) == 325, "program ABI 2 layout");
#endif
#endif /* __ASSEMBLER__ */

#endif
