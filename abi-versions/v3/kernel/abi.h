/* Kernel ABI 3: the message-based entry, its structures and shared pages.
 *
 * Entry: one trap. `syscall` with rax = BANOS_K3_ENTER, rdi = the address
 * of a struct banos_k3_message and rsi = BANOS_K3_SUBMIT or BANOS_K3_AWAIT.
 * The kernel answers in rax (the value) and rdx (0, a kernel error code
 * from errors.def, or BANOS_K3_PENDING), and writes the same answer into
 * the message's state, value and error.
 *
 *   SUBMIT  starts the operation. Most finish at once. One that would have
 *           to wait (a read on an empty pipe, a waitpid for a running
 *           child, a sleep) is left pending instead: rdx = BANOS_K3_PENDING,
 *           state = BANOS_K3_STATE_PENDING, and the thread owns that
 *           message until it finishes.
 *   AWAIT   (same message address) blocks until the pending message is
 *           finished and answers as above. A signal interrupts the wait
 *           (error Interrupted) and the message stays pending, so a
 *           restarted AWAIT resumes it; a new SUBMIT abandons it.
 *
 * A thread has at most one pending message. Operations, their arguments and
 * results are in ops.def. Flags, modes, signal numbers, ioctl requests,
 * sigaction, dirent records and the signal frame are kernel ABI 1's; poll
 * entries and iovecs kernel ABI 2's. Errors are the kernel's own codes
 * (errors.def), not errno numbers.
 *
 * Shared pages: kernel ABI 2's kpmap (inside banos_k3_kpmap, with per-CPU
 * data after it) and upmap, under the same sequence-counter protocol. */
#ifndef BANOS_ABI_V3_KERNEL_ABI_H
#define BANOS_ABI_V3_KERNEL_ABI_H

#include <stddef.h>
#include <stdint.h>

#include "abi-versions/v2/kernel/abi.h"

#define BANOS_KERNEL_ABI_V3 3

#define BANOS_K3_ENTER 0x3e
#define BANOS_K3_SUBMIT 0
#define BANOS_K3_AWAIT 1
#define BANOS_K3_PENDING 0xffff

#define BANOS_K3_STATE_SUBMITTED 0 /* what the layer writes */
#define BANOS_K3_STATE_PENDING 1
#define BANOS_K3_STATE_DONE 2

struct banos_k3_message {
    uint32_t operation;     /* BANOS_K3_OP_* (ops.def) */
    uint32_t state;         /* BANOS_K3_STATE_* */
    uint64_t arguments[6];
    int64_t value;          /* when DONE without error */
    uint32_t error;         /* when DONE: 0 or a kernel error code */
    uint32_t reserved;
};

/* Kernel clock ids. */
#define BANOS_K3_CLOCK_MONOTONIC 0
#define BANOS_K3_CLOCK_REALTIME 1

/* A file's status: fields in the kernel's own order, with birth time. */
struct banos_k3_stat {
    uint64_t ino;
    uint64_t dev;
    uint64_t rdev;
    uint32_t mode;
    uint32_t nlink;
    uint32_t uid;
    uint32_t gid;
    int64_t size;
    int64_t blocks;
    int32_t blksize;
    uint32_t reserved;
    struct banos_k2_timespec atime;
    struct banos_k2_timespec mtime;
    struct banos_k2_timespec ctime;
    struct banos_k2_timespec btime; /* birth */
};

/* spawn: the program ABI 3 action and attribute records, in kernel terms. */
#define BANOS_K3_SPAWN_OPEN 1
#define BANOS_K3_SPAWN_CLOSE 2
#define BANOS_K3_SPAWN_DUP2 3
#define BANOS_K3_SPAWN_CHDIR 4
struct banos_k3_spawn_action {
    int32_t kind;
    int32_t fd;
    int32_t source_fd;
    int32_t flags;
    uint32_t mode;
    uint32_t reserved;
    uint64_t path;
};
#define BANOS_K3_SPAWN_RESETIDS 0x01
#define BANOS_K3_SPAWN_SETPGROUP 0x02
#define BANOS_K3_SPAWN_SETSIGDEF 0x04
#define BANOS_K3_SPAWN_SETSIGMASK 0x08
#define BANOS_K3_SPAWN_SETSID 0x80
struct banos_k3_spawn_attributes {
    uint32_t flags;
    int32_t pgroup;
    uint64_t sigmask;
    uint64_t sigdefault;
};

/* Per-CPU data in the kpmap, indexed by the CPU number rdtscp reports
 * (BANOS_K2_KPMAP_RDTSCP_CPU). */
#define BANOS_K3_MAX_CPUS 64
struct banos_k3_cpu {
    uint32_t online;
    uint32_t apic_id;
    int64_t tsc_offset; /* add to this CPU's TSC before the clock arithmetic */
};

struct banos_k3_kpmap {
    struct banos_k2_kpmap common; /* time, names, CPU count, features */
    uint32_t cpu_slots;           /* entries of `cpus` in use */
    uint32_t reserved;
    struct banos_k3_cpu cpus[BANOS_K3_MAX_CPUS];
};

#ifdef __cplusplus
static_assert(sizeof(struct banos_k3_message) == 72, "kernel ABI 3 layout");
static_assert(sizeof(struct banos_k3_stat) == 128, "kernel ABI 3 layout");
static_assert(sizeof(struct banos_k3_spawn_action) == 32, "kernel ABI 3 layout");
static_assert(sizeof(struct banos_k3_spawn_attributes) == 24, "kernel ABI 3 layout");
static_assert(sizeof(struct banos_k3_kpmap) <= 4096, "kpmap is one page");
#endif

#endif
