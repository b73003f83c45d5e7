/* Kernel ABI 2: structures of the trap interface and of the shared pages.
 *
 * kpmap: one page for the whole system, mapped read-only into every
 * process. upmap: one page per process, read-only. Both are written only by
 * the kernel, under a sequence counter:
 *
 *   reader: do { s = sequence; (wait while s is odd) read fields; }
 *           while (sequence != s);
 *   writer: sequence++ (now odd); write fields; sequence++ (even again).
 */
#ifndef BANOS_ABI_V2_KERNEL_ABI_H
#define BANOS_ABI_V2_KERNEL_ABI_H

#include <stddef.h>
#include <stdint.h>

#include "abi-versions/v1/kernel/abi.h" /* sigaction, dirent and the signal frame are kernel ABI 1's */

#define BANOS_KERNEL_ABI_V2 2

/* Kernel clock ids (not the program ABIs' numbers: the layer translates). */
#define BANOS_K2_CLOCK_MONOTONIC 0
#define BANOS_K2_CLOCK_REALTIME 1

struct banos_k2_timespec {
    int64_t seconds;
    int64_t nanoseconds;
};

struct banos_k2_stat {
    uint64_t dev;
    uint64_t ino;
    uint32_t mode;
    uint32_t nlink;
    uint32_t uid;
    uint32_t gid;
    uint64_t rdev;
    int64_t size;
    int64_t blksize;
    int64_t blocks;
    struct banos_k2_timespec atime;
    struct banos_k2_timespec mtime;
    struct banos_k2_timespec ctime;
};

#define BANOS_K2_UTSNAME_LENGTH 65
struct banos_k2_utsname {
    char sysname[BANOS_K2_UTSNAME_LENGTH];
    char nodename[BANOS_K2_UTSNAME_LENGTH];
    char release[BANOS_K2_UTSNAME_LENGTH];
    char version[BANOS_K2_UTSNAME_LENGTH];
    char machine[BANOS_K2_UTSNAME_LENGTH];
};

/* readv/writev buffers */
struct banos_k2_iovec {
    uint64_t base;
    uint64_t length;
};

/* poll entries; events use the numbers of program ABI 3 (BANOS_POLL*). */
struct banos_k2_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

/* kpmap features */
#define BANOS_K2_KPMAP_TSC 0x1         /* the TSC fields are valid: clocks need no trap */
#define BANOS_K2_KPMAP_RDTSCP_CPU 0x2  /* rdtscp leaves the current CPU's number in ecx */

struct banos_k2_kpmap {
    uint32_t kernel_abi;
    uint32_t cpu_count;
    uint32_t sequence;
    uint32_t features;             /* BANOS_K2_KPMAP_* */
    uint64_t tsc_base;             /* TSC value at monotonic_base_ns */
    uint64_t monotonic_base_ns;
    uint64_t realtime_offset_ns;   /* realtime = monotonic + offset */
    uint64_t tsc_mult;             /* ns = (tsc - tsc_base) * mult >> shift */
    uint32_t tsc_shift;
    uint32_t coarse_resolution_ns;
    uint64_t coarse_monotonic_ns;  /* updated at every timer tick */
    struct banos_k2_utsname uts;   /* constant after boot */
};

struct banos_k2_upmap {
    uint32_t sequence;
    int32_t pid;
    int32_t ppid;
    uint32_t uid;
    uint32_t euid;
    uint32_t gid;
    uint32_t egid;
    int32_t pgid;
    int32_t sid;
    uint32_t reserved;
    uint64_t syscall_count;        /* system-call entries of this process */
};

#ifdef __cplusplus
static_assert(offsetof(struct banos_k2_kpmap, tsc_base) == 16, "kernel ABI 2 layout");
static_assert(offsetof(struct banos_k2_kpmap, uts) == 64, "kernel ABI 2 layout");
static_assert(sizeof(struct banos_k2_kpmap) <= 4096, "kpmap is one page");
static_assert(offsetof(struct banos_k2_upmap, syscall_count) == 40, "kernel ABI 2 layout");
static_assert(sizeof(struct banos_k2_stat) == 112, "kernel ABI 2 layout");
static_assert(sizeof(struct banos_k2_iovec) == 16, "kernel ABI 2 layout");
static_assert(sizeof(struct banos_k2_pollfd) == 8, "kernel ABI 2 layout");
#endif

#endif
