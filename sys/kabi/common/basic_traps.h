#pragma once
// Traps whose arguments and results every kernel ABI so far passes the same
// way; each ABI's table refers to them by name (trap_<name>).
#include "kabi/common/register_traps.h"
#include "syscall/syscalls.h"

namespace kabi {

using TrapResult = klib::ErrorOr<uint64_t>;

inline TrapResult trap_exit(const TrapArguments& a) { sys::exit(static_cast<int>(a.a0)); }
inline TrapResult trap_read(const TrapArguments& a) { return sys::read(static_cast<int>(a.a0), a.a1, a.a2); }
inline TrapResult trap_write(const TrapArguments& a) { return sys::write(static_cast<int>(a.a0), a.a1, a.a2); }
inline TrapResult trap_getpid(const TrapArguments&) { return static_cast<uint64_t>(sys::getpid()); }
inline TrapResult trap_getppid(const TrapArguments&) { return static_cast<uint64_t>(sys::getppid()); }
inline TrapResult trap_getuid(const TrapArguments&) { return sys::getuid(); }
inline TrapResult trap_geteuid(const TrapArguments&) { return sys::geteuid(); }
inline TrapResult trap_syscall_count(const TrapArguments&) { return sys::syscall_count(); }

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

} // namespace kabi
