// Descriptions come from abi-versions/common/error_codes.def, looked up
// through this program ABI's errno.def (errno number -> neutral name).
#include <banos/abi_select.h>
#include <string.h>

namespace {

namespace description {
#define X(name, text) constexpr const char* name = text;
#include <abi-versions/common/error_codes.def>
#undef X
} // namespace description

} // namespace

extern "C" char* strerror(int error)
{
    switch (error) {
    case 0:
        return const_cast<char*>("success");
#define ERRNO(symbol, number, neutral_name) \
    case number:                            \
        return const_cast<char*>(description::neutral_name);
#include BANOS_PROGRAM_ERRNO_DEF
#undef ERRNO
    default:
        return const_cast<char*>("unknown error");
    }
}
