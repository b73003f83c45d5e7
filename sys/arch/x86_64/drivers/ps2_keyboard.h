#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/span.h"

// The PS/2 keyboard behind the i8042 controller, interrupt-driven (ISA IRQ
// 1 through the I/O APIC). Scancodes (set 1: the controller translates)
// become terminal bytes (tty::ScancodeSet1Decoder), which go to the
// receiver from the interrupt handler.
namespace arch::ps2_keyboard {

using Receiver = void (*)(klib::ReadonlyBytes);

// Sets up the controller and starts taking key presses. NoDevice when
// there is no controller. Without a receiver yet, bytes wait in a small
// ring (the oldest go when it fills).
klib::ErrorOr<void> init();
// Where key bytes go from now on; anything waiting in the ring goes first.
void set_receiver(Receiver);

// Self-test support: has the controller hand over `scancode` as if the
// keyboard had sent it, which raises the keyboard interrupt.
klib::ErrorOr<void> inject_scancode(uint8_t scancode);

} // namespace arch::ps2_keyboard
