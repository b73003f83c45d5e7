#include "arch/x86_64/cpu/tsc_aux.h"

#include "arch/x86_64/cpu/cpu.h"

namespace arch {

namespace {
constexpr uint32_t kExtendedLeaves = 0x80000000;
constexpr uint32_t kExtendedFeatures = 0x80000001;
constexpr uint32_t kRdtscpBit = 1u << 27; // CPUID 0x80000001 EDX

bool g_rdtscp_reports_cpu = false;

bool has_rdtscp()
{
    if (cpuid(kExtendedLeaves).eax < kExtendedFeatures)
        return false;
    return cpuid(kExtendedFeatures).edx & kRdtscpBit;
}
} // namespace

void init_tsc_aux(uint32_t cpu_number)
{
    if (!has_rdtscp())
        return;
    wrmsr(msr::kTscAux, cpu_number);
    g_rdtscp_reports_cpu = true;
}

bool rdtscp_reports_cpu() { return g_rdtscp_reports_cpu; }

} // namespace arch
