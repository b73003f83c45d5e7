/* Program ABI 3: C types, structure layouts and constants, on top of ABI 2's. */
#ifndef BANOS_ABI_V3_PROGRAM_TYPES_H
#define BANOS_ABI_V3_PROGRAM_TYPES_H

#include "abi-versions/v2/program/types.h"

#define BANOS_PROGRAM_ABI_V3 3

#ifndef __ASSEMBLER__
/* ABI 2's stat plus the birth (creation) time, which is zero when the
 * running kernel does not record it (st_flags says whether it does). */
struct banos_v3_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint64_t st_nlink;
    uint32_t st_mode;
    uint32_t st_uid;
    uint32_t st_gid;
    uint32_t st_flags; /* BANOS_V3_STAT_* */
    uint64_t st_rdev;
    int64_t st_size;
    int64_t st_blksize;
    int64_t st_blocks;
    struct banos_v2_timespec st_atim;
    struct banos_v2_timespec st_mtim;
    struct banos_v2_timespec st_ctim;
    struct banos_v2_timespec st_birthtim;
    int64_t reserved[3];
};

struct banos_v3_iovec {
    void* iov_base;
    uint64_t iov_len;
};

struct banos_v3_pollfd {
    int32_t fd;      /* negative: ignored, revents 0 */
    int16_t events;  /* BANOS_POLL* asked for */
    int16_t revents; /* BANOS_POLL* that hold (ERR, HUP and NVAL always reported) */
};

/* posix_spawn file actions, applied in order in the new process. */
struct banos_v3_spawn_action {
    int32_t kind;      /* BANOS_SPAWN_ACTION_* */
    int32_t fd;        /* the descriptor acted on (opened onto, closed, duplicated onto) */
    int32_t source_fd; /* DUP2: the descriptor duplicated */
    int32_t flags;     /* OPEN: open() flags */
    uint32_t mode;     /* OPEN: open() mode */
    uint32_t reserved;
    const char* path;  /* OPEN and CHDIR */
};

struct banos_v3_spawn_actions {
    uint32_t count;
    uint32_t reserved;
    const struct banos_v3_spawn_action* actions;
};

struct banos_v3_spawn_attributes {
    uint32_t flags;      /* BANOS_SPAWN_* */
    int32_t pgroup;      /* SETPGROUP: 0 means a group of its own */
    uint64_t sigmask;    /* SETSIGMASK: the new process's mask */
    uint64_t sigdefault; /* SETSIGDEF: signals reset to their default action */
};

#ifdef __cplusplus
static_assert(sizeof(struct banos_v3_stat) == 160, "program ABI 3 layout");
static_assert(sizeof(struct banos_v3_iovec) == 16, "program ABI 3 layout");
static_assert(sizeof(struct banos_v3_pollfd) == 8, "program ABI 3 layout");
static_assert(sizeof(struct banos_v3_spawn_action) == 32, "program ABI 3 layout");
static_assert(sizeof(struct banos_v3_spawn_actions) == 16, "program ABI 3 layout");
static_assert(sizeof(struct banos_v3_spawn_attributes) == 24, "program ABI 3 layout");
#endif
#endif /* __ASSEMBLER__ */

/* st_flags */
#define BANOS_V3_STAT_BIRTHTIME 0x1 /* st_birthtim is the file's real birth time */

/* readv/writev: at most this many buffers */
#define BANOS_IOV_MAX 1024

/* poll() events (the Linux numbers) */
#define BANOS_POLLIN 0x001
#define BANOS_POLLPRI 0x002
#define BANOS_POLLOUT 0x004
#define BANOS_POLLERR 0x008
#define BANOS_POLLHUP 0x010
#define BANOS_POLLNVAL 0x020

/* posix_spawn file actions */
#define BANOS_SPAWN_ACTION_OPEN 1
#define BANOS_SPAWN_ACTION_CLOSE 2
#define BANOS_SPAWN_ACTION_DUP2 3
#define BANOS_SPAWN_ACTION_CHDIR 4

/* posix_spawn attribute flags (the glibc numbers) */
#define BANOS_SPAWN_RESETIDS 0x01
#define BANOS_SPAWN_SETPGROUP 0x02
#define BANOS_SPAWN_SETSIGDEF 0x04
#define BANOS_SPAWN_SETSIGMASK 0x08
#define BANOS_SPAWN_SETSID 0x80

#endif
