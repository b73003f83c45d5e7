#pragma once
// Back end for kernel ABI 1: no shared pages, so every call traps; clocks
// come from the tick-counting time trap, at tick resolution.
#include "abi-versions/v1/kernel/abi.h"
#include "back/common/register_basic.h"
#include "back/common/names.h"

namespace layer::backend {

constexpr bool kHasFastPaths = false;

inline int32_t getpid() { return static_cast<int32_t>(trap::call(trap::getpid)); }
inline int32_t getppid() { return static_cast<int32_t>(trap::call(trap::getppid)); }
inline uint32_t getuid() { return static_cast<uint32_t>(trap::call(trap::getuid)); }
inline uint32_t geteuid() { return static_cast<uint32_t>(trap::call(trap::geteuid)); }
inline uint64_t syscall_count() { return static_cast<uint64_t>(trap::call(trap::syscall_count)); }

inline Status clock_gettime(Clock clock, Timespec* out)
{
    uint64_t kernel_clock = clock == Clock::Realtime || clock == Clock::RealtimeCoarse ? BANOS_K1_CLOCK_REALTIME
                                                                                      : BANOS_K1_CLOCK_MONOTONIC;
    Status ticks = trap::status_of(trap::call(trap::time_ticks, kernel_clock));
    if (ticks.failed())
        return ticks;
    out->seconds = ticks.value / BANOS_K1_TICK_HZ;
    out->nanoseconds = (ticks.value % BANOS_K1_TICK_HZ) * (1000000000 / BANOS_K1_TICK_HZ);
    return Status::ok(0);
}

inline Status uname(SystemName* out)
{
    banos_k1_utsname kernel_name;
    Status status = trap::status_of(trap::call(trap::uname, reinterpret_cast<uint64_t>(&kernel_name)));
    if (status.failed())
        return status;
    copy_system_name(*out, kernel_name);
    return Status::ok(0);
}

} // namespace layer::backend
