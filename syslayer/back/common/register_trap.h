#pragma once
// Entering a register-convention kernel (kernel ABIs 1 and 2): trap number
// in rax, arguments in rdi, rsi, rdx, r10, r8, r9; -(error) in rax on
// failure. Trap numbers come from the kernel ABI's traps.def.
#include <stdint.h>

#include "syslayer/neutral.h"

#define KERNEL_ERRORS_DEF BANOS_KERNEL_ERRORS_DEF
#include "back/common/kernel_errors.h"
#undef KERNEL_ERRORS_DEF

namespace layer::trap {

enum Number : uint64_t {
#define TRAP(number, name) name = number,
#include BANOS_KERNEL_TRAPS_DEF
#undef TRAP
};

inline int64_t call(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
                    uint64_t a4 = 0, uint64_t a5 = 0)
{
    int64_t result;
    register uint64_t r10 asm("r10") = a3;
    register uint64_t r8 asm("r8") = a4;
    register uint64_t r9 asm("r9") = a5;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
                 : "rcx", "r11", "memory");
    return result;
}


inline Status status_of(int64_t result)
{
    if (result < 0 && result > -512)
        return Status::fail(error_of(static_cast<uint64_t>(-result)));
    return Status::ok(result);
}

// The entry every back end provides (register_basic.h calls through it).
inline Status invoke(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
                     uint64_t a4 = 0, uint64_t a5 = 0)
{
    return status_of(call(number, a0, a1, a2, a3, a4, a5));
}

} // namespace layer::trap
