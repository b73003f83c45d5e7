#pragma once
// Traps whose arguments and results kernel ABIs 1 and 2 pass the same way;
// each ABI's table refers to them by name (trap_<name>).
#include "abi-versions/v1/kernel/abi.h"
#include "kabi/common/register_traps.h"
#include "lib/vector.h"
#include "mm/user_memory.h"
#include "syscall/syscalls.h"
#include "syscall/tracepoint.h"

namespace kabi {

using TrapResult = klib::ErrorOr<uint64_t>;

inline TrapResult value(int v) { return static_cast<uint64_t>(static_cast<int64_t>(v)); }
inline TrapResult done(klib::ErrorOr<void>&& result)
{
    if (result.is_error())
        return result.release_error();
    return 0;
}
template <typename T>
inline TrapResult signed_result(klib::ErrorOr<T>&& result)
{
    if (result.is_error())
        return result.release_error();
    return static_cast<uint64_t>(static_cast<int64_t>(result.value()));
}

// Processes.
inline TrapResult trap_exit(const TrapArguments& a) { sys::exit(static_cast<int>(a.a0)); }
inline TrapResult trap_getpid(const TrapArguments&) { return value(sys::getpid()); }
inline TrapResult trap_getppid(const TrapArguments&) { return value(sys::getppid()); }
inline TrapResult trap_getuid(const TrapArguments&) { return sys::getuid(); }
inline TrapResult trap_geteuid(const TrapArguments&) { return sys::geteuid(); }
inline TrapResult trap_getgid(const TrapArguments&) { return sys::getgid(); }
inline TrapResult trap_getegid(const TrapArguments&) { return sys::getegid(); }
inline TrapResult trap_syscall_count(const TrapArguments&) { return sys::syscall_count(); }
inline TrapResult trap_fork(const TrapArguments& a) { return signed_result(sys::fork(*a.frame)); }
inline TrapResult trap_execve(const TrapArguments& a)
{
    TRY(sys::execve(*a.frame, a.a0, a.a1, a.a2));
    return a.frame->rax; // the new program starts with what exec put there
}
inline TrapResult trap_waitpid(const TrapArguments& a)
{
    return signed_result(sys::waitpid(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2)));
}
inline TrapResult trap_setpgid(const TrapArguments& a)
{
    return done(sys::setpgid(static_cast<int>(a.a0), static_cast<int>(a.a1)));
}
inline TrapResult trap_getpgid(const TrapArguments& a) { return signed_result(sys::getpgid(static_cast<int>(a.a0))); }
inline TrapResult trap_setsid(const TrapArguments&) { return signed_result(sys::setsid()); }
inline TrapResult trap_getsid(const TrapArguments& a) { return signed_result(sys::getsid(static_cast<int>(a.a0))); }
inline TrapResult trap_setuid(const TrapArguments& a) { return done(sys::setuid(static_cast<uint32_t>(a.a0))); }
inline TrapResult trap_setgid(const TrapArguments& a) { return done(sys::setgid(static_cast<uint32_t>(a.a0))); }

// Signals.
inline TrapResult trap_kill(const TrapArguments& a)
{
    return done(sys::kill(static_cast<int>(a.a0), static_cast<int>(a.a1)));
}
inline TrapResult trap_sigaction(const TrapArguments& a)
{
    proc::SignalAction action, old;
    if (a.a1) {
        banos_k1_sigaction given;
        TRY(mm::copy_from_user(&given, a.a1, sizeof(given)));
        action = { given.handler, given.flags, given.restorer, given.mask };
    }
    TRY(sys::sigaction(static_cast<int>(a.a0), a.a1 ? &action : nullptr, a.a2 ? &old : nullptr));
    if (a.a2) {
        banos_k1_sigaction out { old.handler, old.flags, old.restorer, old.mask };
        TRY(mm::copy_to_user(a.a2, &out, sizeof(out)));
    }
    return 0;
}
inline TrapResult trap_sigprocmask(const TrapArguments& a)
{
    proc::SignalSet set = 0, old = 0;
    if (a.a1)
        TRY(mm::copy_from_user(&set, a.a1, sizeof(set)));
    TRY(sys::sigprocmask(static_cast<int>(a.a0), a.a1 ? &set : nullptr, &old));
    if (a.a2)
        TRY(mm::copy_to_user(a.a2, &old, sizeof(old)));
    return 0;
}
inline TrapResult trap_sigpending(const TrapArguments& a)
{
    proc::SignalSet pending = sys::sigpending();
    TRY(mm::copy_to_user(a.a0, &pending, sizeof(pending)));
    return 0;
}
inline TrapResult trap_sigsuspend(const TrapArguments& a) { return done(sys::sigsuspend(a.a0)); }
inline TrapResult trap_alarm(const TrapArguments& a) { return sys::alarm(static_cast<uint32_t>(a.a0)); }
inline TrapResult trap_sigreturn(const TrapArguments& a)
{
    TRY(sys::sigreturn(*a.frame));
    return a.frame->rax; // the interrupted code's own rax comes back
}

// Time and scheduling.
inline TrapResult trap_nanosleep(const TrapArguments& a)
{
    uint64_t remaining = 0;
    auto slept = sys::sleep(a.a0, &remaining);
    if (slept.is_error() && a.a1)
        TRY(mm::copy_to_user(a.a1, &remaining, sizeof(remaining)));
    return done(static_cast<klib::ErrorOr<void>&&>(slept));
}
inline TrapResult trap_sched_yield(const TrapArguments&)
{
    sys::yield();
    return 0;
}
inline TrapResult trap_sched_getcpu(const TrapArguments&) { return value(sys::current_cpu()); }
inline TrapResult trap_cpu_count(const TrapArguments&) { return value(sys::cpu_count()); }
inline TrapResult trap_banos_install(const TrapArguments& a) { return done(sys::banos_install(a.a0, a.a1)); }

// Memory.
inline TrapResult trap_mmap(const TrapArguments& a)
{
    return sys::mmap(a.a0, a.a1, static_cast<int>(a.a2), static_cast<int>(a.a3), static_cast<int>(a.a4),
                     static_cast<int64_t>(a.a5));
}
inline TrapResult trap_munmap(const TrapArguments& a) { return done(sys::munmap(a.a0, a.a1)); }
inline TrapResult trap_mprotect(const TrapArguments& a) { return done(sys::mprotect(a.a0, a.a1, static_cast<int>(a.a2))); }
inline TrapResult trap_syslayer_attach(const TrapArguments& a)
{
    return done(sys::syslayer_attach(a.a0, a.a1, static_cast<uint32_t>(a.a2)));
}
inline TrapResult trap_syslayer_detach(const TrapArguments& a) { return done(sys::syslayer_detach(a.a0)); }
inline TrapResult trap_getrandom(const TrapArguments& a) { return sys::getrandom(a.a0, a.a1, static_cast<unsigned>(a.a2)); }

// Transfers.
inline TrapResult trap_read(const TrapArguments& a) { return sys::read(static_cast<int>(a.a0), a.a1, a.a2); }
inline TrapResult trap_write(const TrapArguments& a) { return sys::write(static_cast<int>(a.a0), a.a1, a.a2); }
inline TrapResult trap_pread(const TrapArguments& a)
{
    return sys::pread(static_cast<int>(a.a0), a.a1, a.a2, static_cast<int64_t>(a.a3));
}
inline TrapResult trap_pwrite(const TrapArguments& a)
{
    return sys::pwrite(static_cast<int>(a.a0), a.a1, a.a2, static_cast<int64_t>(a.a3));
}
// (fd, const struct banos_k2_iovec*, count) -> bytes
inline TrapResult trap_readv(const TrapArguments& a) { return sys::readv(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2)); }
inline TrapResult trap_writev(const TrapArguments& a) { return sys::writev(static_cast<int>(a.a0), a.a1, static_cast<int>(a.a2)); }
// (struct banos_k2_pollfd*, count, timeout in ms, negative: none) -> entries with events
inline TrapResult trap_poll(const TrapArguments& a)
{
    return signed_result(sys::poll(a.a0, static_cast<uint32_t>(a.a1), static_cast<int>(a.a2)));
}

// Fills a utsname-like structure of any field width, truncating and
// zero-padding each field.
template <typename Uts>
void fill_system_name(Uts& out)
{
    const sys::SystemName& name = sys::system_name();
    auto copy = [](auto& field, klib::StringView text) {
        size_t i = 0;
        for (; i + 1 < sizeof(field) && i < text.size(); ++i)
            field[i] = text[i];
        for (; i < sizeof(field); ++i)
            field[i] = '\0';
    };
    copy(out.sysname, name.sysname);
    copy(out.nodename, name.nodename);
    copy(out.release, name.release);
    copy(out.version, name.version);
    copy(out.machine, name.machine);
}

// uname for a kernel ABI's own utsname layout.
template <typename Uts>
TrapResult trap_uname_as(const TrapArguments& a)
{
    Uts out;
    fill_system_name(out);
    TRY(mm::copy_to_user(a.a0, &out, sizeof(out)));
    return 0;
}

// A kernel ABI's clock id (its two numbers for realtime and monotonic).
template <uint64_t kRealtime, uint64_t kMonotonic>
klib::ErrorOr<sys::Clock> clock_of(uint64_t id)
{
    if (id == kRealtime)
        return sys::Clock::Realtime;
    if (id == kMonotonic)
        return sys::Clock::Monotonic;
    return klib::ErrorCode::Invalid;
}

// clock_gettime into a kernel ABI's {seconds, nanoseconds} record.
template <typename Timespec, uint64_t kRealtime, uint64_t kMonotonic>
TrapResult trap_clock_gettime_as(const TrapArguments& a)
{
    uint64_t ns = sys::clock_ns(TRY((clock_of<kRealtime, kMonotonic>(a.a0))));
    Timespec out { static_cast<int64_t>(ns / 1000000000), static_cast<int64_t>(ns % 1000000000) };
    TRY(mm::copy_to_user(a.a1, &out, sizeof(out)));
    return 0;
}

} // namespace kabi
