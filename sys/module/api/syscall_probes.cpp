// The system-call tracepoint for modules (syscall/tracepoint.h).
#include "abi-versions/modules/api.h"
#include "module/api/resources.h"
#include "module/loader.h"
#include "syscall/tracepoint.h"

namespace module::api {

namespace {
Module* g_probe_owner = nullptr;
banos_syscall_probe g_probe = nullptr;
} // namespace

void release_probes(Module* owner)
{
    if (g_probe && g_probe_owner == owner && sys::detach_syscall_probe(g_probe)) {
        g_probe = nullptr;
        g_probe_owner = nullptr;
    }
}

} // namespace module::api

extern "C" {

int banos_syscall_probe_attach(banos_syscall_probe probe, void* context)
{
    if (!probe)
        return -BANOS_E_Invalid;
    if (!sys::attach_syscall_probe(probe, context))
        return -BANOS_E_Busy;
    module::api::g_probe = probe;
    module::api::g_probe_owner = module::installing_module();
    return 0;
}

int banos_syscall_probe_detach(banos_syscall_probe probe)
{
    if (!sys::detach_syscall_probe(probe))
        return -BANOS_E_Invalid;
    module::api::g_probe = nullptr;
    module::api::g_probe_owner = nullptr;
    return 0;
}

} // extern "C"

BANOS_EXPORT(banos_syscall_probe_attach);
BANOS_EXPORT(banos_syscall_probe_detach);
