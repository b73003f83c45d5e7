#pragma once
// Entering a register-convention kernel (kernel ABIs 1 and 2): trap number
// in rax, arguments in rdi, rsi, rdx, r10, r8, r9; -(error) in rax on
// failure. Trap numbers come from the kernel ABI's traps.def.
#include <stdint.h>

#include "syslayer/neutral.h"

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

// Kernel error numbers back to neutral errors.
struct KernelErrors {
    Error neutral[512];
};

constexpr KernelErrors make_kernel_errors()
{
    KernelErrors table {};
    for (auto& entry : table.neutral)
        entry = Error::IoError;
#define KERROR(name, number) table.neutral[number] = Error::name;
#include BANOS_KERNEL_ERRORS_DEF
#undef KERROR
    return table;
}
inline constexpr KernelErrors kKernelErrors = make_kernel_errors();

inline Status status_of(int64_t result)
{
    if (result < 0 && result > -512)
        return Status::fail(kKernelErrors.neutral[-result]);
    return Status::ok(result);
}

// The entry every back end provides (register_basic.h calls through it).
inline Status invoke(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
                     uint64_t a4 = 0, uint64_t a5 = 0)
{
    return status_of(call(number, a0, a1, a2, a3, a4, a5));
}

} // namespace layer::trap
