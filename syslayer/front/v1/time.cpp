// Program ABI 1: time() with a 32-bit time_t, which ends in 2038: past that
// it fails with EOVERFLOW rather than wrap.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int32_t layer_time(int32_t* out)
{
    layer::Timespec now;
    layer::Status status = layer::backend::clock_gettime(layer::Clock::Realtime, &now);
    if (!status.failed() && now.seconds > INT32_MAX)
        status = layer::Status::fail(layer::Error::Overflow);
    if (status.failed())
        return static_cast<int32_t>(layer::finish(status));
    if (out)
        *out = static_cast<int32_t>(now.seconds);
    return static_cast<int32_t>(now.seconds);
}
