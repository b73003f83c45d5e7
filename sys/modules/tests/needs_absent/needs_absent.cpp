// Requires a module that is never installed: ENOENT naming it.
#include "abi-versions/modules/api.h"

namespace {
int needs_absent_init() { return 0; }
} // namespace

BANOS_DRIVER("needs_absent", "BSD-2-Clause", "1.0", needs_absent_init, nullptr, "absent");
