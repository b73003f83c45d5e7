// The scheduler hook for modules (proc/switch_hook.h).
#include "abi-versions/modules/api.h"
#include "module/api/resources.h"
#include "module/api/single_hook.h"
#include "proc/switch_hook.h"

namespace module::api {

namespace {
SingleHook<banos_sched_hook, sched::attach_switch_hook, sched::detach_switch_hook> g_hook;
} // namespace

void release_scheduler_hook(Module* owner) { g_hook.release(owner); }

} // namespace module::api

extern "C" {

int banos_sched_hook_attach(banos_sched_hook hook, void* context) { return module::api::g_hook.attach(hook, context); }
int banos_sched_hook_detach(banos_sched_hook hook) { return module::api::g_hook.detach(hook); }

} // extern "C"

BANOS_EXPORT(banos_sched_hook_attach);
BANOS_EXPORT(banos_sched_hook_detach);
