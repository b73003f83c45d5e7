#pragma once

namespace arch::pic {

// Moves the legacy 8259 pair off the exception vectors and masks every line:
// interrupts come through the local APIC and I/O APIC instead.
void disable();

} // namespace arch::pic
