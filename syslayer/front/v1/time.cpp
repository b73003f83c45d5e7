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

extern "C" int32_t layer_nanosleep(const banos_v1_timespec* duration, banos_v1_timespec* remaining)
{
    if (!duration)
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Fault)));
    if (duration->tv_sec < 0 || duration->tv_nsec < 0 || duration->tv_nsec >= 1000000000)
        return static_cast<int32_t>(layer::finish(layer::Status::fail(layer::Error::Invalid)));
    uint64_t left = 0;
    uint64_t ns = static_cast<uint64_t>(duration->tv_sec) * 1000000000ull + static_cast<uint64_t>(duration->tv_nsec);
    layer::Status status = layer::backend::sleep_ns(ns, &left);
    if (status.failed() && remaining) {
        remaining->tv_sec = static_cast<int32_t>(left / 1000000000);
        remaining->tv_nsec = static_cast<int32_t>(left % 1000000000);
    }
    return static_cast<int32_t>(layer::finish(status));
}
