#pragma once
#include <stdint.h>

namespace klib {

enum class ErrorCode : uint16_t {
#define X(name, description) name,
#include "abi-versions/common/error_codes.def"
#undef X
    Count
};

const char* error_description(ErrorCode);
const char* error_name(ErrorCode);

// An error as a value. Small enough to return in a register.
class Error {
public:
    constexpr Error(ErrorCode code) : code_(code) {}
    constexpr ErrorCode code() const { return code_; }
    const char* description() const { return error_description(code_); }
    const char* name() const { return error_name(code_); }
    constexpr bool operator==(const Error&) const = default;

private:
    ErrorCode code_;
};

} // namespace klib
