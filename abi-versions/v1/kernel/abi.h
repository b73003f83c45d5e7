/* Kernel ABI 1: structures and constants of the trap interface. No shared
 * pages: every call traps. */
#ifndef BANOS_ABI_V1_KERNEL_ABI_H
#define BANOS_ABI_V1_KERNEL_ABI_H

#include <stdint.h>

#define BANOS_KERNEL_ABI_V1 1

/* time_ticks counts in these units. */
#define BANOS_K1_TICK_HZ 100
#define BANOS_K1_CLOCK_REALTIME 0
#define BANOS_K1_CLOCK_MONOTONIC 1

#define BANOS_K1_UTSNAME_LENGTH 32
struct banos_k1_utsname {
    char sysname[BANOS_K1_UTSNAME_LENGTH];
    char nodename[BANOS_K1_UTSNAME_LENGTH];
    char release[BANOS_K1_UTSNAME_LENGTH];
    char version[BANOS_K1_UTSNAME_LENGTH];
    char machine[BANOS_K1_UTSNAME_LENGTH];
};

struct banos_k1_stat {
    uint32_t dev;
    uint32_t ino;
    uint32_t mode;
    uint32_t nlink;
    uint32_t uid;
    uint32_t gid;
    uint32_t rdev;
    uint32_t blksize;
    int64_t size;
    int64_t blocks;
    int32_t atime; /* seconds: kernel ABI 1 has no finer times */
    int32_t mtime;
    int32_t ctime;
    int32_t reserved;
};

/* getdents records: 8-byte aligned, each reclen long, name NUL-terminated. */
struct banos_k1_dirent {
    uint64_t ino;
    int64_t offset;
    uint16_t reclen;
    uint8_t type;
    char name[];
};

struct banos_k1_sigaction {
    uint64_t handler; /* 0 default, 1 ignore, else an address */
    uint64_t flags;
    uint64_t restorer; /* must be syscall-layer code: it makes the sigreturn trap */
    uint64_t mask;
};

/* A signal handler is entered with rdi = signal and rsp pointing at this
 * frame; its `ret` goes to `restorer` (the layer's code, which makes the
 * sigreturn trap with rsp = frame + 8). The kernel checks everything it
 * reads back. Kernel ABI 2 uses the same frame. */
struct banos_k1_signal_frame {
    uint64_t restorer;
    uint64_t signal;
    uint64_t blocked;      /* the mask to restore */
    uint64_t reserved;
    uint64_t registers[18]; /* rax rbx rcx rdx rsi rdi rbp r8-r15 rip rflags rsp */
    uint8_t fpu[512];       /* fxsave image */
};

#ifdef __cplusplus
static_assert(sizeof(struct banos_k1_stat) == 64, "kernel ABI 1 layout");
static_assert(sizeof(struct banos_k1_dirent) == 24, "kernel ABI 1 layout");
static_assert(sizeof(struct banos_k1_signal_frame) == 688, "kernel ABI 1 layout");
#endif

#endif
