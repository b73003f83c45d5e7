#pragma once
// Program ABI 2's clock ids (also ABI 3's) in the layer's terms.
#include "abi-versions/v2/program/types.h"
#include "syslayer/neutral.h"

namespace layer {

inline bool clock_from_program(int32_t id, Clock* clock)
{
    switch (id) {
    case BANOS_V2_CLOCK_REALTIME:
        *clock = Clock::Realtime;
        return true;
    case BANOS_V2_CLOCK_MONOTONIC:
        *clock = Clock::Monotonic;
        return true;
    case BANOS_V2_CLOCK_REALTIME_COARSE:
        *clock = Clock::RealtimeCoarse;
        return true;
    case BANOS_V2_CLOCK_MONOTONIC_COARSE:
        *clock = Clock::MonotonicCoarse;
        return true;
    default:
        return false;
    }
}

} // namespace layer
