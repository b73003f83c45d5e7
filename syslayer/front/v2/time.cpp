// Program ABI 2: 64-bit time and clock_gettime.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

namespace {
bool clock_from_program(int32_t id, layer::Clock* clock)
{
    switch (id) {
    case BANOS_V2_CLOCK_REALTIME:
        *clock = layer::Clock::Realtime;
        return true;
    case BANOS_V2_CLOCK_MONOTONIC:
        *clock = layer::Clock::Monotonic;
        return true;
    case BANOS_V2_CLOCK_REALTIME_COARSE:
        *clock = layer::Clock::RealtimeCoarse;
        return true;
    case BANOS_V2_CLOCK_MONOTONIC_COARSE:
        *clock = layer::Clock::MonotonicCoarse;
        return true;
    default:
        return false;
    }
}
} // namespace

extern "C" int64_t layer_time64(int64_t* out)
{
    layer::Timespec now;
    layer::Status status = layer::backend::clock_gettime(layer::Clock::Realtime, &now);
    if (status.failed())
        return layer::finish(status);
    if (out)
        *out = now.seconds;
    return now.seconds;
}

extern "C" int32_t layer_clock_gettime(int32_t id, banos_v2_timespec* out)
{
    layer::Clock clock;
    if (!clock_from_program(id, &clock))
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Invalid)));
    if (!out)
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Fault)));
    layer::Timespec now;
    layer::Status status = layer::backend::clock_gettime(clock, &now);
    if (status.failed())
        return static_cast<int32_t>(layer::finish(status));
    out->tv_sec = now.seconds;
    out->tv_nsec = now.nanoseconds;
    return 0;
}
