// Descriptions come from abi-versions/common/error_codes.def, looked up
// through this program ABI's errno.def (errno number -> neutral name).
#include <banos/abi_select.h>
#include <errno.h>
#include <string.h>

#include "../core/memory.h"
#include "unknown_number.h"

namespace libc = banos::libc;

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
    static char unknown[libc::unknown_number_size];
    return const_cast<char*>(libc::describe_number(known(error), "Unknown error", error, unknown));
}

extern "C" int strerror_r(int error, char* buffer, size_t size)
{
    char unknown[libc::unknown_number_size];
    size_t length = libc::strlcpy(buffer, libc::describe_number(known(error), "Unknown error", error, unknown), size);
    return length >= size ? ERANGE : 0;
}
