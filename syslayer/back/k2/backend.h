#pragma once
// Back end for kernel ABI 2: identity, counters, clocks and names are read
// from the kpmap and upmap pages the kernel maps into the window; the rest
// traps with table T2. The always-trap variant (BANOS_ALWAYS_TRAP) skips
// the shared pages entirely.
#include "abi-versions/v2/kernel/abi.h"
#include "back/common/names.h"
#include "back/common/register_basic.h"

extern "C" const volatile banos_k2_kpmap __banos_kpmap;
extern "C" const volatile banos_k2_upmap __banos_upmap;

// Found by argument-dependent lookup from the common stat calls.
namespace layer {
inline void convert(const banos_k2_stat& in, FileStatus* out)
{
    *out = FileStatus {
        in.dev, in.ino, in.mode, in.nlink, in.uid, in.gid, in.rdev, in.size, in.blksize, in.blocks,
        { in.atime.seconds, in.atime.nanoseconds }, { in.mtime.seconds, in.mtime.nanoseconds },
        { in.ctime.seconds, in.ctime.nanoseconds }, { 0, 0 }, false,
    };
}
} // namespace layer

namespace layer::backend {

#ifdef BANOS_ALWAYS_TRAP
constexpr bool kHasFastPaths = false;
#else
constexpr bool kHasFastPaths = true;
#endif

// A single aligned 32-bit field needs no sequence check: it cannot tear.
inline int32_t getpid() { return kHasFastPaths ? __banos_upmap.pid : static_cast<int32_t>(trap::call(trap::getpid)); }
inline int32_t getppid() { return kHasFastPaths ? __banos_upmap.ppid : static_cast<int32_t>(trap::call(trap::getppid)); }
inline uint32_t getuid() { return kHasFastPaths ? __banos_upmap.uid : static_cast<uint32_t>(trap::call(trap::getuid)); }
inline uint32_t geteuid() { return kHasFastPaths ? __banos_upmap.euid : static_cast<uint32_t>(trap::call(trap::geteuid)); }
inline uint32_t getgid() { return kHasFastPaths ? __banos_upmap.gid : static_cast<uint32_t>(trap::call(trap::getgid)); }
inline uint32_t getegid() { return kHasFastPaths ? __banos_upmap.egid : static_cast<uint32_t>(trap::call(trap::getegid)); }
inline Status sched_getcpu() { return trap::status_of(trap::call(trap::sched_getcpu)); }
inline Status cpu_count() { return trap::status_of(trap::call(trap::cpu_count)); }
inline Status getrandom(void* buffer, uint64_t size, uint32_t flags)
{
    return detail::invoke(trap::getrandom, arg(buffer), size, flags);
}
inline Status dup3(int32_t fd, int32_t target, int32_t flags) { return detail::invoke(trap::dup3, arg(fd), arg(target), arg(flags)); }
inline Status pipe2(int32_t* fds, int32_t flags) { return detail::invoke(trap::pipe2, arg(fds), arg(flags)); }


inline Status fstatat(int32_t dirfd, const char* path, FileStatus* out, int32_t flags)
{
    return detail::fstatat_as<banos_k2_stat>(dirfd, path, out, flags);
}

inline Status fstat(int32_t fd, FileStatus* out) { return detail::fstat_as<banos_k2_stat>(fd, out); }

inline uint64_t syscall_count()
{
    return kHasFastPaths ? __banos_upmap.syscall_count : static_cast<uint64_t>(trap::call(trap::syscall_count));
}

inline Status clock_trap(Clock clock, Timespec* out)
{
    uint64_t kernel_clock = clock == Clock::Realtime || clock == Clock::RealtimeCoarse ? BANOS_K2_CLOCK_REALTIME
                                                                                      : BANOS_K2_CLOCK_MONOTONIC;
    banos_k2_timespec value;
    Status status = trap::status_of(trap::call(trap::clock_gettime, kernel_clock, reinterpret_cast<uint64_t>(&value)));
    if (!status.failed()) {
        out->seconds = value.seconds;
        out->nanoseconds = value.nanoseconds;
    }
    return status;
}

inline uint64_t read_tsc_ordered()
{
    uint32_t low, high;
    asm volatile("lfence; rdtsc" : "=a"(low), "=d"(high)::"memory");
    return (static_cast<uint64_t>(high) << 32) | low;
}

inline Status clock_gettime(Clock clock, Timespec* out)
{
    if (!kHasFastPaths)
        return clock_trap(clock, out);
    const volatile banos_k2_kpmap& page = __banos_kpmap;
    uint64_t tsc_base, monotonic_base, offset, mult, coarse;
    uint32_t shift, usable, sequence;
    // Sequence-counter read: retry while the kernel is writing or wrote
    // meanwhile; the arithmetic happens after the loop.
    for (;;) {
        sequence = page.sequence;
        if (sequence & 1) {
            __builtin_ia32_pause();
            continue;
        }
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        usable = page.features & BANOS_K2_KPMAP_TSC;
        tsc_base = page.tsc_base;
        monotonic_base = page.monotonic_base_ns;
        offset = page.realtime_offset_ns;
        mult = page.tsc_mult;
        shift = page.tsc_shift;
        coarse = page.coarse_monotonic_ns;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (page.sequence == sequence)
            break;
    }
    uint64_t ns;
    if (clock == Clock::MonotonicCoarse || clock == Clock::RealtimeCoarse) {
        ns = coarse;
    } else {
        if (!usable)
            return clock_trap(clock, out);
        uint64_t tsc = read_tsc_ordered();
        uint64_t delta = tsc > tsc_base ? tsc - tsc_base : 0;
        ns = monotonic_base + static_cast<uint64_t>((static_cast<unsigned __int128>(delta) * mult) >> shift);
    }
    if (clock == Clock::Realtime || clock == Clock::RealtimeCoarse)
        ns += offset;
    out->seconds = static_cast<int64_t>(ns / 1000000000);
    out->nanoseconds = static_cast<int64_t>(ns % 1000000000);
    return Status::ok(0);
}

inline Status uname(SystemName* out)
{
    if (!kHasFastPaths) {
        banos_k2_utsname kernel_name;
        Status status = trap::status_of(trap::call(trap::uname, reinterpret_cast<uint64_t>(&kernel_name)));
        if (!status.failed())
            copy_system_name(*out, kernel_name);
        return status;
    }
    // Constant after boot: no sequence check needed. Copied through a
    // plain structure because the page is volatile.
    copy_system_name(*out, *const_cast<const banos_k2_utsname*>(&__banos_kpmap.uts));
    return Status::ok(0);
}

// The TSC-backed clocks count nanoseconds; the coarse ones move once a
// timer tick, which the kpmap states (the always-trap variant reads every
// clock through the trap, in nanoseconds).
inline Status clock_getres(Clock clock, Timespec* out)
{
    int64_t nanoseconds = 1;
    if (kHasFastPaths && (clock == Clock::RealtimeCoarse || clock == Clock::MonotonicCoarse))
        nanoseconds = static_cast<int64_t>(__banos_kpmap.coarse_resolution_ns);
    *out = { nanoseconds / 1000000000, nanoseconds % 1000000000 };
    return Status::ok(0);
}

} // namespace layer::backend

// Kernel ABI 2 has readv, writev and poll, but no spawn: posix_spawn is
// built on fork and execve.
#include "back/common/register_vectored.h"
#include "back/common/spawn_emulation.h"

namespace layer::backend {

inline Status posix_spawn(int32_t* pid, const char* path, const SpawnAction* actions, uint32_t count,
                          const SpawnAttributes* attributes, char* const* argv, char* const* envp)
{
    return emulation::posix_spawn(pid, path, actions, count, attributes, argv, envp);
}

} // namespace layer::backend
