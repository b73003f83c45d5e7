#pragma once
#include "lib/error_or.h"
#include "lib/span.h"
#include "lib/string_view.h"

// The COM1 16550 UART: the kernel's first console and the test log. Output
// is polled; each write call goes out whole, never mixed with another.
namespace arch::serial {

void init();
// Text, with each "\n" sent as "\r\n" (the kernel log).
void write(klib::StringView text);
// Bytes exactly as given (the terminal layer does its own output processing).
void write_bytes(klib::ReadonlyBytes bytes);

// Turns on receive interrupts (ISA IRQ 4 through the I/O APIC): received
// bytes go to `receiver`, called from the interrupt handler.
using Receiver = void (*)(klib::ReadonlyBytes);
klib::ErrorOr<void> enable_receive(Receiver receiver);

// Self-test support: in loopback mode what is sent comes back as received
// (and raises the receive interrupt) instead of leaving the machine.
void set_loopback(bool on);

} // namespace arch::serial
