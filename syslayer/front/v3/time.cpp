// Program ABI 3: clock_getres. What a clock's resolution is depends on the
// kernel (ticks on kernel ABI 1, nanoseconds from the TSC later), so the
// back end answers.
#include "backend.h"
#include "front/v2/clock_ids.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int32_t layer_clock_getres(int32_t id, banos_v2_timespec* out)
{
    layer::Clock clock;
    if (!layer::clock_from_program(id, &clock))
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Invalid)));
    layer::Timespec resolution;
    layer::Status status = layer::backend::clock_getres(clock, &resolution);
    if (!status.failed() && out) // a null result is allowed: only the id is checked
        *out = { resolution.seconds, resolution.nanoseconds };
    return static_cast<int32_t>(layer::finish(status));
}
