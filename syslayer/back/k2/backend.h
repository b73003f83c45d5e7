#pragma once
// Back end for kernel ABI 2: identity, counters, the CPU, clocks and names
// are read from the kpmap and upmap pages the kernel maps into the window
// (back/common/fast_paths.h, shared with kernel ABI 3); the rest traps with
// table T2. The always-trap variant (BANOS_ALWAYS_TRAP) skips the shared
// pages entirely.
#include "abi-versions/v2/kernel/abi.h"
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

// Kernel clock ids (the always-trap and no-TSC paths).
constexpr uint64_t kernel_clock(Clock clock)
{
    return clock == Clock::Realtime || clock == Clock::RealtimeCoarse ? BANOS_K2_CLOCK_REALTIME : BANOS_K2_CLOCK_MONOTONIC;
}

} // namespace layer::backend

#include "back/common/fast_paths.h"

namespace layer::backend {

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
