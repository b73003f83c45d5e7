// The exact decimal expansion of a binary floating-point value, for printf's
// %f %e %g: every binary fraction has a finite decimal expansion, so the
// printed digits are exact and rounding (to nearest, ties to even) happens
// once, at the printed precision, as glibc does.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace banos::libc {

class ExactDecimal {
public:
    // value = mantissa * 2^exponent, mantissa 0 for zero. Exponents down to
    // that of the smallest x87 subnormal (-16445) and up to that of the
    // largest x87 value (16320) fit.
    ExactDecimal(uint64_t mantissa, int exponent);

    // The value is 0.d(0) d(1) d(2) ... * 10^point: digit(0) is the first
    // significant digit (nonzero unless the value is zero), and digits past
    // the end are 0. Zero has the single digit 0 and point 1.
    int digit(int64_t index) const;
    int64_t digit_count() const { return digit_count_; }
    int64_t point() const { return point_; }
    // Whether any digit at or after index is nonzero.
    bool nonzero_from(int64_t index) const;

private:
    static constexpr uint32_t limb_base = 1000000000; // nine digits a limb
    // Enough for 64-bit mantissas times 5^16445 (about 11500 digits).
    static constexpr size_t max_limbs = 1300;

    void multiply(uint32_t factor);

    uint32_t limbs_[max_limbs]; // least significant first
    size_t limb_count_ = 0;
    int64_t digit_count_ = 0;
    int64_t point_ = 0;
    int top_digits_ = 0; // digits in the most significant limb
};

// The digits of an ExactDecimal rounded (to nearest, ties to even) to
// `keep` leading digits; keep may be 0 or negative (the value then rounds to
// 0 or up to one unit at that position).
class RoundedDecimal {
public:
    RoundedDecimal(const ExactDecimal& exact, int64_t keep);

    int digit(int64_t index) const;
    int64_t point() const { return point_; }

private:
    const ExactDecimal& exact_;
    int64_t keep_;
    int64_t bump_ = -1; // this digit is one more; those after it up to keep_ are 0
    bool carried_ = false; // rounded up to a power of ten: "1" then zeros
    int64_t point_;
};

} // namespace banos::libc
