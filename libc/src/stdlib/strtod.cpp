#include <errno.h>
#include <stdlib.h>

#include "../core/parse_float.h"

namespace libc = banos::libc;
namespace floating = banos::libc::floating;

namespace {

floating::Parts parse(const char* string, char** end, const floating::Format& format)
{
    libc::ParsedFloat parsed = libc::parse_float(string, format);
    if (end != nullptr)
        *end = const_cast<char*>(parsed.end);
    if (parsed.range_error)
        errno = ERANGE;
    return parsed.parts;
}

} // namespace

extern "C" {

double strtod(const char* __restrict string, char** __restrict end)
{
    return floating::compose_double(parse(string, end, floating::binary64));
}

float strtof(const char* __restrict string, char** __restrict end)
{
    return floating::compose_float(parse(string, end, floating::binary32));
}

long double strtold(const char* __restrict string, char** __restrict end)
{
    return floating::compose_long_double(parse(string, end, floating::x87_extended));
}

double atof(const char* string)
{
    return strtod(string, nullptr);
}
}
