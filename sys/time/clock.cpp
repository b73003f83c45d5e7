#include "time/clock.h"

#include "arch/x86_64/cpu/cpu.h"
#include "kernel/log.h"

namespace ktime {

namespace {
uint64_t g_tsc_hz = 0;
uint64_t g_tsc_base = 0;
TickScale g_scale {};
uint64_t g_ticks = 0;
uint64_t g_realtime_offset = 0;
} // namespace

void init_clock(uint64_t tsc_hz, uint64_t tsc_at_entry)
{
    g_tsc_hz = tsc_hz;
    g_scale = scale_for_frequency(tsc_hz);
    g_tsc_base = tsc_at_entry;
    klog::set_clock(monotonic_ns);
}

bool clock_ready() { return g_tsc_hz != 0; }
uint64_t tsc_frequency() { return g_tsc_hz; }
TickScale tsc_scale() { return g_scale; }

uint64_t tsc_base() { return g_tsc_base; }

void set_realtime(uint64_t epoch_seconds) { g_realtime_offset = epoch_seconds * kNanosecondsPerSecond - monotonic_ns(); }
uint64_t realtime_offset_ns() { return g_realtime_offset; }

uint64_t monotonic_ns()
{
    if (!g_tsc_hz)
        return 0;
    return ticks_to_ns(arch::rdtsc() - g_tsc_base, g_scale);
}

void timer_tick() { __atomic_add_fetch(&g_ticks, 1, __ATOMIC_RELAXED); }
uint64_t timer_ticks() { return __atomic_load_n(&g_ticks, __ATOMIC_RELAXED); }

} // namespace ktime
