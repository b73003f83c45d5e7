// Program ABI 3: posix_spawn. The action records have the neutral
// SpawnAction layout (the path a pointer-sized integer); the attributes are
// copied field by field. Flags and signal numbers are the kernel's own.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

static_assert(sizeof(banos_v3_spawn_action) == sizeof(layer::SpawnAction)
              && offsetof(banos_v3_spawn_action, source_fd) == offsetof(layer::SpawnAction, source_fd)
              && offsetof(banos_v3_spawn_action, mode) == offsetof(layer::SpawnAction, mode)
              && offsetof(banos_v3_spawn_action, path) == offsetof(layer::SpawnAction, path));

extern "C" int32_t layer_posix_spawn(int32_t* pid, const char* path, const banos_v3_spawn_actions* actions,
                                     const banos_v3_spawn_attributes* attributes, char* const* argv, char* const* envp)
{
    const layer::SpawnAction* list = actions ? reinterpret_cast<const layer::SpawnAction*>(actions->actions) : nullptr;
    uint32_t count = actions ? actions->count : 0;
    layer::SpawnAttributes neutral {};
    if (attributes)
        neutral = { attributes->flags, attributes->pgroup, attributes->sigmask, attributes->sigdefault };
    return static_cast<int32_t>(layer::finish(
        layer::backend::posix_spawn(pid, path, list, count, attributes ? &neutral : nullptr, argv, envp)));
}
