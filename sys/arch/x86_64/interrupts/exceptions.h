#pragma once
#include "arch/x86_64/interrupts/frame.h"

namespace arch {

const char* exception_name(uint64_t vector);
void handle_exception(InterruptFrame&);

// Where exceptions from user mode go once processes exist; until then they
// are kernel bugs.
using UserExceptionHandler = void (*)(InterruptFrame&);
void set_user_exception_handler(UserExceptionHandler);

} // namespace arch
