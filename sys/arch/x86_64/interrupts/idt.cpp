#include "arch/x86_64/interrupts/idt.h"

#include "arch/x86_64/cpu/gdt.h"
#include "arch/x86_64/interrupts/exceptions.h"
#include "arch/x86_64/interrupts/lapic.h"
#include "kernel/log.h"
#include "kernel/panic.h"

extern "C" const uint64_t isr_stub_table[256];

namespace arch {

namespace {
struct [[gnu::packed]] Gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;
    uint8_t type_attributes;
    uint16_t offset_middle;
    uint32_t offset_high;
    uint32_t reserved;
};
static_assert(sizeof(Gate) == 16);

struct [[gnu::packed]] IdtPointer {
    uint16_t limit;
    uint64_t base;
};

alignas(16) Gate g_idt[256];
InterruptHandler g_handlers[256];

constexpr uint8_t kInterruptGate = 0x8e; // present, ring 0, 64-bit interrupt gate

void set_gate(uint8_t vector, uint64_t handler, uint8_t ist)
{
    g_idt[vector] = Gate {
        static_cast<uint16_t>(handler),
        selector::kKernelCode,
        ist,
        kInterruptGate,
        static_cast<uint16_t>(handler >> 16),
        static_cast<uint32_t>(handler >> 32),
        0,
    };
}
} // namespace

void init_idt()
{
    for (unsigned v = 0; v < 256; ++v)
        set_gate(static_cast<uint8_t>(v), isr_stub_table[v], 0);
    // These can arrive with a broken stack; give them known-good ones.
    set_gate(vector::kDoubleFault, isr_stub_table[vector::kDoubleFault], kIstDoubleFault);
    set_gate(vector::kNmi, isr_stub_table[vector::kNmi], kIstNmi);
    set_gate(vector::kMachineCheck, isr_stub_table[vector::kMachineCheck], kIstMachineCheck);
    load_idt();
}

void load_idt()
{
    IdtPointer pointer { sizeof(g_idt) - 1, reinterpret_cast<uint64_t>(g_idt) };
    asm volatile("lidt %0" ::"m"(pointer));
}

void set_interrupt_handler(uint8_t vector, InterruptHandler handler)
{
    KASSERT(vector >= vector::kFirstIrq);
    g_handlers[vector] = handler;
}

} // namespace arch

extern "C" void return_to_user_hook(arch::InterruptFrame* frame);

extern "C" void interrupt_dispatch(arch::InterruptFrame* frame)
{
    uint64_t v = frame->vector;
    if (v < arch::vector::kFirstIrq) {
        arch::handle_exception(*frame);
    } else if (v != arch::vector::kSpurious) { // spurious interrupts take no end-of-interrupt
        if (auto handler = arch::g_handlers[v])
            handler(*frame);
        else
            klog::warn("interrupt: vector {} has no handler", v);
        arch::lapic::end_of_interrupt();
    }
    // Preemption and signals happen only on the way out to user mode.
    if (frame->from_user())
        return_to_user_hook(frame);
}
