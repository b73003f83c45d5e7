#include "math.h"

#include <stdint.h>

namespace banos::libc::math {

namespace {

using extended = long double;

uint64_t bits_of(double x)
{
    uint64_t bits;
    __builtin_memcpy(&bits, &x, sizeof bits);
    return bits;
}

double from_bits(uint64_t bits)
{
    double x;
    __builtin_memcpy(&x, &bits, sizeof x);
    return x;
}

constexpr uint64_t sign_bit = uint64_t(1) << 63;
bool is_nan(double x) { return (bits_of(x) & ~sign_bit) > 0x7ff0000000000000ull; }
bool is_infinite(double x) { return (bits_of(x) & ~sign_bit) == 0x7ff0000000000000ull; }
bool is_negative(double x) { return (bits_of(x) & sign_bit) != 0; }
double infinity() { return from_bits(0x7ff0000000000000ull); }
double quiet_nan() { return from_bits(0x7ff8000000000000ull); }

// x87 primitives: each one instruction on the top of the register stack.
extended round_to_integer(extended x)
{
    asm("frndint" : "+t"(x));
    return x;
}

extended two_to_the_minus_one(extended x) // |x| <= 1
{
    asm("f2xm1" : "+t"(x));
    return x;
}

extended scale(extended x, extended power) // x * 2^trunc(power)
{
    asm("fscale" : "+t"(x) : "u"(power));
    return x;
}

extended y_log2_x(extended y, extended x) // y * log2(x)
{
    extended result;
    asm("fyl2x" : "=t"(result) : "0"(x), "u"(y) : "st(1)");
    return result;
}

extended y_log2_1_plus_x(extended y, extended x) // y * log2(1 + x), |x| < 1 - sqrt(2)/2
{
    extended result;
    asm("fyl2xp1" : "=t"(result) : "0"(x), "u"(y) : "st(1)");
    return result;
}

extended arc_tangent(extended y, extended x) // atan2(y, x)
{
    extended result;
    asm("fpatan" : "=t"(result) : "0"(x), "u"(y) : "st(1)");
    return result;
}

// x - trunc(x / y) * y, exactly.
extended remainder_of(extended x, extended y)
{
    // fprem reduces by at most 2^63 a step: repeat while C2 says more.
    asm("1: fprem\n\tfnstsw %%ax\n\ttestw $0x400, %%ax\n\tjnz 1b" : "+t"(x) : "u"(y) : "ax", "cc");
    return x;
}

extended constant_ln2()
{
    extended result;
    asm("fldln2" : "=t"(result));
    return result;
}

extended constant_log10_2()
{
    extended result;
    asm("fldlg2" : "=t"(result));
    return result;
}

extended constant_log2_e()
{
    extended result;
    asm("fldl2e" : "=t"(result));
    return result;
}

extended constant_pi()
{
    extended result;
    asm("fldpi" : "=t"(result));
    return result;
}

// 2^y for finite y, in extended precision.
extended exp2_extended(extended y)
{
    extended whole = round_to_integer(y);
    return scale(two_to_the_minus_one(y - whole) + 1, whole);
}

// The first 1344 bits of 2/pi after the binary point, most significant
// first: enough for any double's argument reduction (Payne and Hanek).
// Computed with Python integers: pi by Machin's formula
// (16 atan(1/5) - 4 atan(1/239), series to 1520 bits), then 2 * 2^3040 // pi.
constexpr uint64_t two_over_pi[] = { 0xa2f9836e4e441529ull, 0xfc2757d1f534ddc0ull, 0xdb6295993c439041ull,
    0xfe5163abdebbc561ull, 0xb7246e3a424dd2e0ull, 0x06492eea09d1921cull, 0xfe1deb1cb129a73eull, 0xe88235f52ebb4484ull,
    0xe99c7026b45f7e41ull, 0x3991d639835339f4ull, 0x9c845f8bbdf9283bull, 0x1ff897ffde05980full, 0xef2f118b5a0a6d1full,
    0x6d367ecf27cb09b7ull, 0x4f463f669e5fea2dull, 0x7527bac7ebe5f17bull, 0x3d0739f78a5292eaull, 0x6bfb5fb11f8d5d08ull,
    0x56033046fc7b6babull, 0xf0cfbc209af4361dull, 0xa9e391615ee61b08ull };

using u128 = unsigned __int128;

// Bits first .. first + 63 of 2/pi (bit 1 is the first after the point).
uint64_t two_over_pi_window(int first)
{
    int index = first - 1;
    int word = index / 64;
    int shift = index % 64;
    uint64_t bits = two_over_pi[word] << shift;
    if (shift != 0)
        bits |= two_over_pi[word + 1] >> (64 - shift);
    return bits;
}

// `count` (<= 64) bits of a 256-bit number (four words, least significant
// first) from bit `low` up.
uint64_t bit_field(const uint64_t (&number)[4], int low, int count)
{
    uint64_t result = 0;
    for (int i = count - 1; i >= 0; --i) {
        int bit = low + i;
        result <<= 1;
        if (bit >= 0 && bit < 256)
            result |= (number[bit / 64] >> (bit % 64)) & 1;
    }
    return result;
}

struct Reduced {
    int quadrant;   // x = quadrant * pi/2 + angle (mod 2 pi)
    extended angle; // in [-pi/4, pi/4]
};

// x mod pi/2 for finite x >= pi/4: x * 2/pi with the bits of 2/pi that
// matter (those giving multiples of 4 are skipped), 128 bits of fraction.
Reduced reduce(double x)
{
    uint64_t bits = bits_of(x);
    uint64_t mantissa = (bits & ((uint64_t(1) << 52) - 1)) | (uint64_t(1) << 52);
    int exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1075; // x = mantissa * 2^exponent
    int first = exponent - 1 > 1 ? exponent - 1 : 1;
    uint64_t window[3] = { two_over_pi_window(first + 128), two_over_pi_window(first + 64), two_over_pi_window(first) };
    // product = mantissa * window (192 bits): 256 bits; x * 2/pi = product / 2^shift (mod 4).
    uint64_t product[4];
    u128 carry = 0;
    for (int i = 0; i < 3; ++i) {
        u128 partial = static_cast<u128>(mantissa) * window[i] + carry;
        product[i] = static_cast<uint64_t>(partial);
        carry = partial >> 64;
    }
    product[3] = static_cast<uint64_t>(carry);
    int shift = first + 191 - exponent;
    int quadrant = static_cast<int>(bit_field(product, shift, 2));
    u128 fraction = (static_cast<u128>(bit_field(product, shift - 64, 64)) << 64) | bit_field(product, shift - 128, 64);
    bool negative = (fraction >> 127) != 0;
    if (negative) { // past the middle: from the next multiple of pi/2, backwards
        fraction = -fraction;
        quadrant = (quadrant + 1) & 3;
    }
    extended angle = 0;
    if (fraction != 0) {
        int leading = 0;
        while (!(fraction >> 127)) {
            fraction <<= 1;
            ++leading;
        }
        angle = scale(static_cast<extended>(static_cast<uint64_t>(fraction >> 64)), -64 - leading) * (constant_pi() / 2);
    }
    return { quadrant, negative ? -angle : angle };
}

extended x87_sine(extended angle)
{
    asm("fsin" : "+t"(angle));
    return angle;
}

extended x87_cosine(extended angle)
{
    asm("fcos" : "+t"(angle));
    return angle;
}

extended x87_tangent(extended angle)
{
    asm("fptan\n\tfstp %%st(0)" : "+t"(angle)); // fptan pushes 1.0 after the tangent
    return angle;
}

constexpr double quarter_pi = 0.78539816339744830962;

bool is_integer(double x) { return !is_infinite(x) && trunc(x) == x; }
bool is_odd_integer(double x) { return is_integer(x) && fabs(x) < 9007199254740992.0 && fmod(x, 2) != 0; }

} // namespace

double fabs(double x) { return from_bits(bits_of(x) & ~sign_bit); }

double copysign(double magnitude, double sign)
{
    return from_bits((bits_of(magnitude) & ~sign_bit) | (bits_of(sign) & sign_bit));
}

double trunc(double x)
{
    if (!(fabs(x) < 4503599627370496.0)) // 2^52: integral already (or NaN, infinite)
        return x;
    return copysign(static_cast<double>(static_cast<int64_t>(x)), x);
}

double floor(double x)
{
    double t = trunc(x);
    return t > x ? t - 1 : t;
}

double ceil(double x)
{
    double t = trunc(x);
    return t < x ? copysign(t + 1, x) : t;
}

double round(double x)
{
    double t = trunc(x);
    if (fabs(x - t) >= 0.5)
        t += copysign(1.0, x);
    return t;
}

double rint(double x)
{
    if (!(fabs(x) < 4503599627370496.0))
        return x;
    return copysign(static_cast<double>(round_to_integer(x)), x);
}

double fmod(double x, double y)
{
    if (is_nan(x) || is_nan(y) || is_infinite(x) || y == 0)
        return quiet_nan();
    if (is_infinite(y))
        return x;
    return copysign(static_cast<double>(remainder_of(x, y)), x);
}

double sqrt(double x)
{
    double result;
    asm("sqrtsd %1, %0" : "=x"(result) : "x"(x));
    return result;
}

double exp2(double x)
{
    if (is_nan(x))
        return x;
    if (is_infinite(x))
        return is_negative(x) ? 0.0 : x;
    if (x > 2000)
        return infinity();
    if (x < -2000)
        return 0.0;
    return static_cast<double>(exp2_extended(x));
}

double exp(double x)
{
    if (is_nan(x))
        return x;
    if (is_infinite(x))
        return is_negative(x) ? 0.0 : x;
    if (x > 1000)
        return infinity();
    if (x < -1000)
        return 0.0;
    return static_cast<double>(exp2_extended(x * constant_log2_e()));
}

double expm1(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    extended y = x * constant_log2_e();
    if (y >= -1 && y <= 1)
        return static_cast<double>(two_to_the_minus_one(y));
    if (is_infinite(x))
        return is_negative(x) ? -1.0 : x;
    if (x > 1000)
        return infinity();
    if (x < -100)
        return -1.0;
    return static_cast<double>(exp2_extended(y) - 1);
}

double log(double x)
{
    if (is_nan(x))
        return x;
    return static_cast<double>(y_log2_x(constant_ln2(), x));
}

double log2(double x)
{
    if (is_nan(x))
        return x;
    return static_cast<double>(y_log2_x(1, x));
}

double log10(double x)
{
    if (is_nan(x))
        return x;
    return static_cast<double>(y_log2_x(constant_log10_2(), x));
}

double log1p(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    if (fabs(x) < 0.29)
        return static_cast<double>(y_log2_1_plus_x(constant_ln2(), x));
    return static_cast<double>(y_log2_x(constant_ln2(), static_cast<extended>(x) + 1));
}

double pow(double x, double y)
{
    // C17 F.10.4.4, case by case.
    if (y == 0 || x == 1)
        return 1.0;
    if (is_nan(x) || is_nan(y))
        return quiet_nan();
    bool odd = is_odd_integer(y);
    if (x == 0) {
        if (y < 0)
            return odd ? copysign(infinity(), x) : infinity();
        return odd ? x : 0.0;
    }
    if (is_infinite(y)) {
        double magnitude = fabs(x);
        if (magnitude == 1)
            return 1.0;
        return (magnitude < 1) == (y < 0) ? infinity() : 0.0;
    }
    if (is_infinite(x)) {
        if (is_negative(x)) {
            if (y < 0)
                return odd ? -0.0 : 0.0;
            return odd ? -infinity() : infinity();
        }
        return y < 0 ? 0.0 : infinity();
    }
    if (x < 0 && !is_integer(y))
        return quiet_nan();
    extended power = y_log2_x(y, fabs(x));
    double result;
    if (power > 2000)
        result = infinity();
    else if (power < -2000)
        result = 0.0;
    else
        result = static_cast<double>(exp2_extended(power));
    return x < 0 && odd ? -result : result;
}

double sin(double x)
{
    if (is_nan(x) || is_infinite(x))
        return quiet_nan();
    if (fabs(x) < quarter_pi)
        return static_cast<double>(x87_sine(x));
    Reduced reduced = reduce(fabs(x));
    extended value = reduced.quadrant & 1 ? x87_cosine(reduced.angle) : x87_sine(reduced.angle);
    if (reduced.quadrant & 2)
        value = -value;
    return static_cast<double>(is_negative(x) ? -value : value);
}

double cos(double x)
{
    if (is_nan(x) || is_infinite(x))
        return quiet_nan();
    if (fabs(x) < quarter_pi)
        return static_cast<double>(x87_cosine(x));
    Reduced reduced = reduce(fabs(x));
    extended value = reduced.quadrant & 1 ? x87_sine(reduced.angle) : x87_cosine(reduced.angle);
    if (((reduced.quadrant + 1) & 2) != 0)
        value = -value;
    return static_cast<double>(value);
}

double tan(double x)
{
    if (is_nan(x) || is_infinite(x))
        return quiet_nan();
    if (fabs(x) < quarter_pi)
        return static_cast<double>(x87_tangent(x));
    Reduced reduced = reduce(fabs(x));
    extended value = x87_tangent(reduced.angle);
    if (reduced.quadrant & 1)
        value = -1 / value;
    return static_cast<double>(is_negative(x) ? -value : value);
}

double atan2(double y, double x)
{
    if (is_nan(x) || is_nan(y))
        return quiet_nan();
    return static_cast<double>(arc_tangent(y, x));
}

double atan(double x)
{
    if (is_nan(x))
        return x;
    return static_cast<double>(arc_tangent(x, 1));
}

double asin(double x)
{
    if (is_nan(x) || fabs(x) > 1)
        return quiet_nan();
    extended e = x;
    extended root = (1 - e) * (1 + e);
    asm("fsqrt" : "+t"(root));
    return static_cast<double>(arc_tangent(e, root));
}

double acos(double x)
{
    if (is_nan(x) || fabs(x) > 1)
        return quiet_nan();
    extended e = x;
    extended root = (1 - e) * (1 + e);
    asm("fsqrt" : "+t"(root));
    return static_cast<double>(arc_tangent(root, e));
}

double sinh(double x)
{
    if (is_nan(x) || is_infinite(x) || x == 0)
        return x;
    double magnitude = fabs(x);
    double result;
    if (magnitude > 710) {
        result = infinity();
    } else {
        extended m = expm1(magnitude);
        result = static_cast<double>((m + m / (m + 1)) / 2);
    }
    return copysign(result, x);
}

double cosh(double x)
{
    if (is_nan(x))
        return x;
    double magnitude = fabs(x);
    if (magnitude > 711)
        return infinity();
    extended e = exp2_extended(magnitude * constant_log2_e());
    return static_cast<double>((e + 1 / e) / 2);
}

double tanh(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    double magnitude = fabs(x);
    double result;
    if (magnitude > 22) {
        result = 1.0;
    } else {
        extended m = expm1(2 * magnitude);
        result = static_cast<double>(m / (m + 2));
    }
    return copysign(result, x);
}

double hypot(double x, double y)
{
    if (is_infinite(x) || is_infinite(y))
        return infinity();
    if (is_nan(x) || is_nan(y))
        return quiet_nan();
    extended sum = static_cast<extended>(x) * x + static_cast<extended>(y) * y;
    asm("fsqrt" : "+t"(sum));
    return static_cast<double>(sum);
}

double cbrt(double x)
{
    if (is_nan(x) || is_infinite(x) || x == 0)
        return x;
    extended magnitude = fabs(x);
    extended root = exp2_extended(y_log2_x(1.0L / 3, magnitude));
    root -= (root * root * root - magnitude) / (3 * root * root); // one Newton step
    return copysign(static_cast<double>(root), x);
}

double frexp(double x, int* exponent)
{
    *exponent = 0;
    if (x == 0 || is_nan(x) || is_infinite(x))
        return x;
    uint64_t bits = bits_of(x);
    int biased = static_cast<int>((bits >> 52) & 0x7ff);
    if (biased == 0) { // subnormal: normalize first
        x *= 18014398509481984.0; // 2^54
        bits = bits_of(x);
        biased = static_cast<int>((bits >> 52) & 0x7ff);
        *exponent = -54;
    }
    *exponent += biased - 1022;
    return from_bits((bits & ~(uint64_t(0x7ff) << 52)) | (uint64_t(1022) << 52));
}

double ldexp(double x, int exponent)
{
    if (x == 0 || is_nan(x) || is_infinite(x))
        return x;
    if (exponent > 5000)
        exponent = 5000;
    if (exponent < -5000)
        exponent = -5000;
    return static_cast<double>(scale(x, exponent));
}

double modf(double x, double* integer_part)
{
    if (is_nan(x)) {
        *integer_part = x;
        return x;
    }
    double whole = trunc(x);
    *integer_part = whole;
    return is_infinite(x) ? copysign(0.0, x) : copysign(x - whole, x);
}

} // namespace banos::libc::math
