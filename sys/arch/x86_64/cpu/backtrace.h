#pragma once
#include <stdint.h>

namespace arch {

// Walks the frame-pointer chain (the kernel is built with frame pointers)
// and prints each return address with its symbol. Every read is guarded, so
// a corrupt stack ends the walk instead of faulting again.
// From an interrupted context: its instruction, then its callers.
void print_backtrace(uint64_t rip, uint64_t rbp);
// From the calling function's frame: its callers.
void print_backtrace_from(uint64_t rbp);

} // namespace arch
