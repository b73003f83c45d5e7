#pragma once
// File traps kernel ABIs 1 and 2 pass the same way (stat differs: each ABI
// provides trap_fstatat and trap_fstat itself).
#include "kabi/common/basic_traps.h"
#include "syscall/files.h"

namespace kabi {

inline TrapResult trap_openat(const TrapArguments& a)
{
    return signed_result(sys::openat(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2), static_cast<uint32_t>(a.a3)));
}
inline TrapResult trap_close(const TrapArguments& a) { return done(sys::close(static_cast<int>(a.a0))); }
inline TrapResult trap_lseek(const TrapArguments& a)
{
    return signed_result(sys::lseek(static_cast<int>(a.a0), static_cast<int64_t>(a.a1), static_cast<int>(a.a2)));
}
inline TrapResult trap_getdents(const TrapArguments& a) { return sys::getdents(static_cast<int>(a.a0), a.a1, a.a2); }
inline TrapResult trap_mkdirat(const TrapArguments& a)
{
    return done(sys::mkdirat(static_cast<int>(a.a0), a.a1, static_cast<uint32_t>(a.a2)));
}
inline TrapResult trap_unlinkat(const TrapArguments& a)
{
    return done(sys::unlinkat(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2)));
}
inline TrapResult trap_renameat(const TrapArguments& a)
{
    return done(sys::renameat(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2), a.a3));
}
inline TrapResult trap_linkat(const TrapArguments& a)
{
    return done(sys::linkat(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2), a.a3));
}
inline TrapResult trap_dup(const TrapArguments& a) { return signed_result(sys::dup(static_cast<int>(a.a0))); }
inline TrapResult trap_dup3(const TrapArguments& a)
{
    return signed_result(sys::dup3(static_cast<int>(a.a0), static_cast<int>(a.a1), static_cast<int>(a.a2)));
}
inline TrapResult trap_dup2(const TrapArguments& a)
{
    return signed_result(sys::dup2(static_cast<int>(a.a0), static_cast<int>(a.a1)));
}
inline TrapResult trap_pipe2(const TrapArguments& a) { return done(sys::pipe2(a.a0, static_cast<int>(a.a1))); }
inline TrapResult trap_pipe(const TrapArguments& a) { return done(sys::pipe2(a.a0, 0)); }
inline TrapResult trap_fcntl(const TrapArguments& a)
{
    return signed_result(sys::fcntl(static_cast<int>(a.a0), static_cast<int>(a.a1), a.a2));
}
inline TrapResult trap_chdir(const TrapArguments& a) { return done(sys::chdir(a.a0)); }
inline TrapResult trap_fchdir(const TrapArguments& a) { return done(sys::fchdir(static_cast<int>(a.a0))); }
inline TrapResult trap_mount(const TrapArguments& a) { return done(sys::mount(a.a0, a.a1, a.a2, a.a3)); }
inline TrapResult trap_getcwd(const TrapArguments& a) { return sys::getcwd(a.a0, a.a1); }
inline TrapResult trap_ioctl(const TrapArguments& a) { return signed_result(sys::ioctl(static_cast<int>(a.a0), a.a1, a.a2)); }
inline TrapResult trap_umask(const TrapArguments& a) { return sys::umask(static_cast<uint32_t>(a.a0)); }
inline TrapResult trap_fchmodat(const TrapArguments& a)
{
    return done(sys::fchmodat(static_cast<int>(a.a0), a.a1, static_cast<uint32_t>(a.a2)));
}
inline TrapResult trap_fchownat(const TrapArguments& a)
{
    return done(sys::fchownat(static_cast<int>(a.a0), a.a1, static_cast<uint32_t>(a.a2), static_cast<uint32_t>(a.a3)));
}
inline TrapResult trap_faccessat(const TrapArguments& a)
{
    return done(sys::faccessat(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2)));
}
inline TrapResult trap_fsync(const TrapArguments& a) { return done(sys::fsync(static_cast<int>(a.a0))); }
inline TrapResult trap_ftruncate(const TrapArguments& a)
{
    return done(sys::ftruncate(static_cast<int>(a.a0), static_cast<int64_t>(a.a1)));
}

// stat and fstat, in whatever structure the ABI lays a file's status out.
template <typename KernelStat, KernelStat (*convert)(const sys::FileStatus&)>
TrapResult fstatat_as(const TrapArguments& a)
{
    auto status = TRY(sys::fstatat(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a3)));
    KernelStat out = convert(status);
    TRY(mm::copy_to_user(a.a2, &out, sizeof(out)));
    return 0;
}

template <typename KernelStat, KernelStat (*convert)(const sys::FileStatus&)>
TrapResult fstat_as(const TrapArguments& a)
{
    auto status = TRY(sys::fstat(static_cast<int>(a.a0)));
    KernelStat out = convert(status);
    TRY(mm::copy_to_user(a.a1, &out, sizeof(out)));
    return 0;
}

} // namespace kabi
