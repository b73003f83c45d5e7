#pragma once
#include "kernel/options.h"

namespace kernel {

// Deliberate kernel faults, so a test can check what the panic report says.
[[noreturn]] void run_crash_test(CrashTest);

} // namespace kernel
