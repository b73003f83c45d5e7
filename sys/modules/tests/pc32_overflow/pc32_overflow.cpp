// A PC-relative reference to an absolute address in the middle of user space (far_away.cpp),
// which no module placed next to the kernel can reach in 32 bits: ENOEXEC
// naming the relocation.
#include "abi-versions/modules/api.h"

namespace {
int pc32_overflow_init()
{
    char* address;
    asm volatile("leaq banos_pc32_far_away(%%rip), %0" : "=r"(address));
    return address ? 0 : -1;
}
} // namespace

BANOS_DRIVER("pc32_overflow", "BSD-2-Clause", "1.0", pc32_overflow_init, nullptr);
