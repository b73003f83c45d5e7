#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

#include "../core/parse_integer.h"

namespace libc = banos::libc;

namespace {

uint64_t parse(const char* string, char** end, int base, int64_t minimum, uint64_t maximum)
{
    libc::ParsedInteger parsed = libc::parse_integer(string, base, minimum, maximum);
    if (end != nullptr)
        *end = const_cast<char*>(parsed.end);
    if (parsed.error == libc::ParseError::InvalidBase)
        errno = EINVAL;
    else if (parsed.error == libc::ParseError::OutOfRange)
        errno = ERANGE;
    return parsed.bits;
}

} // namespace

extern "C" {

long strtol(const char* __restrict string, char** __restrict end, int base)
{
    return static_cast<long>(parse(string, end, base, LONG_MIN, LONG_MAX));
}

unsigned long strtoul(const char* __restrict string, char** __restrict end, int base)
{
    return parse(string, end, base, 0, ULONG_MAX);
}

long long strtoll(const char* __restrict string, char** __restrict end, int base)
{
    return static_cast<long long>(parse(string, end, base, LLONG_MIN, LLONG_MAX));
}

unsigned long long strtoull(const char* __restrict string, char** __restrict end, int base)
{
    return parse(string, end, base, 0, ULLONG_MAX);
}

int atoi(const char* string)
{
    return static_cast<int>(strtol(string, nullptr, 10));
}

long atol(const char* string)
{
    return strtol(string, nullptr, 10);
}

long long atoll(const char* string)
{
    return strtoll(string, nullptr, 10);
}
}

extern "C" {

intmax_t strtoimax(const char* __restrict string, char** __restrict end, int base)
{
    return static_cast<intmax_t>(parse(string, end, base, INTMAX_MIN, INTMAX_MAX));
}

uintmax_t strtoumax(const char* __restrict string, char** __restrict end, int base)
{
    return parse(string, end, base, 0, UINTMAX_MAX);
}

intmax_t imaxabs(intmax_t value) { return value < 0 ? -value : value; }
imaxdiv_t imaxdiv(intmax_t numerator, intmax_t denominator) { return { numerator / denominator, numerator % denominator }; }
}
