#include "proc/alarm.h"

#include "lib/spinlock.h"
#include "proc/alarm_math.h"
#include "proc/process.h"
#include "proc/signals.h"
#include "time/clock.h"

namespace proc {

namespace {
// No alarm falls due before this, so a tick without a due alarm costs one
// comparison. It may be early (an alarm was cancelled): the tick that
// finds nothing due just recomputes it.
uint64_t g_next_due = UINT64_MAX;
} // namespace

uint32_t set_alarm(Process& process, uint32_t seconds)
{
    // Interrupts off: the timer must not deliver the old alarm between the
    // reading of its deadline and its replacement.
    auto state = klib::interrupts_save_and_disable();
    uint64_t now = ktime::monotonic_ns();
    uint32_t left = alarm_seconds_left(process.alarm_deadline(), now);
    uint64_t deadline = alarm_deadline(now, seconds);
    process.set_alarm_deadline(deadline);
    if (deadline && deadline < g_next_due)
        g_next_due = deadline;
    klib::interrupts_restore(state);
    return left;
}

void deliver_due_alarms()
{
    uint64_t now = ktime::monotonic_ns();
    if (now < g_next_due)
        return;
    uint64_t next = UINT64_MAX;
    for_each_process([&](Process& process) {
        uint64_t deadline = process.alarm_deadline();
        if (deadline && deadline <= now) {
            process.set_alarm_deadline(0);
            send_signal(process, kSigalrm);
        } else if (deadline && deadline < next) {
            next = deadline;
        }
        return true;
    });
    g_next_due = next;
}

} // namespace proc
