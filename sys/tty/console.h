#pragma once
#include "boot/boot_info.h"
#include "tty/tty.h"

// The console terminal: input from the serial line and the PS/2 keyboard,
// output to the serial line (through the serial driver's lock, so kernel
// log lines and terminal output never mix within a write).
namespace tty {

Tty& console();

// Starts the console's input: interrupt routing (the I/O APIC), serial
// receive interrupts, the keyboard. Output works before this; without
// interrupt routing the console only writes. Needs the physical memory
// manager and the local APIC; call once at boot.
void init(const boot::BootInfo&);

} // namespace tty
