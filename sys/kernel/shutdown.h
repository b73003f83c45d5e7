#pragma once

namespace kernel {

enum class ExitStatus { Success, Failure };

// In test mode leaves QEMU with a status the test runner understands;
// otherwise halts (there is nowhere to return to).
[[noreturn]] void shutdown(ExitStatus);

} // namespace kernel
