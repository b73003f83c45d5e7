#include "arch/x86_64/cpu/cpu.h"
#include "lib/spinlock.h"

namespace klib {

InterruptState interrupts_save_and_disable()
{
    bool enabled = arch::interrupts_enabled();
    arch::disable_interrupts();
    return { enabled };
}

void interrupts_restore(InterruptState state)
{
    if (state.were_enabled)
        arch::enable_interrupts();
}

} // namespace klib
