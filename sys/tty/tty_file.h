#pragma once
#include "lib/error_or.h"

// The console as device files: /dev/console and /dev/tty (the controlling
// terminal; there is one terminal, so both open the console). Also wires
// the terminal's signals to process groups.
namespace tty {

klib::ErrorOr<void> register_console_devices();

} // namespace tty
