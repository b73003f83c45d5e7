#pragma once
#include "arch/x86_64/interrupts/frame.h"

namespace proc {

// An exception raised by user code: the process dies with the matching
// signal and one log line (signal handlers come later).
void handle_user_fault(arch::InterruptFrame&);

} // namespace proc
