#include "module/api/resources.h"

#include "abi-versions/modules/api.h"

namespace module::api {

static_assert(BANOS_E_NotPermitted == static_cast<int>(klib::ErrorCode::NotPermitted) + 1,
              "module error numbers follow the neutral list");

void release_resources(Module* owner)
{
    release_timers(owner);
    release_scheduler_hook(owner);
    release_interrupts(owner);
    release_probes(owner);
    release_file_system_types(owner);
    release_devices(owner);
}

int module_error(klib::Error error) { return -(static_cast<int>(error.code()) + 1); }

klib::ErrorOr<uint64_t> kernel_result(int64_t value)
{
    if (value >= 0)
        return static_cast<uint64_t>(value);
    int64_t code = -value - 1;
    if (code >= static_cast<int64_t>(klib::ErrorCode::Count))
        return klib::ErrorCode::IoError;
    return static_cast<klib::ErrorCode>(code);
}

} // namespace module::api
