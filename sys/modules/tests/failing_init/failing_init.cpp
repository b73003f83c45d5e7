// A module whose init fails after registering a device: the kernel must
// drop the device and the module, and report the init's error (ENXIO).
#include "abi-versions/modules/api.h"

namespace {

int64_t never_read(void*, uint64_t, void*, uint64_t) { return 0; }
const banos_chardev_ops kOps = { never_read, nullptr };

int failing_init()
{
    banos_chardev_register("failing", 0444, &kOps, nullptr);
    return -BANOS_E_NoDevice;
}

} // namespace

BANOS_DRIVER("failing_init", "BSD-2-Clause", "1.0", failing_init, nullptr);
