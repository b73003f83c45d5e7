// Feeds what the guests measured into Google Benchmark, so the standard
// console and JSON output (and tools/compare.py) work on VM figures.
//
//   vm-report RESULTS [google benchmark flags]
//
// RESULTS (written by bench/run.py from the guests' serial logs) has one
// line per benchmark:
//   ok NAME FASTEST MEDIAN SLOWEST UNIT ITERATIONS REPS
//   na NAME WHY...      (cannot be measured: reported as an error, no time)
//   fail NAME WHY...
// UNIT is "ns", or "tsc" for TSC ticks: under QEMU's TCG the guest's TSC
// counts the host's TSC ticks, so they become time at the host TSC's
// frequency, measured here against the host's clock.
// Each "ok" benchmark is one iteration of manual time, the fastest batch's
// cost per operation: the figure least disturbed by whatever else the host
// runs (one iteration, so names stay the same from run to run and the
// compare tools can pair them); median, slowest and the guest's iteration
// count are counters.
#include <benchmark/benchmark.h>

#include <time.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Measurement {
    std::string name;
    double fastest = 0, median = 0, slowest = 0; // in `unit`
    std::string unit;
    long long iterations = 0;
    int reps = 0;
    std::string problem; // set for "na" and "fail"
};

uint64_t monotonic_ns()
{
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<uint64_t>(t.tv_sec) * 1000000000ull + static_cast<uint64_t>(t.tv_nsec);
}

// The host TSC's ticks per nanosecond over 200 ms: both clocks run on
// while this process is preempted, so a busy host does not skew it.
double host_tsc_ticks_per_ns()
{
    uint64_t start_ns = monotonic_ns(), start_ticks = __builtin_ia32_rdtsc();
    while (monotonic_ns() - start_ns < 200000000) {
    }
    uint64_t ns = monotonic_ns() - start_ns;
    return static_cast<double>(__builtin_ia32_rdtsc() - start_ticks) / static_cast<double>(ns);
}

double g_ticks_per_ns = 0;

double to_ns(const Measurement& m, double value) { return m.unit == "tsc" ? value / g_ticks_per_ns : value; }

bool parse_line(const std::string& line, Measurement& out)
{
    std::istringstream in(line);
    std::string kind;
    if (!(in >> kind >> out.name))
        return false;
    if (kind == "ok")
        return static_cast<bool>(in >> out.fastest >> out.median >> out.slowest >> out.unit >> out.iterations >> out.reps) &&
               out.iterations > 0 && (out.unit == "ns" || out.unit == "tsc");
    if (kind != "na" && kind != "fail")
        return false;
    std::getline(in >> std::ws, out.problem);
    out.problem = (kind == "na" ? "unavailable: " : "failed: ") + out.problem;
    return true;
}

void report(benchmark::State& state, const Measurement& m)
{
    if (!m.problem.empty()) {
        state.SkipWithError(m.problem.c_str());
        for (auto _ : state) {
        }
        return;
    }
    for (auto _ : state)
        state.SetIterationTime(to_ns(m, m.fastest) * 1e-9);
    state.counters["median_ns"] = to_ns(m, m.median);
    state.counters["slowest_ns"] = to_ns(m, m.slowest);
    if (m.unit == "tsc")
        state.counters["tsc_ticks"] = m.fastest;
    state.counters["guest_iterations"] = static_cast<double>(m.iterations);
    state.counters["guest_reps"] = m.reps;
}

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (argc != 2) {
        std::cerr << "usage: vm-report RESULTS [--benchmark_* flags]\n";
        return 2;
    }
    std::ifstream file(argv[1]);
    if (!file) {
        std::cerr << "vm-report: cannot read " << argv[1] << "\n";
        return 1;
    }
    static std::vector<Measurement> measurements;
    std::string line;
    int number = 0;
    while (std::getline(file, line)) {
        ++number;
        if (line.empty() || line[0] == '#')
            continue;
        Measurement m;
        if (!parse_line(line, m)) {
            std::cerr << argv[1] << ":" << number << ": cannot read '" << line << "'\n";
            return 1;
        }
        measurements.push_back(m);
    }
    for (const Measurement& m : measurements)
        if (m.unit == "tsc" && g_ticks_per_ns == 0)
            g_ticks_per_ns = host_tsc_ticks_per_ns();
    for (const Measurement& m : measurements) {
        auto* registered = benchmark::RegisterBenchmark(m.name.c_str(), [&m](benchmark::State& state) { report(state, m); });
        registered->UseManualTime()->Unit(benchmark::kNanosecond);
        registered->Iterations(1);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
