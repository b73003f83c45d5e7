#pragma once
#include <stdint.h>

#include "arch/x86_64/interrupts/idt.h"
#include "boot/boot_info.h"
#include "lib/error_or.h"
#include "lib/optional.h"

// The I/O APICs: device interrupts (here the ISA ones) delivered to the
// boot CPU's local APIC, on vectors kIsaVectorBase + IRQ.
namespace arch::ioapic {

constexpr uint8_t kIsaVectorBase = 0x30;
constexpr uint8_t kIsaIrqCount = 16;

// Finds the I/O APICs and the ISA interrupt overrides in the ACPI MADT (or,
// without one, assumes the standard I/O APIC at 0xfec00000 with ISA IRQs
// on GSIs 0-15) and masks every input. Calling it again does nothing.
klib::ErrorOr<void> init(const boot::BootInfo&);
bool is_initialized();

// Sets `handler` for ISA IRQ `irq` and routes the IRQ, as the firmware's
// overrides say (QEMU: IRQ 0 is GSI 2), to vector kIsaVectorBase + irq on
// the boot CPU. The input stays masked until unmask_isa_irq. Returns the
// vector.
klib::ErrorOr<uint8_t> route_isa_irq(uint8_t irq, InterruptHandler handler);
void mask_isa_irq(uint8_t irq);
void unmask_isa_irq(uint8_t irq);

// Where ISA IRQ `irq` arrives, and the raw redirection entry of a GSI
// (self-tests).
klib::Optional<uint32_t> isa_irq_gsi(uint8_t irq);
klib::Optional<uint64_t> redirection_entry(uint32_t gsi);

} // namespace arch::ioapic
