// Interrupt handlers and port I/O for modules: an ISA IRQ (0-15) routed
// through the I/O APIC to a module's handler, which runs with interrupts
// off; the kernel sends the end of interrupt after it returns. IRQs the
// kernel drives itself are refused (Busy).
#include "abi-versions/modules/api.h"
#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/ioapic.h"
#include "lib/spinlock.h"
#include "module/api/resources.h"
#include "module/loader.h"

namespace module::api {

namespace {

struct Attached {
    banos_irq_handler handler;
    void* context;
    Module* owner;
};

klib::Spinlock g_lock;
Attached g_irqs[arch::ioapic::kIsaIrqCount];

template <uint8_t Irq>
void dispatch(arch::InterruptFrame&)
{
    Attached& attached = g_irqs[Irq];
    if (attached.handler)
        attached.handler(attached.context);
}

constexpr arch::InterruptHandler kDispatchers[] = {
    dispatch<0>, dispatch<1>, dispatch<2>, dispatch<3>, dispatch<4>, dispatch<5>, dispatch<6>, dispatch<7>,
    dispatch<8>, dispatch<9>, dispatch<10>, dispatch<11>, dispatch<12>, dispatch<13>, dispatch<14>, dispatch<15>,
};
static_assert(sizeof(kDispatchers) / sizeof(kDispatchers[0]) == arch::ioapic::kIsaIrqCount);

// The timer, the keyboard, the cascade and the serial port are the kernel's.
bool kernel_owns(unsigned irq) { return irq == 0 || irq == 1 || irq == 2 || irq == 4; }

void detach_locked(unsigned irq)
{
    arch::ioapic::mask_isa_irq(static_cast<uint8_t>(irq));
    g_irqs[irq] = { nullptr, nullptr, nullptr };
}

} // namespace

void release_interrupts(Module* owner)
{
    klib::SpinlockGuard guard(g_lock);
    for (unsigned irq = 0; irq < arch::ioapic::kIsaIrqCount; ++irq)
        if (g_irqs[irq].handler && g_irqs[irq].owner == owner)
            detach_locked(irq);
}

} // namespace module::api

extern "C" {

int banos_irq_attach(unsigned irq, banos_irq_handler handler, void* context)
{
    using namespace module::api;
    if (irq >= arch::ioapic::kIsaIrqCount || !handler)
        return -BANOS_E_Invalid;
    klib::SpinlockGuard guard(g_lock);
    if (kernel_owns(irq) || g_irqs[irq].handler)
        return -BANOS_E_Busy;
    g_irqs[irq] = { handler, context, module::installing_module() };
    auto routed = arch::ioapic::route_isa_irq(static_cast<uint8_t>(irq), kDispatchers[irq]);
    if (routed.is_error()) {
        g_irqs[irq] = { nullptr, nullptr, nullptr };
        return module_error(routed.error());
    }
    arch::ioapic::unmask_isa_irq(static_cast<uint8_t>(irq));
    return 0;
}

int banos_irq_detach(unsigned irq)
{
    using namespace module::api;
    if (irq >= arch::ioapic::kIsaIrqCount)
        return -BANOS_E_Invalid;
    klib::SpinlockGuard guard(g_lock);
    if (!g_irqs[irq].handler || kernel_owns(irq))
        return -BANOS_E_Invalid;
    detach_locked(irq);
    return 0;
}

uint8_t banos_port_read8(uint16_t port) { return arch::inb(port); }
void banos_port_write8(uint16_t port, uint8_t value) { arch::outb(port, value); }

} // extern "C"

BANOS_EXPORT(banos_irq_attach);
BANOS_EXPORT(banos_irq_detach);
BANOS_EXPORT(banos_port_read8);
BANOS_EXPORT(banos_port_write8);
