// A module whose init starts timers and the scheduler hook, sees them work,
// and then fails: the kernel must cancel and free the timers and detach the
// hook before it frees the module's code (a callback left behind would
// jump into freed memory at the next tick or switch), and report the init's
// error, ENXIO. Any other error says which check of the init went wrong:
//   TimedOut  the periodic timer or the hook did not run within 2 s
//   IoError   the one-shot timer ran more or less than once
//   Exists    a second scheduler hook attached (it must be Busy)
//   NoMemory  no timer could be made
#include "abi-versions/modules/api.h"

namespace {

constexpr uint64_t kMillisecond = 1000 * 1000;

volatile uint64_t g_periodic_runs = 0;
volatile uint64_t g_one_shot_runs = 0;
volatile uint64_t g_switches = 0;

void periodic(void*) { g_periodic_runs = g_periodic_runs + 1; }
void one_shot(void*) { g_one_shot_runs = g_one_shot_runs + 1; }
void count_switch(void*, uint64_t, uint64_t) { g_switches = g_switches + 1; }
void other_hook(void*, uint64_t, uint64_t) {}

// Sleeps in short steps until `done` holds, for at most 2 s.
bool sleep_until(bool (*done)())
{
    for (int i = 0; i < 200 && !done(); ++i)
        if (banos_sleep_ns(10 * kMillisecond) != 0)
            return false;
    return done();
}

int failing_timer_init()
{
    banos_timer* every_ms = banos_timer_create(periodic, nullptr);
    banos_timer* once = banos_timer_create(one_shot, nullptr);
    if (!every_ms || !once)
        return -BANOS_E_NoMemory;
    banos_timer_arm(every_ms, kMillisecond, kMillisecond);
    banos_timer_arm(once, kMillisecond, 0);
    int attached = banos_sched_hook_attach(count_switch, nullptr);
    if (attached != 0)
        return attached;
    if (banos_sched_hook_attach(other_hook, nullptr) != -BANOS_E_Busy)
        return -BANOS_E_Exists;
    if (!sleep_until([] { return g_periodic_runs >= 3 && g_switches >= 2; }))
        return -BANOS_E_TimedOut;
    if (g_one_shot_runs != 1)
        return -BANOS_E_IoError;
    // Left running on purpose: the kernel must stop them.
    return -BANOS_E_NoDevice;
}

} // namespace

BANOS_DRIVER("failing_timer", "BSD-2-Clause", "1.0", failing_timer_init, nullptr);
