// Program ABI 3: alarm and sigpending.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

// alarm cannot fail: it returns the seconds the previous alarm had left.
extern "C" uint32_t layer_alarm(uint32_t seconds) { return static_cast<uint32_t>(layer::backend::alarm(seconds).value); }

extern "C" int32_t layer_sigpending(uint64_t* set)
{
    return static_cast<int32_t>(layer::finish(layer::backend::sigpending(set)));
}
