// Needs a banos API newer than any kernel has: ENOEXEC naming both versions.
#include "abi-versions/modules/api.h"

namespace {
int newer_api_init() { return 0; }
} // namespace

BANOS_DRIVER_NEEDING(BANOS_API_MAJOR, 99, 0, "newer_api", "BSD-2-Clause", "1.0", newer_api_init, nullptr);
