// The monotonic clock, the timer interrupt and the kernel timers it runs.
#include "arch/x86_64/cpu/cpu.h"
#include "kernel/ktest.h"
#include "time/clock.h"
#include "time/timers.h"

KTEST(time_monotonic_clock_never_goes_back)
{
    uint64_t previous = ktime::monotonic_ns();
    uint64_t first = previous;
    for (int i = 0; i < 100000; ++i) {
        uint64_t now = ktime::monotonic_ns();
        KEXPECT(now >= previous, "clock went back from {} to {}", previous, now);
        previous = now;
    }
    KEXPECT(previous > first, "clock did not advance over 100000 reads");
}

KTEST(time_timer_ticks_at_the_calibrated_rate)
{
    // Timer ticks counted over a window measured on the TSC clock. The two
    // sources are independent, so agreement shows both are calibrated.
    KEXPECT(arch::interrupts_enabled(), "interrupts are off");
    constexpr uint64_t kWindowNs = 400000000; // 400 ms
    uint64_t start_ticks = ktime::timer_ticks();
    uint64_t start = ktime::monotonic_ns();
    while (ktime::monotonic_ns() - start < kWindowNs)
        arch::halt();
    uint64_t elapsed = ktime::monotonic_ns() - start;
    uint64_t ticks = ktime::timer_ticks() - start_ticks;
    uint64_t expected = elapsed * ktime::kTimerHz / 1000000000;
    // Emulation jitters; a 25% band still catches a wrong divisor or rate.
    KEXPECT(ticks * 4 >= expected * 3 && ticks * 4 <= expected * 5, "{} ticks in {} ms, expected about {}", ticks,
            elapsed / 1000000, expected);
}

namespace {
// Halts until `done` holds or `limit_ns` passed; whether it held.
template <typename Done>
bool halt_until(Done done, uint64_t limit_ns)
{
    uint64_t start = ktime::monotonic_ns();
    while (!done() && ktime::monotonic_ns() - start < limit_ns)
        arch::halt();
    return done();
}

// A timer counting its runs, cancelled however the test leaves.
struct CountingTimer {
    CountingTimer() : timer(count, this) {}
    ~CountingTimer() { ktime::cancel_timer(timer); }
    static void count(void* self) { __atomic_add_fetch(&static_cast<CountingTimer*>(self)->runs, 1, __ATOMIC_RELAXED); }
    int load() const { return __atomic_load_n(&runs, __ATOMIC_RELAXED); }

    int runs { 0 };
    ktime::Timer timer;
};
} // namespace

KTEST(time_kernel_timers_run_from_the_tick)
{
    constexpr uint64_t kMs = 1000000;
    CountingTimer periodic, one_shot, cancelled;
    ktime::arm_timer(periodic.timer, kMs, kMs);
    ktime::arm_timer(one_shot.timer, kMs, 0);
    ktime::arm_timer(cancelled.timer, 50 * kMs, 0);
    KEXPECT(ktime::cancel_timer(cancelled.timer), "an armed timer did not cancel");
    bool ran = halt_until([&] { return periodic.load() >= 3; }, 2000 * kMs);
    KEXPECT(ran, "the periodic timer ran {} times in 2 s", periodic.load());
    KEXPECT(one_shot.load() == 1, "the one-shot timer ran {} times", one_shot.load());
    KEXPECT(!one_shot.timer.is_armed(), "the one-shot timer is still armed after it ran");
    KEXPECT(ktime::cancel_timer(periodic.timer), "the periodic timer was not armed");
    int stopped_at = periodic.load();
    (void)halt_until([] { return false; }, 100 * kMs); // the cancelled timer's deadline passes too
    KEXPECT(periodic.load() == stopped_at, "the periodic timer ran after cancel ({} then {})", stopped_at,
            periodic.load());
    KEXPECT(cancelled.load() == 0, "a timer cancelled before its deadline ran");
    KEXPECT(!ktime::cancel_timer(one_shot.timer), "cancelling a fired one-shot timer said it was armed");
}
