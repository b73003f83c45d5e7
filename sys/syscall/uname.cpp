#include "lib/stringify.h"
#include "syscall/syscalls.h"

namespace sys {

const SystemName& system_name()
{
    static const SystemName name {
        "banos", "banos", "0.1", "banos 0.1 (kernel ABI " BANOS_STRINGIFY(KERNEL_ABI) ")", "x86_64",
    };
    return name;
}

} // namespace sys
