#pragma once
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu/gdt.h"

namespace arch {

struct FaultCatch;

// Per-CPU data, reached through the GS base. The first fields are read by
// assembly at fixed offsets.
struct Cpu {
    Cpu* self;                 // gs:0
    uint64_t user_rsp_scratch; // gs:8   (system-call entry)
    uint64_t kernel_rsp;       // gs:16  (system-call entry)
    uint32_t id;
    uint32_t apic_id;
    FaultCatch* fault_catch;   // set while kernel code probes memory that may fault
    void* current_thread;
    Gdt gdt;
    Tss tss;
};
static_assert(offsetof(Cpu, self) == 0);
static_assert(offsetof(Cpu, user_rsp_scratch) == 8);
static_assert(offsetof(Cpu, kernel_rsp) == 16);

inline Cpu& this_cpu()
{
    Cpu* cpu;
    asm volatile("mov %%gs:0, %0" : "=r"(cpu));
    return *cpu;
}

// Sets up GDT, TSS (with its interrupt stacks) and the GS base for the boot CPU.
void init_boot_cpu();

} // namespace arch
