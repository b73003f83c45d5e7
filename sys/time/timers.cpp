#include "time/timers.h"

#include "lib/spinlock.h"
#include "time/clock.h"

namespace ktime {

namespace {
// Touched only with interrupts off: the interrupt handler runs the queue,
// and a spinlock would deadlock a callback that arms a timer.
TimerQueue g_queue;
} // namespace

void arm_timer(Timer& timer, uint64_t delay_ns, uint64_t period_ns)
{
    auto state = klib::interrupts_save_and_disable();
    g_queue.arm(timer, monotonic_ns(), delay_ns, period_ns);
    klib::interrupts_restore(state);
}

bool cancel_timer(Timer& timer)
{
    auto state = klib::interrupts_save_and_disable();
    bool was_armed = g_queue.cancel(timer);
    klib::interrupts_restore(state);
    return was_armed;
}

void run_due_timers()
{
    uint64_t now = monotonic_ns();
    if (now >= g_queue.next_deadline())
        g_queue.run_due(now);
}

} // namespace ktime
