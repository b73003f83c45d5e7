#include "float_bits.h"

namespace banos::libc::floating {

namespace {

// The x87 extended format in memory: 64-bit mantissa with an explicit
// leading bit, then sign and 15-bit exponent (bias 16383); 6 bytes padding.
struct Extended {
    uint64_t mantissa;
    uint16_t sign_exponent;
};

static_assert(sizeof(long double) == 16 && __LDBL_MANT_DIG__ == 64, "x87 long double");

} // namespace

Parts decompose(double value)
{
    uint64_t bits;
    __builtin_memcpy(&bits, &value, sizeof bits);
    Parts parts;
    parts.negative = (bits >> 63) != 0;
    auto biased = static_cast<int>((bits >> 52) & 0x7ff);
    uint64_t fraction = bits & ((uint64_t(1) << 52) - 1);
    if (biased == 0x7ff) {
        parts.kind = fraction == 0 ? Kind::Infinite : Kind::NaN;
    } else if (biased == 0) {
        if (fraction != 0) {
            parts.kind = Kind::Finite;
            parts.mantissa = fraction;
            parts.exponent = binary64.min_exponent;
        }
    } else {
        parts.kind = Kind::Finite;
        parts.mantissa = fraction | (uint64_t(1) << 52);
        parts.exponent = biased - 1075;
    }
    return parts;
}

Parts decompose(long double value)
{
    Extended bits {};
    __builtin_memcpy(&bits, &value, 10);
    Parts parts;
    parts.negative = (bits.sign_exponent >> 15) != 0;
    int biased = bits.sign_exponent & 0x7fff;
    if (biased == 0x7fff) {
        parts.kind = (bits.mantissa << 1) == 0 ? Kind::Infinite : Kind::NaN;
    } else if (bits.mantissa != 0) {
        parts.kind = Kind::Finite;
        parts.mantissa = bits.mantissa;
        // Subnormals (biased 0) share the exponent of the smallest normals.
        parts.exponent = (biased == 0 ? 1 : biased) - 16383 - 63;
    }
    return parts;
}

double compose_double(const Parts& parts)
{
    uint64_t bits = parts.negative ? uint64_t(1) << 63 : 0;
    switch (parts.kind) {
    case Kind::Zero:
        break;
    case Kind::Infinite:
        bits |= uint64_t(0x7ff) << 52;
        break;
    case Kind::NaN:
        bits |= (uint64_t(0x7ff) << 52) | (uint64_t(1) << 51);
        break;
    case Kind::Finite:
        if (parts.mantissa >> 52)
            bits |= static_cast<uint64_t>(parts.exponent + 1075) << 52;
        bits |= parts.mantissa & ((uint64_t(1) << 52) - 1);
        break;
    }
    double value;
    __builtin_memcpy(&value, &bits, sizeof value);
    return value;
}

float compose_float(const Parts& parts)
{
    uint32_t bits = parts.negative ? uint32_t(1) << 31 : 0;
    switch (parts.kind) {
    case Kind::Zero:
        break;
    case Kind::Infinite:
        bits |= uint32_t(0xff) << 23;
        break;
    case Kind::NaN:
        bits |= (uint32_t(0xff) << 23) | (uint32_t(1) << 22);
        break;
    case Kind::Finite:
        if (parts.mantissa >> 23)
            bits |= static_cast<uint32_t>(parts.exponent + 150) << 23;
        bits |= static_cast<uint32_t>(parts.mantissa) & ((uint32_t(1) << 23) - 1);
        break;
    }
    float value;
    __builtin_memcpy(&value, &bits, sizeof value);
    return value;
}

long double compose_long_double(const Parts& parts)
{
    Extended bits {};
    bits.sign_exponent = parts.negative ? 0x8000 : 0;
    switch (parts.kind) {
    case Kind::Zero:
        break;
    case Kind::Infinite:
        bits.sign_exponent |= 0x7fff;
        bits.mantissa = uint64_t(1) << 63;
        break;
    case Kind::NaN:
        bits.sign_exponent |= 0x7fff;
        bits.mantissa = uint64_t(3) << 62;
        break;
    case Kind::Finite:
        bits.mantissa = parts.mantissa;
        if (parts.mantissa >> 63)
            bits.sign_exponent |= static_cast<uint16_t>(parts.exponent + 16383 + 63);
        break;
    }
    long double value = 0;
    __builtin_memcpy(&value, &bits, 10);
    return value;
}

} // namespace banos::libc::floating
