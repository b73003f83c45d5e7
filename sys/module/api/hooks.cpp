// The kernel's one-slot hooks for modules: the system-call tracepoint
// (syscall/tracepoint.h) and the scheduler hook (proc/switch_hook.h). Each
// attaches (Invalid for a null hook, Busy when the slot is taken) and
// detaches (Invalid for a hook that is not attached) with module errors,
// and remembers which module's init attached it, so release_resources can
// detach it.
#include "abi-versions/modules/api.h"
#include "module/api/resources.h"
#include "module/loader.h"
#include "proc/switch_hook.h"
#include "syscall/tracepoint.h"

namespace module::api {

namespace {

template <typename Hook, bool (*KernelAttach)(Hook, void*), bool (*KernelDetach)(Hook)>
class SingleHook {
public:
    int attach(Hook hook, void* context)
    {
        if (!hook)
            return -BANOS_E_Invalid;
        if (!KernelAttach(hook, context))
            return -BANOS_E_Busy;
        hook_ = hook;
        owner_ = installing_module();
        return 0;
    }

    int detach(Hook hook)
    {
        if (!KernelDetach(hook))
            return -BANOS_E_Invalid;
        forget();
        return 0;
    }

    void release(Module* owner)
    {
        if (hook_ && owner_ == owner && KernelDetach(hook_))
            forget();
    }

private:
    void forget()
    {
        hook_ = nullptr;
        owner_ = nullptr;
    }

    // Set and cleared right after the kernel's slot, whose attach and
    // detach serialise them.
    Hook hook_ { nullptr };
    Module* owner_ { nullptr };
};

SingleHook<banos_syscall_probe, sys::attach_syscall_probe, sys::detach_syscall_probe> g_probe;
SingleHook<banos_sched_hook, sched::attach_switch_hook, sched::detach_switch_hook> g_scheduler_hook;

} // namespace

void release_probes(Module* owner) { g_probe.release(owner); }
void release_scheduler_hook(Module* owner) { g_scheduler_hook.release(owner); }

} // namespace module::api

extern "C" {

int banos_syscall_probe_attach(banos_syscall_probe probe, void* context)
{
    return module::api::g_probe.attach(probe, context);
}
int banos_syscall_probe_detach(banos_syscall_probe probe) { return module::api::g_probe.detach(probe); }

int banos_sched_hook_attach(banos_sched_hook hook, void* context)
{
    return module::api::g_scheduler_hook.attach(hook, context);
}
int banos_sched_hook_detach(banos_sched_hook hook) { return module::api::g_scheduler_hook.detach(hook); }

} // extern "C"

BANOS_EXPORT(banos_syscall_probe_attach);
BANOS_EXPORT(banos_syscall_probe_detach);
BANOS_EXPORT(banos_sched_hook_attach);
BANOS_EXPORT(banos_sched_hook_detach);
