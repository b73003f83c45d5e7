#pragma once
// The context-switch hook: one observer (a module's) told of every switch
// from one thread to another, with interrupts off, just before it happens.
#include <stdint.h>

namespace sched {

using SwitchHook = void (*)(void* context, uint64_t previous_tid, uint64_t next_tid);

// False if a hook is attached.
bool attach_switch_hook(SwitchHook, void* context);
// False if `hook` is not the attached one. Once it returns the hook is not
// running and will not run again (interrupts are off while it runs, and
// there is one CPU).
bool detach_switch_hook(SwitchHook);

// The scheduler, interrupts off.
void run_switch_hook(uint64_t previous_tid, uint64_t next_tid);

} // namespace sched
