#pragma once
#include "lib/string_view.h"

// The COM1 16550 UART: the kernel's first console and the test log.
namespace arch::serial {

void init();
void write(klib::StringView text);

} // namespace arch::serial
