#pragma once
#include <stdint.h>

// IA32_TSC_AUX holds a value rdtscp hands to user mode in ecx. The kernel
// puts each CPU's number there, so a program learns which CPU it runs on
// with one unprivileged instruction and no kernel entry (sched_getcpu on
// kernel ABIs 2 and 3, and kernel ABI 3's per-CPU clock data).
namespace arch {

// Programs this CPU's IA32_TSC_AUX with `cpu_number` if CPUID says the CPU
// has rdtscp; does nothing otherwise.
void init_tsc_aux(uint32_t cpu_number);

// True once init_tsc_aux has programmed the register on the boot CPU.
bool rdtscp_reports_cpu();

} // namespace arch
