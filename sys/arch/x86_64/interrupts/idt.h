#pragma once
#include <stdint.h>

#include "arch/x86_64/interrupts/frame.h"

namespace arch {

namespace vector {
constexpr uint8_t kDivideError = 0;
constexpr uint8_t kDebug = 1;
constexpr uint8_t kNmi = 2;
constexpr uint8_t kBreakpoint = 3;
constexpr uint8_t kInvalidOpcode = 6;
constexpr uint8_t kDoubleFault = 8;
constexpr uint8_t kGeneralProtection = 13;
constexpr uint8_t kPageFault = 14;
constexpr uint8_t kMachineCheck = 18;
constexpr uint8_t kFirstIrq = 32;
constexpr uint8_t kLapicTimer = 32;
constexpr uint8_t kSpurious = 255;
} // namespace vector

using InterruptHandler = void (*)(InterruptFrame&);

void init_idt();
// Loads the IDT on the calling CPU.
void load_idt();
// Device interrupts: the handler runs with interrupts off; the LAPIC gets its
// end-of-interrupt after the handler returns.
void set_interrupt_handler(uint8_t vector, InterruptHandler handler);

} // namespace arch
