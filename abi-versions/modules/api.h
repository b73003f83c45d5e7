/* The kernel's driver API for banos modules: every function here is
 * exported by name from the kernel's .banos-export table (sys/module/api/).
 * A name keeps its meaning forever; a changed meaning gets a new name, and
 * adding names raises BANOS_API_MINOR (driver.h). Modules compiled against
 * this header load into every kernel ABI build.
 *
 * Errors: functions that can fail return 0 or a positive count on success
 * and -(BANOS_E_<name>) on failure, numbered from the kernel's neutral error
 * list (abi-versions/common/error_codes.def), which is append-only. */
#ifndef BANOS_ABI_MODULES_API_H
#define BANOS_ABI_MODULES_API_H

#include <stddef.h>
#include <stdint.h>

#include "abi-versions/modules/driver.h"

#ifdef __cplusplus
extern "C" {
#endif

enum banos_error {
    BANOS_E_NONE = 0,
#define X(name, description) BANOS_E_##name,
#include "abi-versions/common/error_codes.def"
#undef X
};

/* Logging: one line, with the module's text as it is. */
enum banos_log_level { BANOS_LOG_ERROR = 1, BANOS_LOG_WARN = 2, BANOS_LOG_INFO = 3, BANOS_LOG_DEBUG = 4 };
void banos_log(int level, const char* text);

/* Memory: kernel heap blocks, 16-byte aligned, zero-filled by banos_zalloc. */
void* banos_alloc(size_t size);
void* banos_zalloc(size_t size);
void banos_free(void* block);

/* The C primitives the compiler may emit calls to. */
void* memcpy(void* destination, const void* source, size_t count);
void* memmove(void* destination, const void* source, size_t count);
void* memset(void* destination, int value, size_t count);
int memcmp(const void* a, const void* b, size_t count);
size_t strlen(const char* text);

/* Character devices in /dev. Buffers are kernel memory (the kernel copies
 * to and from the caller); `offset` is the open file's position. read and
 * write return the bytes moved or a negative error; a null read or write
 * fails with BANOS_E_Invalid. Callbacks may block. */
struct banos_chardev_ops {
    int64_t (*read)(void* context, uint64_t offset, void* buffer, uint64_t count);
    int64_t (*write)(void* context, uint64_t offset, const void* buffer, uint64_t count);
};
int banos_chardev_register(const char* name, uint32_t permissions, const struct banos_chardev_ops* ops,
                           void* context);
int banos_chardev_unregister(const char* name);

/* Interrupts: ISA IRQ `irq` (0-15) calls handler(context) with interrupts
 * off; the kernel acknowledges the interrupt controller afterwards. Busy
 * for IRQs the kernel drives or another module holds. */
typedef void (*banos_irq_handler)(void* context);
int banos_irq_attach(unsigned irq, banos_irq_handler handler, void* context);
int banos_irq_detach(unsigned irq);
/* x86 port I/O, for the devices behind those IRQs. */
uint8_t banos_port_read8(uint16_t port);
void banos_port_write8(uint16_t port, uint8_t value);

/* Time and sleeping. Blocking calls (sleeping, waiting on a queue) are for
 * init (boot loader modules included: they install on a kernel thread) and
 * device and file system callbacks, never for interrupt handlers, timer
 * callbacks or the scheduler hook; where the kernel sees it cannot block
 * they fail with -BANOS_E_TryAgain. */
uint64_t banos_monotonic_ns(void);
/* 0, or -BANOS_E_Interrupted when a signal cut it short. */
int banos_sleep_ns(uint64_t nanoseconds);

/* Timers (API 1.1): callback(context) runs `delay_ns` after arming and
 * then, if `period_ns` is not 0, every `period_ns` on the same phase until
 * cancelled. It runs from the kernel's timer interrupt, at its first tick
 * (250 a second) at or after the deadline; periods missed meanwhile are
 * skipped, not run in a burst, so a timer runs at most once a tick.
 * Callbacks run with interrupts off and must not block: they may arm and
 * cancel timers (their own included) and call banos_wait_queue_wake_all,
 * but not sleep, wait, allocate or register anything.
 * banos_timer_create makes a disarmed timer (null for a null callback or
 * without memory). banos_timer_arm (re)arms it, replacing any earlier
 * arming: 0, or -BANOS_E_Invalid for a null timer. banos_timer_cancel
 * disarms it: 1 if it was armed, 0 if not. When cancel returns, the
 * callback is not running (unless cancel was called from it) and will not
 * run until the timer is armed again: the kernel runs on one CPU, and
 * cancel disables interrupts, which callbacks run under.
 * banos_timer_destroy cancels and frees it (not from a callback). The
 * timers a module's init created are cancelled and freed when that init
 * fails. */
struct banos_timer;
typedef void (*banos_timer_callback)(void* context);
struct banos_timer* banos_timer_create(banos_timer_callback callback, void* context);
int banos_timer_arm(struct banos_timer* timer, uint64_t delay_ns, uint64_t period_ns);
int banos_timer_cancel(struct banos_timer* timer);
void banos_timer_destroy(struct banos_timer* timer);

/* Wait queues: a thread sleeps until ready(argument) returns nonzero,
 * re-checked after every wake. 0, or -BANOS_E_Interrupted on a signal.
 * banos_wait_queue_wake_all may be called from an interrupt handler. */
struct banos_wait_queue;
struct banos_wait_queue* banos_wait_queue_create(void);
void banos_wait_queue_destroy(struct banos_wait_queue* queue);
int banos_wait_queue_wait(struct banos_wait_queue* queue, int (*ready)(void* argument), void* argument);
void banos_wait_queue_wake_all(struct banos_wait_queue* queue);

/* The system-call tracepoint: `probe` runs on every system call's entry,
 * in the calling thread, with the call's name as the kernel's trap table
 * spells it ("read", "openat"...; the same on every kernel ABI). One probe
 * at a time: Busy if one is attached. The name pointer stays valid forever. */
typedef void (*banos_syscall_probe)(void* context, const char* call);
int banos_syscall_probe_attach(banos_syscall_probe probe, void* context);
int banos_syscall_probe_detach(banos_syscall_probe probe);

/* The scheduler hook (API 1.1): `hook` runs on every context switch, just
 * before the kernel switches from the thread `previous_tid` to `next_tid`
 * (a user thread's id is its process id; kernel threads, the idle thread
 * among them, have ids from 2^30 up), with interrupts off: it must not
 * block, and should be short. One hook at a
 * time: Busy if one is attached; detach gives Invalid for a hook that is not
 * attached. When detach returns the hook is not running and will not run
 * again. A module's hook is detached when its init fails. */
typedef void (*banos_sched_hook)(void* context, uint64_t previous_tid, uint64_t next_tid);
int banos_sched_hook_attach(banos_sched_hook hook, void* context);
int banos_sched_hook_detach(banos_sched_hook hook);

/* Filesystem types: a flat, read-only directory of files served by the
 * module, mounted with the mount call (type name, target directory).
 * mount returns an instance (or null: the mount fails with NoDevice);
 * entry(instance, index, name, capacity) copies the index-th file's name
 * (NUL-terminated) and returns 0, or -BANOS_E_NoEntry past the last;
 * size and read address files by that index. */
struct banos_fs_ops {
    void* (*mount)(void* context);
    void (*unmount)(void* instance);
    int (*entry)(void* instance, uint64_t index, char* name, size_t capacity);
    int64_t (*size)(void* instance, uint64_t index);
    int64_t (*read)(void* instance, uint64_t index, uint64_t offset, void* buffer, uint64_t count);
};
int banos_fs_register(const char* type, const struct banos_fs_ops* ops, void* context);
int banos_fs_unregister(const char* type);

#ifdef __cplusplus
}
#endif

#endif
