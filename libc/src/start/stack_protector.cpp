// -fstack-protector's failure path. The guard itself is the TCB's
// stack_guard (%fs:0x28), which the kernel (or libc, for new threads) fills.
#include <banos/slots.h>

#include "../internal/visibility.h"

extern "C" [[noreturn]] void __stack_chk_fail(void);

extern "C" void __stack_chk_fail(void)
{
    static const char message[] = "*** stack smashing detected ***: terminated\n";
    __banos_slot_write(2, message, sizeof message - 1);
    __banos_slot__exit(134);
    __builtin_trap();
}
