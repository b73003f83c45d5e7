#pragma once
// Back end for kernel ABI 3: every call is a message (kernel_entry.h) that
// the kernel may leave pending and finish in AWAIT; errors come back as the
// kernel's own codes. Identity, counters, the CPU, clocks and names come
// from the shared pages exactly as on kernel ABI 2 (back/common/
// fast_paths.h), with the per-CPU TSC offset of the CPU rdtscp reports.
// The always-trap variant (BANOS_ALWAYS_TRAP) skips the shared pages.
#include "abi-versions/v3/kernel/abi.h"
#include "abi-versions/v3/program/types.h" // the neutral spawn records' numbering
#include "back/common/register_basic.h"

extern "C" const volatile banos_k3_kpmap __banos_kpmap;
extern "C" const volatile banos_k2_upmap __banos_upmap;

// Found by argument-dependent lookup from the common stat calls.
namespace layer {
inline void convert(const banos_k3_stat& in, FileStatus* out)
{
    *out = FileStatus {
        in.dev, in.ino, in.mode, in.nlink, in.uid, in.gid, in.rdev, in.size, in.blksize, in.blocks,
        { in.atime.seconds, in.atime.nanoseconds }, { in.mtime.seconds, in.mtime.nanoseconds },
        { in.ctime.seconds, in.ctime.nanoseconds }, { in.btime.seconds, in.btime.nanoseconds }, true,
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
    return clock == Clock::Realtime || clock == Clock::RealtimeCoarse ? BANOS_K3_CLOCK_REALTIME : BANOS_K3_CLOCK_MONOTONIC;
}

} // namespace layer::backend

#include "back/common/fast_paths.h"

namespace layer::backend {

// The neutral records are laid out as the kernel's, in the same numbering,
// so they go to the kernel as they are.
static_assert(sizeof(SpawnAction) == sizeof(banos_k3_spawn_action)
              && sizeof(SpawnAttributes) == sizeof(banos_k3_spawn_attributes));
static_assert(BANOS_K3_SPAWN_OPEN == BANOS_SPAWN_ACTION_OPEN && BANOS_K3_SPAWN_CLOSE == BANOS_SPAWN_ACTION_CLOSE
              && BANOS_K3_SPAWN_DUP2 == BANOS_SPAWN_ACTION_DUP2 && BANOS_K3_SPAWN_CHDIR == BANOS_SPAWN_ACTION_CHDIR);
static_assert(BANOS_K3_SPAWN_RESETIDS == BANOS_SPAWN_RESETIDS && BANOS_K3_SPAWN_SETPGROUP == BANOS_SPAWN_SETPGROUP
              && BANOS_K3_SPAWN_SETSIGDEF == BANOS_SPAWN_SETSIGDEF && BANOS_K3_SPAWN_SETSIGMASK == BANOS_SPAWN_SETSIGMASK
              && BANOS_K3_SPAWN_SETSID == BANOS_SPAWN_SETSID);

inline Status getrandom(void* buffer, uint64_t size, uint32_t flags)
{
    return detail::invoke(trap::getrandom, arg(buffer), size, flags);
}
inline Status dup3(int32_t fd, int32_t target, int32_t flags) { return detail::invoke(trap::dup3, arg(fd), arg(target), arg(flags)); }
inline Status pipe2(int32_t* fds, int32_t flags) { return detail::invoke(trap::pipe2, arg(fds), arg(flags)); }

inline Status fstatat(int32_t dirfd, const char* path, FileStatus* out, int32_t flags)
{
    return detail::fstatat_as<banos_k3_stat>(dirfd, path, out, flags);
}
inline Status fstat(int32_t fd, FileStatus* out) { return detail::fstat_as<banos_k3_stat>(fd, out); }

// posix_spawn is kernel ABI 3's own operation (older kernels' back ends
// build it from fork and execve).
inline Status posix_spawn(int32_t* pid, const char* path, const SpawnAction* actions, uint32_t count,
                          const SpawnAttributes* attributes, char* const* argv, char* const* envp)
{
    const uint64_t argv_envp[2] = { arg(argv), arg(envp) };
    return detail::invoke(trap::spawn, arg(pid), arg(path), arg(actions), count, arg(attributes), arg(argv_envp));
}

} // namespace layer::backend

// alarm and fchdir come from register_basic.h; readv, writev and poll take
// their arguments as on kernel ABI 2.
#include "back/common/register_vectored.h"
