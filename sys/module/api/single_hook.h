#pragma once
// A kernel hook with one slot (the system-call tracepoint, the scheduler
// hook) as modules see it: attach (Invalid for a null hook, Busy when the
// slot is taken) and detach (Invalid for a hook that is not attached) as
// module errors, remembering which module's init attached it so
// release_resources can detach it.
#include "abi-versions/modules/api.h"
#include "module/loader.h"

namespace module::api {

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

} // namespace module::api
