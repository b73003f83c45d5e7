#pragma once
// Calls that both register-convention back ends make the same way.
#include "back/common/register_trap.h"

namespace layer::backend {

[[noreturn]] inline void exit(int32_t status)
{
    trap::call(trap::exit, static_cast<uint64_t>(status));
    __builtin_unreachable();
}

inline Status read(int32_t fd, void* buffer, uint64_t count)
{
    return trap::status_of(trap::call(trap::read, static_cast<uint64_t>(fd), reinterpret_cast<uint64_t>(buffer), count));
}

inline Status write(int32_t fd, const void* buffer, uint64_t count)
{
    return trap::status_of(trap::call(trap::write, static_cast<uint64_t>(fd), reinterpret_cast<uint64_t>(buffer), count));
}

} // namespace layer::backend
