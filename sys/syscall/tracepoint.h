#pragma once
// The system-call tracepoint: one probe (a module's) sees every system
// call's entry by name, as the kernel ABI's trap table spells it, so the
// names are the same on every kernel ABI build.
namespace sys {

using SyscallProbe = void (*)(void* context, const char* call);

// Busy if a probe is attached.
bool attach_syscall_probe(SyscallProbe, void* context);
// False if `probe` is not the attached one.
bool detach_syscall_probe(SyscallProbe);

void trace_syscall(const char* call);

} // namespace sys
