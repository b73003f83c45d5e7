// The exit-time handler table shared by atexit, __cxa_atexit and exit.
#pragma once

#include "visibility.h"

namespace banos::libc::exit_handlers {

// Registers a handler; false when the table is full.
bool add(void (*function)(void*), void* argument, bool takes_argument) LIBC_HIDDEN;
// Runs and removes the handlers, last registered first.
void run_all() LIBC_HIDDEN;

} // namespace banos::libc::exit_handlers
