#pragma once
// Calls that every back end makes the same way: the same arguments in the
// same order, whatever the entry. Kernel ABIs 1 and 2 take them in
// registers, kernel ABI 3 in a message; each back end's kernel_entry.h
// provides trap::<name> and trap::invoke(number, arguments...) -> Status.
// Their flags, signal numbers, ioctl requests, sigaction and dirent
// records use program ABI 1's numbering, so those pass through unchanged.
#include "abi-versions/v1/kernel/abi.h"
#include "abi-versions/v1/program/types.h" // the kernel's flag numbering
#include "kernel_entry.h"                  // this back end's (back/k<k>/)

extern "C" void layer_signal_restorer();

namespace layer::backend {

namespace detail {
inline uint64_t arg(const void* pointer) { return reinterpret_cast<uint64_t>(pointer); }
inline uint64_t arg(int64_t value) { return static_cast<uint64_t>(value); }
inline Status invoke(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
                   uint64_t a4 = 0, uint64_t a5 = 0)
{
    return trap::invoke(number, a0, a1, a2, a3, a4, a5);
}
// stat through a kernel structure; convert(kernel, FileStatus*) comes from
// the back end (namespace layer).
template <typename KernelStat>
Status fstatat_as(int32_t dirfd, const char* path, FileStatus* out, int32_t flags)
{
    KernelStat kernel_status;
    Status status = detail::invoke(trap::fstatat, arg(static_cast<int64_t>(dirfd)), arg(path), arg(&kernel_status),
                         arg(static_cast<int64_t>(flags)));
    if (!status.failed())
        convert(kernel_status, out);
    return status;
}

template <typename KernelStat>
Status fstat_as(int32_t fd, FileStatus* out)
{
    KernelStat kernel_status;
    Status status = detail::invoke(trap::fstat, arg(static_cast<int64_t>(fd)), arg(&kernel_status));
    if (!status.failed())
        convert(kernel_status, out);
    return status;
}
} // namespace detail

using detail::arg;

[[noreturn]] inline void exit(int32_t status)
{
    trap::invoke(trap::exit, arg(status));
    __builtin_unreachable();
}

inline Status read(int32_t fd, void* buffer, uint64_t count) { return detail::invoke(trap::read, arg(fd), arg(buffer), count); }
inline Status write(int32_t fd, const void* buffer, uint64_t count)
{
    return detail::invoke(trap::write, arg(fd), arg(buffer), count);
}

inline Status pread(int32_t fd, void* buffer, uint64_t count, int64_t offset)
{
    return detail::invoke(trap::pread, arg(fd), arg(buffer), count, arg(offset));
}
inline Status pwrite(int32_t fd, const void* buffer, uint64_t count, int64_t offset)
{
    return detail::invoke(trap::pwrite, arg(fd), arg(buffer), count, arg(offset));
}

// Processes.
inline Status fork() { return detail::invoke(trap::fork); }
inline Status execve(const char* path, char* const* argv, char* const* envp)
{
    return detail::invoke(trap::execve, arg(path), arg(argv), arg(envp));
}
inline Status waitpid(int32_t pid, int32_t* status, int32_t options)
{
    return detail::invoke(trap::waitpid, arg(pid), arg(status), arg(options));
}
inline Status setpgid(int32_t pid, int32_t pgid) { return detail::invoke(trap::setpgid, arg(pid), arg(pgid)); }
inline Status getpgid(int32_t pid) { return detail::invoke(trap::getpgid, arg(pid)); }
inline Status setsid() { return detail::invoke(trap::setsid); }
inline Status getsid(int32_t pid) { return detail::invoke(trap::getsid, arg(pid)); }
inline Status setuid(uint32_t uid) { return detail::invoke(trap::setuid, uid); }
inline Status setgid(uint32_t gid) { return detail::invoke(trap::setgid, gid); }

// Signals.
inline Status kill(int32_t pid, int32_t signal) { return detail::invoke(trap::kill, arg(pid), arg(signal)); }
inline Status sigaction(int32_t signal, const SignalAction* action, SignalAction* old)
{
    banos_k1_sigaction kernel_action, kernel_old;
    if (action)
        kernel_action = { action->handler, action->flags, reinterpret_cast<uint64_t>(&layer_signal_restorer),
                          action->mask };
    Status status = detail::invoke(trap::sigaction, arg(signal), action ? arg(&kernel_action) : 0,
                                 old ? arg(&kernel_old) : 0);
    if (!status.failed() && old)
        *old = { kernel_old.handler, kernel_old.flags, kernel_old.mask };
    return status;
}
inline Status sigprocmask(int32_t how, const uint64_t* set, uint64_t* old)
{
    return detail::invoke(trap::sigprocmask, arg(how), arg(set), arg(old));
}
inline Status sigsuspend(uint64_t mask) { return detail::invoke(trap::sigsuspend, mask); }

// Time and scheduling.
inline Status sleep_ns(uint64_t nanoseconds, uint64_t* remaining)
{
    return detail::invoke(trap::nanosleep, nanoseconds, arg(remaining));
}
inline Status sched_yield() { return detail::invoke(trap::sched_yield); }

// Memory.
inline Status mmap(uint64_t address, uint64_t length, int32_t protection, int32_t flags, int32_t fd, int64_t offset)
{
    return detail::invoke(trap::mmap, address, length, arg(protection), arg(flags), arg(fd), arg(offset));
}
inline Status munmap(uint64_t address, uint64_t length) { return detail::invoke(trap::munmap, address, length); }
inline Status mprotect(uint64_t address, uint64_t length, int32_t protection)
{
    return detail::invoke(trap::mprotect, address, length, arg(protection));
}

// Files.
inline Status openat(int32_t dirfd, const char* path, int32_t flags, uint32_t mode)
{
    return detail::invoke(trap::openat, arg(dirfd), arg(path), arg(flags), mode);
}
inline Status close(int32_t fd) { return detail::invoke(trap::close, arg(fd)); }
inline Status lseek(int32_t fd, int64_t offset, int32_t whence)
{
    return detail::invoke(trap::lseek, arg(fd), arg(offset), arg(whence));
}
inline Status getdents(int32_t fd, void* buffer, uint64_t size) { return detail::invoke(trap::getdents, arg(fd), arg(buffer), size); }
inline Status mkdirat(int32_t dirfd, const char* path, uint32_t mode)
{
    return detail::invoke(trap::mkdirat, arg(dirfd), arg(path), mode);
}
inline Status unlinkat(int32_t dirfd, const char* path, int32_t flags)
{
    return detail::invoke(trap::unlinkat, arg(dirfd), arg(path), arg(flags));
}
inline Status renameat(int32_t from_dirfd, const char* from, int32_t to_dirfd, const char* to)
{
    return detail::invoke(trap::renameat, arg(from_dirfd), arg(from), arg(to_dirfd), arg(to));
}
inline Status linkat(int32_t from_dirfd, const char* existing, int32_t to_dirfd, const char* created)
{
    return detail::invoke(trap::linkat, arg(from_dirfd), arg(existing), arg(to_dirfd), arg(created));
}
inline Status dup(int32_t fd) { return detail::invoke(trap::dup, arg(fd)); }
inline Status fcntl(int32_t fd, int32_t command, uint64_t argument)
{
    return detail::invoke(trap::fcntl, arg(fd), arg(command), argument);
}
inline Status chdir(const char* path) { return detail::invoke(trap::chdir, arg(path)); }
inline Status getcwd(char* buffer, uint64_t size) { return detail::invoke(trap::getcwd, arg(buffer), size); }
inline Status ioctl(int32_t fd, uint64_t request, uint64_t argument)
{
    return detail::invoke(trap::ioctl, arg(fd), request, argument);
}
inline Status umask(uint32_t mask) { return detail::invoke(trap::umask, mask); }
inline Status fchmodat(int32_t dirfd, const char* path, uint32_t mode)
{
    return detail::invoke(trap::fchmodat, arg(dirfd), arg(path), mode);
}
inline Status fchownat(int32_t dirfd, const char* path, uint32_t uid, uint32_t gid)
{
    return detail::invoke(trap::fchownat, arg(dirfd), arg(path), uid, gid);
}
inline Status faccessat(int32_t dirfd, const char* path, int32_t mode)
{
    return detail::invoke(trap::faccessat, arg(dirfd), arg(path), arg(mode));
}
inline Status ftruncate(int32_t fd, int64_t length) { return detail::invoke(trap::ftruncate, arg(fd), arg(length)); }
inline Status fsync(int32_t fd) { return detail::invoke(trap::fsync, arg(fd)); }
inline Status mount(const char* source, const char* target, const char* type, uint64_t flags)
{
    return detail::invoke(trap::mount, arg(source), arg(target), arg(type), flags);
}
inline Status banos_install(const void* image, uint64_t size) { return detail::invoke(trap::banos_install, arg(image), size); }
inline Status fchdir(int32_t fd) { return detail::invoke(trap::fchdir, arg(fd)); }
inline Status sigpending(uint64_t* set) { return detail::invoke(trap::sigpending, arg(set)); }
// Returns the seconds the previous alarm had left (never fails).
inline Status alarm(uint32_t seconds) { return detail::invoke(trap::alarm, seconds); }
inline Status syslayer_attach(void* window, uint64_t size, uint32_t program_abi)
{
    return detail::invoke(trap::syslayer_attach, arg(window), size, program_abi);
}
inline Status syslayer_detach(void* window) { return detail::invoke(trap::syslayer_detach, arg(window)); }

} // namespace layer::backend
