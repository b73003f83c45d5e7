#pragma once
#include "arch/x86_64/interrupts/frame.h"

namespace proc {

// An exception raised by user code: a page fault the address space can
// resolve (demand paging, copy-on-write, stack growth) is resolved;
// anything else becomes the matching signal, with one log line.
void handle_user_fault(arch::InterruptFrame&);

// The same for kernel code touching user memory on the process's behalf.
bool resolve_user_memory_fault(uint64_t address, uint64_t error_code);

} // namespace proc
