/* The thread control block: frozen for every ABI, past and future.
 *
 * x86_64 TLS variant II: %fs holds the thread pointer, which is the address
 * of this structure; the static TLS block sits just below it. The kernel
 * builds the first thread's TCB at exec (so errno works before libc runs),
 * libc builds the TCB of every new thread, and the syscall layer fills
 * layer_private for threads it creates.
 *
 * C and C++ include this one header: the kernel, the layers, libc, ld-elf. */
#ifndef BANOS_ABI_COMMON_TCB_H
#define BANOS_ABI_COMMON_TCB_H

#include <stddef.h>
#include <stdint.h>

struct banos_tcb {
    struct banos_tcb* self; /* 0x00: what %fs:0 reads, as the psABI requires */
    void* dtv;              /* 0x08: dynamic thread vector (ld-elf) */
    int* errno_ptr;         /* 0x10: where the layer stores errno, on failure only; never NULL */
    void* layer_private;    /* 0x18: owned by the syscall layer, per thread */
    int errno_value;        /* 0x20: the default target of errno_ptr */
    int tid;                /* 0x24 */
    uint64_t stack_guard;   /* 0x28: GCC's -fstack-protector reads %fs:0x28 */
    uint64_t pointer_guard; /* 0x30 */
    uint64_t reserved;      /* 0x38: zero */
};

#define BANOS_TCB_SELF 0x00
#define BANOS_TCB_DTV 0x08
#define BANOS_TCB_ERRNO_PTR 0x10
#define BANOS_TCB_LAYER_PRIVATE 0x18
#define BANOS_TCB_ERRNO_VALUE 0x20
#define BANOS_TCB_TID 0x24
#define BANOS_TCB_STACK_GUARD 0x28
#define BANOS_TCB_POINTER_GUARD 0x30
#define BANOS_TCB_SIZE 0x40

#ifdef __cplusplus
#define BANOS_STATIC_ASSERT static_assert
#else
#define BANOS_STATIC_ASSERT _Static_assert
#endif
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, self) == BANOS_TCB_SELF, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, dtv) == BANOS_TCB_DTV, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, errno_ptr) == BANOS_TCB_ERRNO_PTR, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, layer_private) == BANOS_TCB_LAYER_PRIVATE, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, errno_value) == BANOS_TCB_ERRNO_VALUE, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, tid) == BANOS_TCB_TID, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, stack_guard) == BANOS_TCB_STACK_GUARD, "TCB layout is frozen");
BANOS_STATIC_ASSERT(offsetof(struct banos_tcb, pointer_guard) == BANOS_TCB_POINTER_GUARD, "TCB layout is frozen");
BANOS_STATIC_ASSERT(sizeof(struct banos_tcb) == BANOS_TCB_SIZE, "TCB layout is frozen");

#endif
