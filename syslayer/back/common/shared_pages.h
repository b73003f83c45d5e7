#pragma once
// Reading the pages the kernel shares with the layer (kernel ABIs 2 and 3):
// one reader for both, whichever kpmap the kernel lays out. Kernel ABI 3's
// banos_k3_kpmap is kernel ABI 2's page followed by per-CPU records; the
// overloads below are all that differs. Readers follow the sequence-counter
// protocol of abi-versions/v2/kernel/abi.h.
#include "abi-versions/v3/kernel/abi.h"
#include "back/common/kpmap_clock.h"

namespace layer::shared {

inline const volatile banos_k2_kpmap& common_of(const volatile banos_k2_kpmap& page) { return page; }
inline const volatile banos_k2_kpmap& common_of(const volatile banos_k3_kpmap& page) { return page.common; }

// The correction for the TSC of `cpu` (kernel ABI 2 has none).
inline int64_t tsc_offset_of(const volatile banos_k2_kpmap&, uint32_t) { return 0; }
inline int64_t tsc_offset_of(const volatile banos_k3_kpmap& page, uint32_t cpu)
{
    return cpu < page.cpu_slots && cpu < BANOS_K3_MAX_CPUS ? page.cpus[cpu].tsc_offset : 0;
}

struct TscReading {
    uint64_t tsc;
    uint32_t cpu; // valid when the kpmap has BANOS_K2_KPMAP_RDTSCP_CPU
};

// rdtscp waits for earlier instructions and reads the TSC with IA32_TSC_AUX,
// which the kernel sets to the CPU number, in one step: the two agree even
// if the thread moves to another CPU right after.
inline TscReading read_tsc_and_cpu()
{
    uint32_t low, high, aux;
    asm volatile("rdtscp" : "=a"(low), "=d"(high), "=c"(aux)::"memory");
    return { (static_cast<uint64_t>(high) << 32) | low, aux };
}

inline uint64_t read_tsc_ordered()
{
    uint32_t low, high;
    asm volatile("lfence; rdtsc" : "=a"(low), "=d"(high)::"memory");
    return (static_cast<uint64_t>(high) << 32) | low;
}

// The current CPU, if the kernel put CPU numbers where rdtscp reads them.
template <typename Kpmap>
bool current_cpu(const volatile Kpmap& page, uint32_t* cpu)
{
    if (!(common_of(page).features & BANOS_K2_KPMAP_RDTSCP_CPU))
        return false;
    *cpu = read_tsc_and_cpu().cpu;
    return true;
}

// A single aligned 32-bit field the kernel sets at boot: no sequence check.
template <typename Kpmap>
uint32_t cpu_count(const volatile Kpmap& page)
{
    return common_of(page).cpu_count;
}

// clock_gettime from the kpmap; false when the fine clocks need the kernel
// (the TSC is not usable), so the caller traps instead.
template <typename Kpmap>
bool clock_gettime(const volatile Kpmap& page, Clock clock, Timespec* out)
{
    const volatile banos_k2_kpmap& common = common_of(page);
    ClockSnapshot snapshot;
    uint64_t tsc = 0;
    int64_t tsc_offset = 0;
    bool usable;
    // Retry while the kernel is writing or wrote meanwhile; the arithmetic
    // happens after the loop.
    for (;;) {
        uint32_t sequence = common.sequence;
        if (sequence & 1) {
            __builtin_ia32_pause();
            continue;
        }
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        uint32_t features = common.features;
        usable = features & BANOS_K2_KPMAP_TSC;
        snapshot = { common.tsc_base,  common.monotonic_base_ns, common.realtime_offset_ns,
                     common.tsc_mult,  common.tsc_shift,         common.coarse_monotonic_ns };
        if (!is_coarse(clock) && usable) {
            if (features & BANOS_K2_KPMAP_RDTSCP_CPU) {
                TscReading reading = read_tsc_and_cpu();
                tsc = reading.tsc;
                tsc_offset = tsc_offset_of(page, reading.cpu);
            } else {
                tsc = read_tsc_ordered();
            }
        }
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (common.sequence == sequence)
            break;
    }
    if (!is_coarse(clock) && !usable)
        return false;
    *out = timespec_of(clock_ns(snapshot, clock, tsc, tsc_offset));
    return true;
}

} // namespace layer::shared
