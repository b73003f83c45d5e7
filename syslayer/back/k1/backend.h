#pragma once
// Back end for kernel ABI 1: no shared pages, so every call traps; clocks
// come from the tick-counting time trap, at tick resolution.
#include "abi-versions/v1/kernel/abi.h"
#include "back/common/register_basic.h"
#include "back/common/names.h"

// Found by argument-dependent lookup from the common stat calls.
namespace layer {
inline void convert(const banos_k1_stat& in, FileStatus* out)
{
    *out = FileStatus {
        in.dev, in.ino, in.mode, in.nlink, in.uid, in.gid, in.rdev, in.size, in.blksize, in.blocks,
        { in.atime, 0 }, { in.mtime, 0 }, { in.ctime, 0 }, { 0, 0 }, false,
    };
}
} // namespace layer

namespace layer::backend {

constexpr bool kHasFastPaths = false;

inline int32_t getpid() { return static_cast<int32_t>(trap::call(trap::getpid)); }
inline int32_t getppid() { return static_cast<int32_t>(trap::call(trap::getppid)); }
inline uint32_t getuid() { return static_cast<uint32_t>(trap::call(trap::getuid)); }
inline uint32_t geteuid() { return static_cast<uint32_t>(trap::call(trap::geteuid)); }
inline uint64_t syscall_count() { return static_cast<uint64_t>(trap::call(trap::syscall_count)); }
inline uint32_t getgid() { return static_cast<uint32_t>(trap::call(trap::getgid)); }
inline uint32_t getegid() { return static_cast<uint32_t>(trap::call(trap::getegid)); }
inline Status sched_getcpu() { return trap::status_of(trap::call(trap::sched_getcpu)); }
inline Status cpu_count() { return trap::status_of(trap::call(trap::cpu_count)); }

// Kernel ABI 1 has no entropy source for programs.
inline Status getrandom(void*, uint64_t, uint32_t) { return Status::fail(Error::NotImplemented); }

// No dup3 or pipe2 in kernel ABI 1: dup2 and pipe, then fcntl for the
// flags. Not atomic against another thread's exec, which is the price of
// running on this kernel.
inline Status set_flags(const int32_t* fds, int count, int32_t flags)
{
    for (int i = 0; i < count; ++i) {
        if (flags & BANOS_O_CLOEXEC) {
            Status status = fcntl(fds[i], BANOS_F_SETFD, BANOS_FD_CLOEXEC);
            if (status.failed())
                return status;
        }
        if (flags & BANOS_O_NONBLOCK) {
            Status status = fcntl(fds[i], BANOS_F_SETFL, BANOS_O_NONBLOCK);
            if (status.failed())
                return status;
        }
    }
    return Status::ok(0);
}

inline Status dup3(int32_t fd, int32_t target, int32_t flags)
{
    if (fd == target || (flags & ~BANOS_O_CLOEXEC))
        return Status::fail(Error::Invalid);
    Status status = detail::invoke(trap::dup2, arg(fd), arg(target));
    if (status.failed())
        return status;
    Status flagged = set_flags(&target, 1, flags);
    if (flagged.failed()) {
        close(target);
        return flagged;
    }
    return status;
}

inline Status pipe2(int32_t* fds, int32_t flags)
{
    if (flags & ~(BANOS_O_CLOEXEC | BANOS_O_NONBLOCK))
        return Status::fail(Error::Invalid);
    // The kernel checks the pointer; once it has written there, reading back is safe.
    Status status = detail::invoke(trap::pipe, arg(fds));
    if (status.failed())
        return status;
    Status flagged = set_flags(fds, 2, flags);
    if (flagged.failed()) {
        close(fds[0]);
        close(fds[1]);
        return flagged;
    }
    return status;
}


inline Status fstatat(int32_t dirfd, const char* path, FileStatus* out, int32_t flags)
{
    return detail::fstatat_as<banos_k1_stat>(dirfd, path, out, flags);
}

inline Status fstat(int32_t fd, FileStatus* out) { return detail::fstat_as<banos_k1_stat>(fd, out); }

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

// Kernel ABI 1 counts time in ticks: every clock has the tick's resolution.
inline Status clock_getres(Clock, Timespec* out)
{
    *out = { 0, 1000000000 / BANOS_K1_TICK_HZ };
    return Status::ok(0);
}

} // namespace layer::backend

// What kernel ABI 1 lacks, built on what it has: readv and writev on read
// and write, posix_spawn on fork and execve. poll cannot be built honestly
// (nothing says when a descriptor would block), so it is ENOSYS.
#include "back/common/spawn_emulation.h"
#include "back/common/vectored_emulation.h"

namespace layer::backend {

inline Status readv(int32_t fd, const IoVector* vector, int32_t count) { return emulation::readv(fd, vector, count); }
inline Status writev(int32_t fd, const IoVector* vector, int32_t count) { return emulation::writev(fd, vector, count); }
inline Status poll(PollEntry*, uint32_t, int32_t) { return Status::fail(Error::NotImplemented); }
inline Status posix_spawn(int32_t* pid, const char* path, const SpawnAction* actions, uint32_t count,
                          const SpawnAttributes* attributes, char* const* argv, char* const* envp)
{
    return emulation::posix_spawn(pid, path, actions, count, attributes, argv, envp);
}

} // namespace layer::backend
