#pragma once
// A kernel ABI's error codes (its errors.def, named by the including code as
// KERNEL_ERRORS_DEF) back to neutral errors. Codes the table does not
// know read as IoError, never as success.
#include "syslayer/neutral.h"

namespace layer::trap {

struct KernelErrors {
    Error neutral[512];
};

constexpr KernelErrors make_kernel_errors()
{
    KernelErrors table {};
    for (auto& entry : table.neutral)
        entry = Error::IoError;
#define KERROR(name, code) table.neutral[code] = Error::name;
#include KERNEL_ERRORS_DEF
#undef KERROR
    return table;
}
inline constexpr KernelErrors kKernelErrors = make_kernel_errors();

constexpr Error error_of(uint64_t code)
{
    return code < sizeof(kKernelErrors.neutral) / sizeof(kKernelErrors.neutral[0]) ? kKernelErrors.neutral[code]
                                                                                   : Error::IoError;
}

} // namespace layer::trap
