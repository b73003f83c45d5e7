// The monotonic clock and the timer interrupt.
#include "arch/x86_64/cpu/cpu.h"
#include "kernel/ktest.h"
#include "time/clock.h"

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
