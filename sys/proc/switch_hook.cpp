#include "proc/switch_hook.h"

#include "lib/spinlock.h"

namespace sched {

namespace {
// Changed with interrupts off; read by the scheduler, which runs with them off.
SwitchHook g_hook = nullptr;
void* g_context = nullptr;
} // namespace

bool attach_switch_hook(SwitchHook hook, void* context)
{
    auto state = klib::interrupts_save_and_disable();
    bool free = hook && !g_hook;
    if (free) {
        g_hook = hook;
        g_context = context;
    }
    klib::interrupts_restore(state);
    return free;
}

bool detach_switch_hook(SwitchHook hook)
{
    auto state = klib::interrupts_save_and_disable();
    bool attached = hook && g_hook == hook;
    if (attached) {
        g_hook = nullptr;
        g_context = nullptr;
    }
    klib::interrupts_restore(state);
    return attached;
}

void run_switch_hook(uint64_t previous_tid, uint64_t next_tid)
{
    if (g_hook)
        g_hook(g_context, previous_tid, next_tid);
}

} // namespace sched
