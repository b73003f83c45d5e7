// Clocks, sleeping, yielding.
#include "proc/scheduler.h"
#include "proc/thread.h"
#include "syscall/syscalls.h"
#include "time/clock.h"

namespace sys {

uint64_t clock_ns(Clock clock)
{
    uint64_t monotonic = ktime::monotonic_ns();
    return clock == Clock::Realtime ? monotonic + ktime::realtime_offset_ns() : monotonic;
}

klib::ErrorOr<void> sleep(uint64_t duration_ns, uint64_t* remaining_ns)
{
    sched::current().syscall_restartable = false;
    uint64_t start = ktime::monotonic_ns();
    uint64_t deadline = start + duration_ns < start ? UINT64_MAX : start + duration_ns;
    proc::WakeReason reason = sched::sleep_until(deadline, true);
    if (reason == proc::WakeReason::Interrupted) {
        uint64_t now = ktime::monotonic_ns();
        if (remaining_ns)
            *remaining_ns = now < deadline ? deadline - now : 0;
        return klib::ErrorCode::Interrupted;
    }
    if (remaining_ns)
        *remaining_ns = 0;
    return {};
}

void yield() { sched::yield(); }

int current_cpu() { return 0; }

// One CPU until the kernel starts the others.
int cpu_count() { return 1; }

} // namespace sys
