#pragma once
#include "arch/x86_64/interrupts/frame.h"

namespace arch {

const char* exception_name(uint64_t vector);
void handle_exception(InterruptFrame&);

// Where exceptions from user mode go once processes exist; until then they
// are kernel bugs.
using UserExceptionHandler = void (*)(InterruptFrame&);
void set_user_exception_handler(UserExceptionHandler);

// Kernel code copying to or from user memory (inside a fault catch) may
// fault on a page that simply is not there yet (demand paging,
// copy-on-write). This resolves such a fault; false means the access was
// bad (the copy then reports EFAULT).
using UserMemoryFaultResolver = bool (*)(uint64_t address, uint64_t error_code);
void set_user_memory_fault_resolver(UserMemoryFaultResolver);

} // namespace arch
