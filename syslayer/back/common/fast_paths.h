#pragma once
// The calls kernel ABIs 2 and 3 answer from the shared pages without
// entering the kernel (DESIGN.md, "Shared pages"): identity, the syscall
// counter, the current CPU, the CPU count, clocks, clock resolutions and
// names. One copy for
// both back ends; each includes it after declaring
//   extern "C" const volatile <its kpmap type> __banos_kpmap;
//   extern "C" const volatile banos_k2_upmap __banos_upmap;
//   layer::backend::kHasFastPaths  (false in the always-trap layer, which
//                                   never touches the pages: they are not
//                                   even mapped for it)
//   layer::backend::kernel_clock(Clock) -> its kernel's clock id
// and with trap::invoke and the trap numbers of its kernel_entry.h. Both
// kernels take banos_k2_timespec and banos_k2_utsname in their traps.
#include "back/common/names.h"
#include "back/common/shared_pages.h"

namespace layer::backend {

namespace detail {
inline int64_t trapped_value(uint32_t number) { return trap::invoke(number).value; }
} // namespace detail

// A single aligned 32-bit field needs no sequence check: it cannot tear.
inline int32_t getpid()
{
    return kHasFastPaths ? __banos_upmap.pid : static_cast<int32_t>(detail::trapped_value(trap::getpid));
}
inline int32_t getppid()
{
    return kHasFastPaths ? __banos_upmap.ppid : static_cast<int32_t>(detail::trapped_value(trap::getppid));
}
inline uint32_t getuid()
{
    return kHasFastPaths ? __banos_upmap.uid : static_cast<uint32_t>(detail::trapped_value(trap::getuid));
}
inline uint32_t geteuid()
{
    return kHasFastPaths ? __banos_upmap.euid : static_cast<uint32_t>(detail::trapped_value(trap::geteuid));
}
inline uint32_t getgid()
{
    return kHasFastPaths ? __banos_upmap.gid : static_cast<uint32_t>(detail::trapped_value(trap::getgid));
}
inline uint32_t getegid()
{
    return kHasFastPaths ? __banos_upmap.egid : static_cast<uint32_t>(detail::trapped_value(trap::getegid));
}
inline uint64_t syscall_count()
{
    return kHasFastPaths ? __banos_upmap.syscall_count : static_cast<uint64_t>(detail::trapped_value(trap::syscall_count));
}

// rdtscp's ecx, where the kernel says it holds the CPU number.
inline Status sched_getcpu()
{
    uint32_t cpu;
    if (kHasFastPaths && shared::current_cpu(__banos_kpmap, &cpu))
        return Status::ok(cpu);
    return trap::invoke(trap::sched_getcpu);
}

inline Status cpu_count()
{
    if (kHasFastPaths)
        return Status::ok(shared::cpu_count(__banos_kpmap));
    return trap::invoke(trap::cpu_count);
}

inline Status clock_trap(Clock clock, Timespec* out)
{
    banos_k2_timespec value;
    Status status = trap::invoke(trap::clock_gettime, kernel_clock(clock), reinterpret_cast<uint64_t>(&value));
    if (!status.failed())
        *out = { value.seconds, value.nanoseconds };
    return status;
}

inline Status clock_gettime(Clock clock, Timespec* out)
{
    if (kHasFastPaths && shared::clock_gettime(__banos_kpmap, clock, out))
        return Status::ok(0);
    return clock_trap(clock, out);
}

// The TSC-backed clocks count nanoseconds; the coarse ones move once a
// timer tick, which the kpmap states (the always-trap layer reads every
// clock through the kernel, in nanoseconds).
inline Status clock_getres(Clock clock, Timespec* out)
{
    uint64_t nanoseconds = 1;
    if (kHasFastPaths && shared::is_coarse(clock))
        nanoseconds = shared::common_of(__banos_kpmap).coarse_resolution_ns;
    *out = shared::timespec_of(nanoseconds);
    return Status::ok(0);
}

inline Status uname(SystemName* out)
{
    if (!kHasFastPaths) {
        banos_k2_utsname kernel_name;
        Status status = trap::invoke(trap::uname, reinterpret_cast<uint64_t>(&kernel_name));
        if (!status.failed())
            copy_system_name(*out, kernel_name);
        return status;
    }
    // Constant after boot: no sequence check needed. Copied through a
    // plain structure because the page is volatile.
    copy_system_name(*out, *const_cast<const banos_k2_utsname*>(&shared::common_of(__banos_kpmap).uts));
    return Status::ok(0);
}

} // namespace layer::backend
