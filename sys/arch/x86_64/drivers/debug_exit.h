#pragma once
#include <stdint.h>

#include "arch/x86_64/cpu/cpu.h"

// QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=4):
// writing v makes QEMU exit with status (v << 1) | 1.
namespace arch {

constexpr uint16_t kDebugExitPort = 0xf4;
constexpr uint8_t kDebugExitSuccess = 0x10; // QEMU exit status 33
constexpr uint8_t kDebugExitFailure = 0x11; // QEMU exit status 35

[[noreturn]] inline void debug_exit(uint8_t code)
{
    outl(kDebugExitPort, code);
    // Without the device (a plain `make run`), stop here.
    halt_forever();
}

} // namespace arch
