#pragma once
// What front ends and back ends say to each other: ABI-neutral results,
// clocks and names. A back end turns its kernel's answers into these; a
// front end turns these into its program ABI's types and errno numbers.
#include <stdint.h>

namespace layer {

enum class Error : uint16_t {
    None,
#define X(name, description) name,
#include "abi-versions/common/error_codes.def"
#undef X
};

struct Status {
    int64_t value;
    Error error;
    bool failed() const { return error != Error::None; }
    static Status ok(int64_t value) { return { value, Error::None }; }
    static Status fail(Error error) { return { -1, error }; }
};

enum class Clock : uint8_t { Realtime, Monotonic, RealtimeCoarse, MonotonicCoarse };

struct Timespec {
    int64_t seconds;
    int64_t nanoseconds;
};

constexpr unsigned kNameLength = 65;
struct SystemName {
    char sysname[kNameLength];
    char nodename[kNameLength];
    char release[kNameLength];
    char version[kNameLength];
    char machine[kNameLength];
};

} // namespace layer
