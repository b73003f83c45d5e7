#include "lib/error.h"

namespace klib {

namespace {
constexpr const char* kDescriptions[] = {
#define X(name, description) description,
#include "abi-versions/common/error_codes.def"
#undef X
};
constexpr const char* kNames[] = {
#define X(name, description) #name,
#include "abi-versions/common/error_codes.def"
#undef X
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<unsigned>(ErrorCode::Count));
} // namespace

const char* error_description(ErrorCode code)
{
    auto index = static_cast<unsigned>(code);
    return index < static_cast<unsigned>(ErrorCode::Count) ? kDescriptions[index] : "unknown error";
}

const char* error_name(ErrorCode code)
{
    auto index = static_cast<unsigned>(code);
    return index < static_cast<unsigned>(ErrorCode::Count) ? kNames[index] : "Unknown";
}

} // namespace klib
