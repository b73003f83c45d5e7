// Descriptions come from abi-versions/common/error_codes.def, looked up
// through this program ABI's errno.def (errno number -> neutral name).
#include <banos/abi_select.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../core/memory.h"

namespace {

namespace description {
#define X(name, text) constexpr const char* name = text;
#include <abi-versions/common/error_codes.def>
#undef X
} // namespace description

const char* known(int error)
{
    switch (error) {
    case 0:
        return "Success";
#define ERRNO(symbol, number, neutral_name) \
    case number:                            \
        return description::neutral_name;
#include BANOS_PROGRAM_ERRNO_DEF
#undef ERRNO
    default:
        return nullptr;
    }
}

} // namespace

extern "C" char* strerror(int error)
{
    if (const char* text = known(error))
        return const_cast<char*>(text);
    static char unknown[32];
    snprintf(unknown, sizeof unknown, "Unknown error %d", error);
    return unknown;
}

extern "C" int strerror_r(int error, char* buffer, size_t size)
{
    const char* text = known(error);
    char unknown[32];
    if (text == nullptr) {
        snprintf(unknown, sizeof unknown, "Unknown error %d", error);
        text = unknown;
    }
    size_t length = banos::libc::strlcpy(buffer, text, size);
    return length >= size ? ERANGE : 0;
}
