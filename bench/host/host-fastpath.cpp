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

__attribute__((noinline)) int raw_getpid() { return static_cast<int>(syscall(SYS_getpid)); }
__attribute__((noinline)) int glibc_sched_getcpu() { return sched_getcpu(); }

int (*volatile g_indirect)() = return_zero;
int (*volatile g_getpid)() = layer_getpid;
int (*volatile g_sched_getcpu)() = layer_sched_getcpu;
int (*volatile g_raw_getpid)() = raw_getpid;
int (*volatile g_glibc_sched_getcpu)() = glibc_sched_getcpu;
int (*volatile g_clock_k3)(Clock, layer::Timespec*) = layer_clock_k3;
int (*volatile g_clock_k2)(Clock, layer::Timespec*) = layer_clock_k2;

// One call through `*function` per iteration.
void BM_Call(benchmark::State& state, int (*volatile* function)())
{
    for (auto _ : state)
        benchmark::DoNotOptimize((*function)());
}
BENCHMARK_CAPTURE(BM_Call, indirect_floor, &g_indirect);
BENCHMARK_CAPTURE(BM_Call, layer_getpid, &g_getpid);
BENCHMARK_CAPTURE(BM_Call, raw_getpid_syscall, &g_raw_getpid);
BENCHMARK_CAPTURE(BM_Call, layer_sched_getcpu, &g_sched_getcpu);
BENCHMARK_CAPTURE(BM_Call, glibc_sched_getcpu, &g_glibc_sched_getcpu);

// One clock reading through the layer's reader of the kernel ABI 3 or 2 page.
void BM_LayerClock(benchmark::State& state, int (*volatile* reader)(Clock, layer::Timespec*), Clock clock)
{
    layer::Timespec t;
    for (auto _ : state) {
        benchmark::DoNotOptimize((*reader)(clock, &t));
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK_CAPTURE(BM_LayerClock, k3_monotonic, &g_clock_k3, Clock::Monotonic);
BENCHMARK_CAPTURE(BM_LayerClock, k3_realtime, &g_clock_k3, Clock::Realtime);
BENCHMARK_CAPTURE(BM_LayerClock, k3_monotonic_coarse, &g_clock_k3, Clock::MonotonicCoarse);
BENCHMARK_CAPTURE(BM_LayerClock, k2_monotonic, &g_clock_k2, Clock::Monotonic);

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
