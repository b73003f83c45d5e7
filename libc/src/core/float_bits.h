// The binary floating-point formats libc converts to and from text: IEEE
// binary32 (float), binary64 (double) and the x87 80-bit extended format
// (long double on x86_64), described by numbers so one conversion routine
// serves all three, plus taking values apart and putting them together.
#pragma once

#include <stdint.h>

namespace banos::libc::floating {

// A finite value is mantissa * 2^exponent with mantissa < 2^precision;
// normal values have mantissa >= 2^(precision - 1).
struct Format {
    int precision;    // significant bits, the leading one included
    int min_exponent; // exponent of the smallest subnormal (and of every subnormal)
    int max_exponent; // exponent of the largest finite value
    int max_decimal_exponent; // 10^this is beyond the largest finite value
    int min_decimal_exponent; // 10^this is below half the smallest subnormal
};

// Internal linkage (not `inline`): a copy per file rather than one shared
// definition, which libc.so would export and bind through its GOT.
constexpr Format binary32 { 24, -149, 104, 40, -47 };
constexpr Format binary64 { 53, -1074, 971, 310, -326 };
constexpr Format x87_extended { 64, -16445, 16320, 4934, -4953 };

enum class Kind { Zero, Finite, Infinite, NaN };

struct Parts {
    bool negative = false;
    Kind kind = Kind::Zero;
    uint64_t mantissa = 0; // Finite: value = mantissa * 2^exponent (nonzero)
    int exponent = 0;
};

Parts decompose(double value);
Parts decompose(long double value);

// Builds the value from parts whose mantissa and exponent are already within
// the format (Finite: mantissa < 2^precision, and either normal with
// exponent in [min_exponent, max_exponent] or subnormal at min_exponent).
double compose_double(const Parts& parts);
float compose_float(const Parts& parts);
long double compose_long_double(const Parts& parts);

} // namespace banos::libc::floating
