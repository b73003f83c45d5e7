#pragma once
#include <stdint.h>

namespace arch {

// Moves onto a fresh stack and calls function(argument) there; never returns
// to the old stack.
extern "C" [[noreturn]] void switch_stack_and_call(uint64_t stack_top, void (*function)(void*), void* argument);

} // namespace arch
