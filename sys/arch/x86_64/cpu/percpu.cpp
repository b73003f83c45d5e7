#include "arch/x86_64/cpu/percpu.h"

#include <string.h>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/cpu/tsc_aux.h"

namespace arch {

namespace {
Cpu g_boot_cpu;
alignas(16) uint8_t g_boot_ist_stacks[3][kIstStackSize];

struct [[gnu::packed]] DescriptorPointer {
    uint16_t limit;
    uint64_t base;
};

void load_gdt(Cpu& cpu)
{
    cpu.gdt.entries[0] = 0;
    cpu.gdt.entries[1] = 0x00af9a000000ffff; // 64-bit code, ring 0
    cpu.gdt.entries[2] = 0x00cf92000000ffff; // data, ring 0
    cpu.gdt.entries[3] = 0x00cff2000000ffff; // data, ring 3
    cpu.gdt.entries[4] = 0x00affa000000ffff; // 64-bit code, ring 3

    auto base = reinterpret_cast<uint64_t>(&cpu.tss);
    uint64_t limit = sizeof(Tss) - 1;
    cpu.gdt.entries[5] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ull << 40) | (((limit >> 16) & 0xf) << 48)
        | (((base >> 24) & 0xff) << 56);
    cpu.gdt.entries[6] = base >> 32;

    DescriptorPointer pointer { sizeof(cpu.gdt.entries) - 1, reinterpret_cast<uint64_t>(cpu.gdt.entries) };
    asm volatile("lgdt %0\n"
                 "pushq %1\n"
                 "leaq 1f(%%rip), %%rax\n"
                 "pushq %%rax\n"
                 "lretq\n"
                 "1:\n"
                 "mov %2, %%ds\n"
                 "mov %2, %%es\n"
                 "mov %2, %%ss\n"
                 :
                 : "m"(pointer), "i"(selector::kKernelCode), "r"(selector::kKernelData)
                 : "rax", "memory");
    asm volatile("ltr %0" ::"r"(selector::kTss));
}
} // namespace

void init_boot_cpu()
{
    Cpu& cpu = g_boot_cpu;
    memset(&cpu, 0, sizeof(cpu));
    cpu.self = &cpu;
    cpu.tss.ist[kIstDoubleFault - 1] = reinterpret_cast<uint64_t>(g_boot_ist_stacks[0] + kIstStackSize);
    cpu.tss.ist[kIstNmi - 1] = reinterpret_cast<uint64_t>(g_boot_ist_stacks[1] + kIstStackSize);
    cpu.tss.ist[kIstMachineCheck - 1] = reinterpret_cast<uint64_t>(g_boot_ist_stacks[2] + kIstStackSize);
    cpu.tss.iomap_base = sizeof(Tss); // no I/O permission bitmap: ring 3 gets no ports
    load_gdt(cpu);
    wrmsr(msr::kGsBase, reinterpret_cast<uint64_t>(&cpu));
    wrmsr(msr::kKernelGsBase, 0);
    init_tsc_aux(cpu.id);
}

} // namespace arch
