// The layer's fast paths on the host's real processor: the same kpmap and
// upmap readers the layer runs in the VM (syslayer/back/common/), reading
// pages built here, against the host's own vDSO clock_gettime, a raw
// getpid system call, and a plain indirect call.
#include <benchmark/benchmark.h>

#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "back/common/shared_pages.h"

namespace {

using layer::Clock;

// The kernel's pages, as it would fill them: TSC scaled to nanoseconds
// with this host's frequency, measured once.
struct Pages {
    banos_k3_kpmap kpmap;
    banos_k2_upmap upmap;
};

uint64_t monotonic_ns()
{
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<uint64_t>(t.tv_sec) * 1000000000ull + static_cast<uint64_t>(t.tv_nsec);
}

Pages make_pages()
{
    Pages pages;
    memset(&pages, 0, sizeof(pages));
    uint64_t start_ns = monotonic_ns(), start_tsc = __builtin_ia32_rdtsc();
    while (monotonic_ns() - start_ns < 20000000) {
    }
    uint64_t ns = monotonic_ns() - start_ns, ticks = __builtin_ia32_rdtsc() - start_tsc;
    constexpr uint32_t kShift = 32;
    banos_k2_kpmap& common = pages.kpmap.common;
    common.kernel_abi = 3;
    common.cpu_count = 1;
    common.features = BANOS_K2_KPMAP_TSC | BANOS_K2_KPMAP_RDTSCP_CPU;
    common.tsc_base = start_tsc;
    common.monotonic_base_ns = start_ns;
    common.tsc_mult = static_cast<uint64_t>((static_cast<unsigned __int128>(ns) << kShift) / ticks);
    common.tsc_shift = kShift;
    common.coarse_monotonic_ns = start_ns;
    common.realtime_offset_ns = 1700000000ull * 1000000000ull;
    pages.kpmap.cpu_slots = BANOS_K3_MAX_CPUS;
    pages.upmap.pid = static_cast<int32_t>(getpid());
    return pages;
}

// Reached through a pointer, as a program reaches the layer's stub table.
const volatile Pages* g_pages;

__attribute__((noinline)) int return_zero() { return 0; }
__attribute__((noinline)) int layer_getpid() { return g_pages->upmap.pid; }
__attribute__((noinline)) int layer_clock_k3(Clock clock, layer::Timespec* out)
{
    return layer::shared::clock_gettime(g_pages->kpmap, clock, out) ? 0 : -1;
}
__attribute__((noinline)) int layer_clock_k2(Clock clock, layer::Timespec* out)
{
    return layer::shared::clock_gettime(g_pages->kpmap.common, clock, out) ? 0 : -1;
}
__attribute__((noinline)) int layer_sched_getcpu()
{
    uint32_t cpu = 0;
    return layer::shared::current_cpu(g_pages->kpmap, &cpu) ? static_cast<int>(cpu) : -1;
}

int (*volatile g_indirect)() = return_zero;
int (*volatile g_getpid)() = layer_getpid;
int (*volatile g_clock_k3)(Clock, layer::Timespec*) = layer_clock_k3;
int (*volatile g_clock_k2)(Clock, layer::Timespec*) = layer_clock_k2;
int (*volatile g_sched_getcpu)() = layer_sched_getcpu;

void BM_IndirectCall(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(g_indirect());
}
BENCHMARK(BM_IndirectCall);

void BM_LayerGetpid(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(g_getpid());
}
BENCHMARK(BM_LayerGetpid);

void BM_RawGetpidSyscall(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(syscall(SYS_getpid));
}
BENCHMARK(BM_RawGetpidSyscall);

template <Clock kClock>
void BM_LayerClockK3(benchmark::State& state)
{
    layer::Timespec t;
    for (auto _ : state) {
        benchmark::DoNotOptimize(g_clock_k3(kClock, &t));
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_LayerClockK3<Clock::Monotonic>)->Name("BM_LayerClockK3/monotonic");
BENCHMARK(BM_LayerClockK3<Clock::Realtime>)->Name("BM_LayerClockK3/realtime");
BENCHMARK(BM_LayerClockK3<Clock::MonotonicCoarse>)->Name("BM_LayerClockK3/monotonic_coarse");

void BM_LayerClockK2Monotonic(benchmark::State& state)
{
    layer::Timespec t;
    for (auto _ : state) {
        benchmark::DoNotOptimize(g_clock_k2(Clock::Monotonic, &t));
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_LayerClockK2Monotonic)->Name("BM_LayerClockK2/monotonic");

template <clockid_t kClock>
void BM_VdsoClock(benchmark::State& state)
{
    timespec t;
    for (auto _ : state) {
        benchmark::DoNotOptimize(clock_gettime(kClock, &t));
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_VdsoClock<CLOCK_MONOTONIC>)->Name("BM_VdsoClock/monotonic");
BENCHMARK(BM_VdsoClock<CLOCK_REALTIME>)->Name("BM_VdsoClock/realtime");
BENCHMARK(BM_VdsoClock<CLOCK_MONOTONIC_COARSE>)->Name("BM_VdsoClock/monotonic_coarse");

void BM_LayerSchedGetcpu(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(g_sched_getcpu());
}
BENCHMARK(BM_LayerSchedGetcpu);

void BM_GlibcSchedGetcpu(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(sched_getcpu());
}
BENCHMARK(BM_GlibcSchedGetcpu);

} // namespace

int main(int argc, char** argv)
{
    static Pages pages = make_pages();
    g_pages = &pages;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
