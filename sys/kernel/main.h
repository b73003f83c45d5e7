#pragma once
#include "boot/boot_info.h"

namespace kernel {

void run_global_constructors();

// Everything after the machine-specific start: runs on a guarded kernel
// stack with memory, interrupts and the clock working.
[[noreturn]] void main(const boot::BootInfo&);

} // namespace kernel
