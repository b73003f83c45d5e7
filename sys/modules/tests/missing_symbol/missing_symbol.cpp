// Imports a name nothing exports: ENOENT naming the symbol. (The module
// build lets this one name through: see sys/modules/modules.mk.)
#include "abi-versions/modules/api.h"

extern "C" int banos_no_such_function(void);

namespace {
int missing_symbol_init() { return banos_no_such_function(); }
} // namespace

BANOS_DRIVER("missing_symbol", "BSD-2-Clause", "1.0", missing_symbol_init, nullptr);
