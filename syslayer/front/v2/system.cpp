// Program ABI 2: randomness, the current CPU, the CPU count and banos
// modules.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int64_t layer_getrandom(void* buffer, uint64_t size, uint32_t flags)
{
    return layer::finish(layer::backend::getrandom(buffer, size, flags));
}

extern "C" int32_t layer_sched_getcpu() { return static_cast<int32_t>(layer::finish(layer::backend::sched_getcpu())); }

extern "C" int64_t layer_sysconf(int32_t name)
{
    switch (name) {
    case BANOS_SC_NPROCESSORS_CONF:
    case BANOS_SC_NPROCESSORS_ONLN:
        return layer::finish(layer::backend::cpu_count());
    default:
        return layer::finish(layer::Status::fail(layer::Error::Invalid));
    }
}

extern "C" int32_t layer_banos_install(const void* image, uint64_t size)
{
    return static_cast<int32_t>(layer::finish(layer::backend::banos_install(image, size)));
}
