#include "syscall/tracepoint.h"

#include "lib/spinlock.h"

namespace sys {

namespace {
struct Attached {
    SyscallProbe probe;
    void* context;
};
klib::Spinlock g_lock;
Attached g_attached { nullptr, nullptr };
// Read without the lock on every system call; a probe and its context are
// published together under the lock and the probe pointer last.
SyscallProbe g_probe = nullptr;
} // namespace

bool attach_syscall_probe(SyscallProbe probe, void* context)
{
    klib::SpinlockGuard guard(g_lock);
    if (g_attached.probe)
        return false;
    g_attached = { probe, context };
    __atomic_store_n(&g_probe, probe, __ATOMIC_RELEASE);
    return true;
}

bool detach_syscall_probe(SyscallProbe probe)
{
    klib::SpinlockGuard guard(g_lock);
    if (g_attached.probe != probe || !probe)
        return false;
    __atomic_store_n(&g_probe, nullptr, __ATOMIC_RELEASE);
    g_attached = { nullptr, nullptr };
    return true;
}

void trace_syscall(const char* call)
{
    SyscallProbe probe = __atomic_load_n(&g_probe, __ATOMIC_ACQUIRE);
    if (probe)
        probe(g_attached.context, call);
}

} // namespace sys
