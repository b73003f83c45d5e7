// Decimal to binary in two steps: an approximation with 128-bit mantissas
// (within an ulp or so of the answer), then exact big-integer comparisons of
// the input with the halfway points around the candidate, moving it until
// the input lies between them (ties go to the even mantissa).
#include "parse_float.h"

#include <stddef.h>
#include <stdint.h>

#include "character.h"

namespace banos::libc {

namespace {

using u128 = unsigned __int128;
using floating::Format;
using floating::Kind;
using floating::Parts;

constexpr int max_digits = 800;

// Unsigned integers of up to capacity * 32 bits, enough for the largest
// comparison an x87 long double needs (about 17000 bits).
class BigInteger {
public:
    static constexpr size_t capacity = 600;

    void set(uint64_t value)
    {
        count_ = 0;
        while (value != 0) {
            limbs_[count_++] = static_cast<uint32_t>(value);
            value >>= 32;
        }
    }

    // factor < 2^96
    void multiply(u128 factor)
    {
        u128 carry = 0;
        for (size_t i = 0; i < count_; ++i) {
            u128 product = static_cast<u128>(limbs_[i]) * factor + carry;
            limbs_[i] = static_cast<uint32_t>(product);
            carry = product >> 32;
        }
        while (carry != 0 && count_ < capacity) {
            limbs_[count_++] = static_cast<uint32_t>(carry);
            carry >>= 32;
        }
    }

    void add(uint32_t value)
    {
        uint64_t carry = value;
        for (size_t i = 0; i < count_ && carry != 0; ++i) {
            uint64_t sum = uint64_t(limbs_[i]) + carry;
            limbs_[i] = static_cast<uint32_t>(sum);
            carry = sum >> 32;
        }
        if (carry != 0 && count_ < capacity)
            limbs_[count_++] = static_cast<uint32_t>(carry);
    }

    void multiply_power_of_five(int64_t power)
    {
        for (; power >= 27; power -= 27)
            multiply(static_cast<u128>(7450580596923828125ull)); // 5^27
        uint64_t rest = 1;
        while (power-- > 0)
            rest *= 5;
        if (rest != 1)
            multiply(rest);
    }

    void shift_left(int64_t bits)
    {
        if (count_ == 0 || bits <= 0)
            return;
        auto words = static_cast<size_t>(bits / 32);
        auto within = static_cast<unsigned>(bits % 32);
        if (count_ + words + 1 > capacity)
            words = capacity - count_ - 1; // cannot happen within the documented ranges
        limbs_[count_ + words] = 0;
        for (size_t i = count_; i-- > 0;) {
            uint64_t wide = uint64_t(limbs_[i]) << within;
            limbs_[i + words + 1] |= static_cast<uint32_t>(wide >> 32);
            limbs_[i + words] = static_cast<uint32_t>(wide);
        }
        for (size_t i = 0; i < words; ++i)
            limbs_[i] = 0;
        count_ += words + 1;
        while (count_ > 0 && limbs_[count_ - 1] == 0)
            --count_;
    }

    int compare(const BigInteger& other) const
    {
        if (count_ != other.count_)
            return count_ < other.count_ ? -1 : 1;
        for (size_t i = count_; i-- > 0;) {
            if (limbs_[i] != other.limbs_[i])
                return limbs_[i] < other.limbs_[i] ? -1 : 1;
        }
        return 0;
    }

    BigInteger& operator=(const BigInteger& other)
    {
        count_ = other.count_;
        for (size_t i = 0; i < count_; ++i)
            limbs_[i] = other.limbs_[i];
        return *this;
    }

    BigInteger() = default;
    BigInteger(const BigInteger&) = delete;

private:
    uint32_t limbs_[capacity];
    size_t count_ = 0;
};

// An approximation f * 2^e with f normalized (bit 127 set).
struct Wide {
    u128 f;
    int64_t e;
};

Wide normalize(u128 f, int64_t e)
{
    int shift = 0;
    while (!(f >> 127)) { // callers pass nonzero values
        f <<= 1;
        ++shift;
    }
    return { f, e - shift };
}

Wide multiply(const Wide& a, const Wide& b)
{
    uint64_t a0 = static_cast<uint64_t>(a.f), a1 = static_cast<uint64_t>(a.f >> 64);
    uint64_t b0 = static_cast<uint64_t>(b.f), b1 = static_cast<uint64_t>(b.f >> 64);
    u128 p00 = static_cast<u128>(a0) * b0;
    u128 p01 = static_cast<u128>(a0) * b1;
    u128 p10 = static_cast<u128>(a1) * b0;
    u128 p11 = static_cast<u128>(a1) * b1;
    u128 middle = (p00 >> 64) + static_cast<uint64_t>(p01) + static_cast<uint64_t>(p10);
    u128 high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
    int64_t e = a.e + b.e + 128;
    if (!(high >> 127)) {
        high = (high << 1) | (static_cast<uint64_t>(middle) >> 63);
        --e;
    }
    return { high, e };
}

// 10^power, to about 120 bits.
Wide power_of_ten(int64_t power)
{
    Wide result { u128(1) << 127, -127 };
    Wide square = power >= 0 ? Wide { u128(10) << 124, -124 } // 10
                             : Wide { (~u128(0) / 10) << 3, -131 }; // 0.1
    uint64_t remaining = static_cast<uint64_t>(power >= 0 ? power : -power);
    while (remaining != 0) {
        if (remaining & 1)
            result = multiply(result, square);
        remaining >>= 1;
        if (remaining != 0)
            square = multiply(square, square);
    }
    return result;
}

bool matches_word(const char*& cursor, const char* word)
{
    const char* probe = cursor;
    for (; *word != '\0'; ++word, ++probe) {
        if (character::to_lower(static_cast<unsigned char>(*probe)) != *word)
            return false;
    }
    cursor = probe;
    return true;
}

int hex_value(char c)
{
    int value = character::digit_value(c);
    return value < 16 ? value : -1;
}

// value, held within [-limit, limit]: an exponent far beyond any
// format's range still rounds the same, and sums of them cannot overflow.
int64_t clamp(int64_t value, int64_t limit)
{
    return value > limit ? limit : value < -limit ? -limit : value;
}

// An optional exponent: a letter, a sign, at least one digit. Clamped far
// beyond any format's range.
bool parse_exponent(const char*& cursor, char letter, int64_t& exponent)
{
    const char* probe = cursor;
    if (character::to_lower(static_cast<unsigned char>(*probe)) != letter)
        return false;
    ++probe;
    bool negative = false;
    if (*probe == '+' || *probe == '-')
        negative = *probe++ == '-';
    if (!character::is_digit(*probe))
        return false;
    int64_t value = 0;
    for (; character::is_digit(*probe); ++probe) {
        if (value < 1000000000)
            value = value * 10 + (*probe - '0');
    }
    exponent = negative ? -value : value;
    cursor = probe;
    return true;
}

// m (with `sticky` meaning "and a little more") * 2^e, rounded to the format.
Parts round_binary(bool negative, uint64_t m, int64_t e, bool sticky, const Format& format, bool& range_error)
{
    Parts parts;
    parts.negative = negative;
    if (m == 0)
        return parts;
    while (!(m >> 63)) {
        m <<= 1;
        --e;
    }
    int64_t drop = 64 - format.precision;
    int64_t k = e + drop;
    if (k < format.min_exponent) {
        drop += format.min_exponent - k;
        k = format.min_exponent;
    }
    u128 kept = drop >= 64 ? 0 : m >> drop;
    uint64_t rest = drop >= 64 ? m : drop == 0 ? 0 : m & ((uint64_t(1) << drop) - 1);
    bool inexact = rest != 0 || sticky;
    bool up = false;
    if (drop > 0 && drop <= 64) {
        uint64_t half = uint64_t(1) << (drop - 1);
        up = rest > half || (rest == half && (sticky || (kept & 1)));
    }
    if (up && ++kept == (u128(1) << format.precision)) {
        kept >>= 1;
        ++k;
    }
    if (k > format.max_exponent) {
        parts.kind = Kind::Infinite;
        range_error = true;
        return parts;
    }
    if (kept == 0) {
        range_error = true;
        return parts;
    }
    if (!(kept >> (format.precision - 1)) && inexact)
        range_error = true;
    parts.kind = Kind::Finite;
    parts.mantissa = static_cast<uint64_t>(kept);
    parts.exponent = static_cast<int>(k);
    return parts;
}

const char* parse_hex(const char* cursor, bool negative, const Format& format, ParsedFloat& result)
{
    uint64_t m = 0;
    int64_t e = 0;
    bool sticky = false;
    bool any = false;
    auto take = [&](int digit, bool fraction) {
        any = true;
        if (m >> 60) { // full: the digit only counts as nonzero or not
            sticky = sticky || digit != 0;
            if (!fraction)
                e += 4;
        } else {
            m = m * 16 + static_cast<uint64_t>(digit);
            if (fraction)
                e -= 4;
        }
    };
    for (; hex_value(*cursor) >= 0; ++cursor)
        take(hex_value(*cursor), false);
    if (*cursor == '.') {
        const char* after = cursor + 1;
        if (any || hex_value(*after) >= 0) {
            cursor = after;
            for (; hex_value(*cursor) >= 0; ++cursor)
                take(hex_value(*cursor), true);
        }
    }
    int64_t exponent = 0;
    if (parse_exponent(cursor, 'p', exponent))
        e += exponent;
    e = clamp(e, 100000);
    result.parts = round_binary(negative, m, e, sticky, format, result.range_error);
    return cursor;
}

class DecimalConverter {
public:
    DecimalConverter(const char* digits, int count, int64_t exponent, const Format& format)
        : exponent_(exponent), format_(format)
    {
        digits_.set(0);
        for (int i = 0; i < count;) {
            uint32_t chunk = 0;
            u128 scale = 1;
            for (int j = 0; j < 9 && i < count; ++j, ++i) {
                chunk = chunk * 10 + static_cast<uint32_t>(digits[i] - '0');
                scale *= 10;
            }
            digits_.multiply(scale);
            digits_.add(chunk);
        }
        if (exponent > 0)
            digits_.multiply_power_of_five(exponent);
        fives_.set(1);
        if (exponent < 0)
            fives_.multiply_power_of_five(-exponent);
    }

    // Compares the input with h * 2^j.
    int compare(u128 h, int64_t j)
    {
        left_ = digits_;
        right_ = fives_;
        right_.multiply(h);
        int64_t shift = j - exponent_;
        if (shift >= 0)
            right_.shift_left(shift);
        else
            left_.shift_left(-shift);
        return left_.compare(right_);
    }

private:
    // input = digits * 10^exponent; with 5^exponent moved to whichever
    // side keeps it an integer: digits_ = digits * 5^max(exponent, 0),
    // fives_ = 5^max(-exponent, 0); the powers of two are shifts.
    BigInteger digits_;
    BigInteger fives_;
    BigInteger left_;
    BigInteger right_;
    int64_t exponent_;
    const Format& format_;
};

// The correctly rounded value of digits * 10^exponent (digits: no leading
// or trailing zeros, at least one).
__attribute__((noinline)) Parts convert_decimal(bool negative, const char* digits, int count, int64_t exponent,
    const Format& format, bool& range_error)
{
    Parts parts;
    parts.negative = negative;
    if (count + exponent - 1 >= format.max_decimal_exponent) {
        parts.kind = Kind::Infinite;
        range_error = true;
        return parts;
    }
    if (count + exponent <= format.min_decimal_exponent) {
        range_error = true;
        return parts;
    }

    // The exact case most inputs are: few digits, a small power of ten.
    if (format.precision == 53 && count <= 15 && exponent >= -22 && exponent <= 22) {
        uint64_t value = 0;
        for (int i = 0; i < count; ++i)
            value = value * 10 + static_cast<uint64_t>(digits[i] - '0');
        double power = 1;
        for (int64_t i = 0; i < (exponent < 0 ? -exponent : exponent); ++i)
            power *= 10;
        double result = exponent < 0 ? static_cast<double>(value) / power : static_cast<double>(value) * power;
        parts = floating::decompose(result);
        parts.negative = negative;
        return parts;
    }

    // Step 1: the first 38 digits (exact in 128 bits) times 10^rest.
    int used = count < 38 ? count : 38;
    u128 leading = 0;
    for (int i = 0; i < used; ++i)
        leading = leading * 10 + static_cast<u128>(digits[i] - '0');
    Wide approximation = multiply(normalize(leading, 0), power_of_ten(exponent + (count - used)));

    const int p = format.precision;
    const u128 smallest_normal = u128(1) << (p - 1);
    const u128 limit = u128(1) << p;
    u128 m = approximation.f >> (128 - p);
    if ((approximation.f >> (127 - p)) & 1)
        ++m;
    int64_t k = approximation.e + (128 - p);
    if (m == limit) {
        m >>= 1;
        ++k;
    }
    if (k < format.min_exponent) {
        int64_t shift = format.min_exponent - k;
        m = shift >= 127 ? 0 : m >> shift;
        k = format.min_exponent;
    }
    if (k > format.max_exponent) {
        m = limit - 1;
        k = format.max_exponent;
    }

    // Step 2: move m * 2^k until the input is within half an ulp of it.
    DecimalConverter input(digits, count, exponent, format);
    for (int step = 0; step < 256; ++step) {
        int above = input.compare(2 * m + 1, k - 1);
        if (above > 0 || (above == 0 && (m & 1))) {
            if (++m == limit) {
                m = smallest_normal;
                if (++k > format.max_exponent) {
                    parts.kind = Kind::Infinite;
                    range_error = true;
                    return parts;
                }
            }
            continue;
        }
        if (m == 0)
            break;
        bool binade_bottom = m == smallest_normal && k > format.min_exponent;
        int below = binade_bottom ? input.compare(4 * m - 1, k - 2) : input.compare(2 * m - 1, k - 1);
        if (below < 0 || (below == 0 && (m & 1))) {
            if (binade_bottom) {
                m = limit - 1;
                --k;
            } else {
                --m;
            }
            continue;
        }
        break;
    }
    if (m == 0) {
        range_error = true;
        return parts;
    }
    if (m < smallest_normal && input.compare(m, k) != 0)
        range_error = true;
    parts.kind = Kind::Finite;
    parts.mantissa = static_cast<uint64_t>(m);
    parts.exponent = static_cast<int>(k);
    return parts;
}

} // namespace

ParsedFloat parse_float(const char* string, const Format& format)
{
    ParsedFloat result;
    result.end = string;
    const char* cursor = string;
    while (character::is_space(static_cast<unsigned char>(*cursor)))
        ++cursor;
    bool negative = false;
    if (*cursor == '+' || *cursor == '-')
        negative = *cursor++ == '-';
    result.parts.negative = negative;

    if (matches_word(cursor, "inf")) {
        matches_word(cursor, "inity");
        result.parts.kind = Kind::Infinite;
        result.end = cursor;
        return result;
    }
    if (matches_word(cursor, "nan")) {
        if (*cursor == '(') {
            const char* probe = cursor + 1;
            while (character::is_alnum(static_cast<unsigned char>(*probe)) || *probe == '_')
                ++probe;
            if (*probe == ')')
                cursor = probe + 1;
        }
        result.parts.kind = Kind::NaN;
        result.end = cursor;
        return result;
    }
    if (cursor[0] == '0' && (cursor[1] == 'x' || cursor[1] == 'X')
        && (hex_value(cursor[2]) >= 0 || (cursor[2] == '.' && hex_value(cursor[3]) >= 0))) {
        result.end = parse_hex(cursor + 2, negative, format, result);
        return result;
    }

    char digits[max_digits + 1];
    int count = 0;
    int64_t exponent = 0;
    bool any = false;
    bool sticky = false;
    for (; character::is_digit(*cursor); ++cursor) {
        any = true;
        if (count == 0 && *cursor == '0')
            continue;
        if (count < max_digits)
            digits[count++] = *cursor;
        else {
            sticky = sticky || *cursor != '0';
            ++exponent;
        }
    }
    if (*cursor == '.' && (any || character::is_digit(cursor[1]))) {
        for (++cursor; character::is_digit(*cursor); ++cursor) {
            any = true;
            if (count == 0 && *cursor == '0') {
                --exponent;
                continue;
            }
            if (count < max_digits) {
                digits[count++] = *cursor;
                --exponent;
            } else {
                sticky = sticky || *cursor != '0';
            }
        }
    }
    if (!any) {
        result.parts = Parts {}; // no number: +0, as glibc gives
        return result;
    }
    int64_t written = 0;
    if (parse_exponent(cursor, 'e', written))
        exponent += written;
    result.end = cursor;
    if (sticky) {
        digits[count++] = '1';
        --exponent;
    }
    while (count > 0 && digits[count - 1] == '0') {
        --count;
        ++exponent;
    }
    if (count == 0)
        return result; // zero, with its sign
    exponent = clamp(exponent, 1000000000);
    result.parts = convert_decimal(negative, digits, count, exponent, format, result.range_error);
    return result;
}

} // namespace banos::libc
