#pragma once
// Kernel ABI 3's error codes (abi-versions/v3/kernel/errors.def): the
// kernel's own enumeration, not errno numbers. Pure, so host tests check it.
#include <stdint.h>

#include "lib/error.h"

namespace kabi::v3 {

struct ErrorCodes {
    uint32_t codes[static_cast<unsigned>(klib::ErrorCode::Count)];
};

// A neutral error this ABI has no code for reads as its IoError.
constexpr uint32_t io_error_code()
{
#define KERROR(name, code)                                  \
    if (klib::ErrorCode::name == klib::ErrorCode::IoError) \
        return code;
#include "abi-versions/v3/kernel/errors.def"
#undef KERROR
    return 0;
}
constexpr uint32_t kUnmappedErrorCode = io_error_code();
static_assert(kUnmappedErrorCode != 0, "kernel ABI 3 has a code for IoError");

constexpr ErrorCodes make_error_codes()
{
    ErrorCodes table {};
#define KERROR(name, code) table.codes[static_cast<unsigned>(klib::ErrorCode::name)] = code;
#include "abi-versions/v3/kernel/errors.def"
#undef KERROR
    for (auto& code : table.codes)
        if (code == 0)
            code = kUnmappedErrorCode;
    return table;
}

inline constexpr ErrorCodes kErrorCodes = make_error_codes();

constexpr uint32_t error_code(klib::ErrorCode code)
{
    unsigned index = static_cast<unsigned>(code);
    return index < static_cast<unsigned>(klib::ErrorCode::Count) ? kErrorCodes.codes[index] : kUnmappedErrorCode;
}

} // namespace kabi::v3
