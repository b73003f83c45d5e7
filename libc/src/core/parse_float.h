// The strtod family's parser, without errno, for the host tests.
#pragma once

#include "float_bits.h"

namespace banos::libc {

struct ParsedFloat {
    floating::Parts parts; // Zero when nothing was parsed
    // Just past the number; the start of the input when there was none.
    const char* end = nullptr;
    // Overflow (the result is infinite) or underflow (zero or subnormal
    // from a nonzero number): strtod sets ERANGE.
    bool range_error = false;
};

// Parses what strtod accepts (C17 7.22.1.3): leading white space, a sign,
// then a decimal number (digits with an optional point, an optional
// exponent), a hexadecimal one (0x, hex digits with an optional point, an
// optional binary exponent p), INF or INFINITY, NAN or NAN(chars), case
// ignored. The result is correctly rounded (to nearest, ties to even) to
// `format`, for decimal input of up to 800 significant digits (further
// digits only count as "nonzero or not", which is exact for binary32 and
// binary64; for x87 long double input that long may be off in the last place).
ParsedFloat parse_float(const char* string, const floating::Format& format);

} // namespace banos::libc
