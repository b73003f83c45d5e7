// The kernel's plain services for modules: logging, memory, the C string
// primitives, time, sleeping and wait queues.
#include <string.h>

#include "abi-versions/modules/api.h"
#include "kernel/log.h"
#include "lib/own_ptr.h"
#include "mm/kernel_heap.h"
#include "module/api/resources.h"
#include "proc/wait_queue.h"
#include "proc/scheduler.h"
#include "time/clock.h"

extern "C" {

void banos_log(int level, const char* text)
{
    klog::Level kernel_level = level <= BANOS_LOG_ERROR ? klog::Level::Error
        : level == BANOS_LOG_WARN                       ? klog::Level::Warn
        : level == BANOS_LOG_INFO                       ? klog::Level::Info
                                                        : klog::Level::Debug;
    klog::log(kernel_level, "{}", text ? text : "(null)");
}

void* banos_alloc(size_t size) { return size ? mm::kernel_heap().allocate(size) : nullptr; }

void* banos_zalloc(size_t size)
{
    void* block = banos_alloc(size);
    if (block)
        memset(block, 0, size);
    return block;
}

void banos_free(void* block)
{
    if (block)
        mm::kernel_heap().free(block);
}

uint64_t banos_monotonic_ns(void) { return ktime::monotonic_ns(); }

int banos_sleep_ns(uint64_t nanoseconds)
{
    if (!sched::can_block())
        return -BANOS_E_TryAgain;
    uint64_t start = ktime::monotonic_ns();
    uint64_t deadline = start + nanoseconds < start ? UINT64_MAX : start + nanoseconds;
    if (sched::sleep_until(deadline, true) == proc::WakeReason::Interrupted)
        return -BANOS_E_Interrupted;
    return 0;
}

struct banos_wait_queue {
    proc::WaitQueue queue;
};

struct banos_wait_queue* banos_wait_queue_create(void)
{
    auto made = klib::try_make<banos_wait_queue>();
    return made.is_error() ? nullptr : made.release_value().leak();
}

void banos_wait_queue_destroy(struct banos_wait_queue* queue) { delete queue; }

int banos_wait_queue_wait(struct banos_wait_queue* queue, int (*ready)(void* argument), void* argument)
{
    if (!queue || !ready)
        return -BANOS_E_Invalid;
    if (!sched::can_block())
        return -BANOS_E_TryAgain;
    auto waited = queue->queue.wait_interruptible([&] { return ready(argument) != 0; });
    return waited.is_error() ? module::api::module_error(waited.error()) : 0;
}

void banos_wait_queue_wake_all(struct banos_wait_queue* queue)
{
    if (queue)
        queue->queue.wake_all();
}

} // extern "C"

BANOS_EXPORT(banos_log);
BANOS_EXPORT(banos_alloc);
BANOS_EXPORT(banos_zalloc);
BANOS_EXPORT(banos_free);
BANOS_EXPORT(memcpy);
BANOS_EXPORT(memmove);
BANOS_EXPORT(memset);
BANOS_EXPORT(memcmp);
BANOS_EXPORT(strlen);
BANOS_EXPORT(banos_monotonic_ns);
BANOS_EXPORT(banos_sleep_ns);
BANOS_EXPORT(banos_wait_queue_create);
BANOS_EXPORT(banos_wait_queue_destroy);
BANOS_EXPORT(banos_wait_queue_wait);
BANOS_EXPORT(banos_wait_queue_wake_all);
