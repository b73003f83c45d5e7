// The system-call tracepoint for modules (syscall/tracepoint.h).
#include "abi-versions/modules/api.h"
#include "module/api/resources.h"
#include "module/api/single_hook.h"
#include "syscall/tracepoint.h"

namespace module::api {

namespace {
SingleHook<banos_syscall_probe, sys::attach_syscall_probe, sys::detach_syscall_probe> g_probe;
} // namespace

void release_probes(Module* owner) { g_probe.release(owner); }

} // namespace module::api

extern "C" {

int banos_syscall_probe_attach(banos_syscall_probe probe, void* context)
{
    return module::api::g_probe.attach(probe, context);
}

int banos_syscall_probe_detach(banos_syscall_probe probe) { return module::api::g_probe.detach(probe); }

} // extern "C"

BANOS_EXPORT(banos_syscall_probe_attach);
BANOS_EXPORT(banos_syscall_probe_detach);
