#pragma once
#include "boot/boot_info.h"

namespace kernel {

void run_global_constructors();

// Everything after the machine-specific start: runs on a guarded kernel
// stack with memory, interrupts and the clock working.
[[noreturn]] void main(const boot::BootInfo&);

// In test mode the machine's exit status covers the self-tests too.
void set_selftests_passed(bool);
bool selftests_passed();

} // namespace kernel
