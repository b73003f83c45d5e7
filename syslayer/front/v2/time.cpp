// Program ABI 2: 64-bit time and clock_gettime.
#include "backend.h"
#include "front/v2/clock_ids.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

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
    if (!layer::clock_from_program(id, &clock))
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

extern "C" int32_t layer_nanosleep64(const banos_v2_timespec* duration, banos_v2_timespec* remaining)
{
    if (!duration)
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Fault)));
    if (duration->tv_sec < 0 || duration->tv_nsec < 0 || duration->tv_nsec >= 1000000000)
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Invalid)));
    uint64_t left = 0;
    // Durations beyond what 64 bits of nanoseconds hold (584 years) sleep that long.
    uint64_t seconds = static_cast<uint64_t>(duration->tv_sec);
    uint64_t ns = seconds > 18000000000ull ? UINT64_MAX : seconds * 1000000000ull + static_cast<uint64_t>(duration->tv_nsec);
    layer::Status status = layer::backend::sleep_ns(ns, &left);
    if (status.failed() && remaining) {
        remaining->tv_sec = static_cast<int64_t>(left / 1000000000);
        remaining->tv_nsec = static_cast<int64_t>(left % 1000000000);
    }
    return static_cast<int32_t>(layer::finish(status));
}

extern "C" int32_t layer_gettimeofday(banos_v2_timeval* out, void*)
{
    layer::Timespec now;
    layer::Status status = layer::backend::clock_gettime(layer::Clock::Realtime, &now);
    if (status.failed())
        return static_cast<int32_t>(layer::finish(status));
    if (out) {
        out->tv_sec = now.seconds;
        out->tv_usec = now.nanoseconds / 1000;
    }
    return 0;
}
