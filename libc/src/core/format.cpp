#include "format.h"

#include <limits.h>
#include <stdint.h>

#include "decimal.h"
#include "float_bits.h"
#include "length.h"

namespace banos::libc {

namespace {

constexpr unsigned flag_left = 1;
constexpr unsigned flag_zero = 2;
constexpr unsigned flag_plus = 4;
constexpr unsigned flag_space = 8;
constexpr unsigned flag_alternate = 16;

struct Spec {
    unsigned flags = 0;
    int64_t width = 0;      // 0: none
    int64_t precision = -1; // -1: none
    Length length = Length::Default;
    char conversion = 0;
};

class Output {
public:
    Output(FormatSink sink, void* context) : sink_(sink), context_(context) {}

    void write(const char* data, size_t length)
    {
        if (length == 0)
            return;
        sink_(context_, data, length);
        total_ += length;
    }

    void put(char character) { write(&character, 1); }

    void repeat(char character, int64_t count)
    {
        char chunk[64];
        for (auto& c : chunk)
            c = character;
        while (count > 0) {
            size_t piece = count > static_cast<int64_t>(sizeof chunk) ? sizeof chunk : static_cast<size_t>(count);
            write(chunk, piece);
            count -= static_cast<int64_t>(piece);
        }
    }

    uint64_t total() const { return total_; }

private:
    FormatSink sink_;
    void* context_;
    uint64_t total_ = 0;
};

// Collects characters into a small buffer and hands them on in pieces.
class Batch {
public:
    explicit Batch(Output& out) : out_(out) {}
    ~Batch() { flush(); }
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

    void put(char character)
    {
        if (used_ == sizeof buffer_)
            flush();
        buffer_[used_++] = character;
    }

    void flush()
    {
        out_.write(buffer_, used_);
        used_ = 0;
    }

private:
    Output& out_;
    char buffer_[128];
    size_t used_ = 0;
};

size_t bounded_length(const char* string, int64_t precision)
{
    size_t length = 0;
    while ((precision < 0 || static_cast<int64_t>(length) < precision) && string[length] != '\0')
        ++length;
    return length;
}

// Padding around a body of `length` characters: spaces before it (or after
// it with '-'); with '0' (and no '-'), zeros after the `prefix_length`
// characters of sign and 0x instead.
struct Padding {
    int64_t before = 0; // spaces
    int64_t zeros = 0;  // after the prefix
    int64_t after = 0;  // spaces
};

Padding pad(const Spec& spec, int64_t length, bool zero_allowed)
{
    Padding padding;
    int64_t room = spec.width > length ? spec.width - length : 0;
    if (spec.flags & flag_left)
        padding.after = room;
    else if ((spec.flags & flag_zero) && zero_allowed)
        padding.zeros = room;
    else
        padding.before = room;
    return padding;
}

// Text (for %s, %c and a null %p): the '0' flag means nothing here.
void emit_text(Output& out, const Spec& spec, const char* text, size_t length)
{
    Padding padding = pad(spec, static_cast<int64_t>(length), false);
    out.repeat(' ', padding.before);
    out.write(text, length);
    out.repeat(' ', padding.after);
}

// An integer: [spaces] [sign or 0x] [zeros] digits [spaces].
void emit_integer(Output& out, const Spec& spec, uint64_t magnitude, bool negative, bool is_signed, unsigned base,
    bool upper, bool pointer)
{
    const char* digit_set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24]; // 2^64 needs 22 octal digits
    size_t digit_count = 0;
    if (magnitude != 0 || spec.precision != 0) {
        do {
            digits[sizeof digits - 1 - digit_count++] = digit_set[magnitude % base];
            magnitude /= base;
        } while (magnitude != 0);
    }
    const char* first_digit = digits + sizeof digits - digit_count;

    char prefix[2];
    size_t prefix_length = 0;
    if (is_signed) {
        if (negative)
            prefix[prefix_length++] = '-';
        else if (spec.flags & flag_plus)
            prefix[prefix_length++] = '+';
        else if (spec.flags & flag_space)
            prefix[prefix_length++] = ' ';
    }
    bool nonzero = digit_count > 0 && !(digit_count == 1 && first_digit[0] == '0');
    if (base == 16 && (pointer || ((spec.flags & flag_alternate) && nonzero))) {
        prefix[prefix_length++] = '0';
        prefix[prefix_length++] = upper ? 'X' : 'x';
    }

    int64_t zeros = spec.precision > static_cast<int64_t>(digit_count)
        ? spec.precision - static_cast<int64_t>(digit_count)
        : 0;
    // '#' with 'o': the first digit must be a 0.
    if (base == 8 && (spec.flags & flag_alternate) && zeros == 0 && (digit_count == 0 || first_digit[0] != '0'))
        zeros = 1;

    int64_t body = static_cast<int64_t>(prefix_length) + zeros + static_cast<int64_t>(digit_count);
    Padding padding = pad(spec, body, spec.precision < 0);
    out.repeat(' ', padding.before);
    out.write(prefix, prefix_length);
    out.repeat('0', zeros + padding.zeros);
    out.write(first_digit, digit_count);
    out.repeat(' ', padding.after);
}

// The sign character of a floating conversion, or 0.
char sign_of(const Spec& spec, bool negative)
{
    if (negative)
        return '-';
    if (spec.flags & flag_plus)
        return '+';
    if (spec.flags & flag_space)
        return ' ';
    return 0;
}

void emit_special(Output& out, const Spec& spec, const floating::Parts& parts, bool upper)
{
    char text[4];
    size_t length = 0;
    if (char sign = sign_of(spec, parts.negative))
        text[length++] = sign;
    const char* word = parts.kind == floating::Kind::Infinite ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    for (int i = 0; i < 3; ++i)
        text[length++] = word[i];
    emit_text(out, spec, text, length);
}

// A decimal exponent: 'e', sign, at least two digits.
size_t exponent_text(char* text, char letter, int64_t exponent)
{
    size_t length = 0;
    text[length++] = letter;
    text[length++] = exponent < 0 ? '-' : '+';
    uint64_t magnitude = exponent < 0 ? static_cast<uint64_t>(-exponent) : static_cast<uint64_t>(exponent);
    char digits[24];
    size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (count < 2)
        digits[count++] = '0';
    while (count > 0)
        text[length++] = digits[--count];
    return length;
}

// %f %e %g (and their capitals) of a finite value or zero. Noinline: the
// exact expansion needs a few KiB of stack, only while it is in use.
__attribute__((noinline)) void emit_decimal(Output& out, const Spec& spec, const floating::Parts& parts)
{
    char conversion = spec.conversion;
    bool upper = conversion == 'F' || conversion == 'E' || conversion == 'G';
    char style = static_cast<char>(conversion | 0x20); // f, e or g
    int64_t precision = spec.precision < 0 ? 6 : spec.precision;
    bool alternate = (spec.flags & flag_alternate) != 0;

    ExactDecimal exact(parts.kind == floating::Kind::Zero ? 0 : parts.mantissa, parts.exponent);
    bool strip_zeros = false;
    if (style == 'g') {
        if (precision == 0)
            precision = 1;
        RoundedDecimal significant(exact, precision);
        int64_t exponent = parts.kind == floating::Kind::Zero ? 0 : significant.point() - 1;
        if (precision > exponent && exponent >= -4) {
            style = 'f';
            precision = precision - 1 - exponent;
        } else {
            style = 'e';
            precision = precision - 1;
        }
        strip_zeros = !alternate;
    }

    // The digits: `integer_digits` before the point (the rounded value's
    // digits from index integer_start), `fraction_digits` after it (from
    // index fraction_start; negative indexes are leading zeros).
    int64_t keep = style == 'f' ? exact.point() + precision : precision + 1;
    RoundedDecimal rounded(exact, keep);
    int64_t integer_digits;
    int64_t fraction_start;
    char exponent_buffer[24];
    size_t exponent_length = 0;
    if (style == 'f') {
        integer_digits = rounded.point() > 0 ? rounded.point() : 1;
        fraction_start = rounded.point();
    } else {
        integer_digits = 1;
        fraction_start = 1;
        int64_t exponent = parts.kind == floating::Kind::Zero ? 0 : rounded.point() - 1;
        exponent_length = exponent_text(exponent_buffer, upper ? 'E' : 'e', exponent);
    }
    int64_t fraction_digits = precision;
    if (strip_zeros) {
        while (fraction_digits > 0 && rounded.digit(fraction_start + fraction_digits - 1) == 0)
            --fraction_digits;
    }
    bool point = fraction_digits > 0 || alternate;

    char sign = sign_of(spec, parts.negative);
    int64_t length = (sign ? 1 : 0) + integer_digits + (point ? 1 : 0) + fraction_digits
        + static_cast<int64_t>(exponent_length);
    Padding padding = pad(spec, length, true);
    out.repeat(' ', padding.before);
    if (sign)
        out.put(sign);
    out.repeat('0', padding.zeros);
    {
        Batch batch(out);
        if (style == 'f' && rounded.point() <= 0) {
            batch.put('0');
        } else {
            for (int64_t i = 0; i < integer_digits; ++i)
                batch.put(static_cast<char>('0' + rounded.digit(i)));
        }
        if (point)
            batch.put('.');
        for (int64_t i = 0; i < fraction_digits; ++i) {
            int64_t index = fraction_start + i;
            batch.put(static_cast<char>('0' + (index < 0 ? 0 : rounded.digit(index))));
        }
    }
    out.write(exponent_buffer, exponent_length);
    out.repeat(' ', padding.after);
}

// %a and %A, as glibc prints them: a double as 0x1.<13 hex digits>p<e>
// (0x0.<...>p-1022 when subnormal), an x87 long double as 0x<leading 4
// bits>.<15 hex digits>p<e>; without a precision the trailing zeros go,
// with one the digits are rounded to nearest, ties to even.
void emit_hex(Output& out, const Spec& spec, const floating::Parts& parts, bool long_double)
{
    bool upper = spec.conversion == 'A';
    const char* digit_set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned leading = 0;
    uint64_t fraction = 0; // the fraction digits, left-aligned
    int fraction_count = 0;
    int64_t exponent = 0;
    if (parts.kind == floating::Kind::Finite) {
        if (long_double) {
            leading = static_cast<unsigned>(parts.mantissa >> 60);
            fraction = parts.mantissa << 4;
            fraction_count = 15;
            exponent = parts.exponent + 63 - 3;
        } else {
            leading = static_cast<unsigned>(parts.mantissa >> 52);
            fraction = parts.mantissa << 12;
            fraction_count = 13;
            exponent = parts.mantissa >> 52 ? parts.exponent + 52 : -1022;
        }
    }
    int digits = fraction_count;
    if (spec.precision < 0) {
        while (digits > 0 && ((fraction >> (64 - 4 * digits)) & 0xf) == 0)
            --digits;
    } else if (spec.precision < fraction_count) {
        digits = static_cast<int>(spec.precision);
        int shift = 64 - 4 * digits; // bits dropped
        uint64_t dropped = shift >= 64 ? fraction : fraction & ((uint64_t(1) << shift) - 1);
        uint64_t half = uint64_t(1) << (shift - 1);
        uint64_t kept = shift >= 64 ? 0 : fraction >> shift;
        unsigned last = digits > 0 ? static_cast<unsigned>(kept & 1) : (leading & 1);
        if (dropped > half || (dropped == half && last != 0)) {
            ++kept;
            if (digits == 0 || kept >> (4 * digits)) {
                kept = 0;
                if (++leading == 16) {
                    leading = 1;
                    exponent += 4;
                }
            }
        }
        fraction = digits == 0 ? 0 : kept << shift;
    } else {
        digits = static_cast<int>(spec.precision);
    }

    char text[32];
    size_t length = 0;
    text[length++] = digit_set[leading];
    bool point = digits > 0 || (spec.flags & flag_alternate);
    if (point)
        text[length++] = '.';
    int shown = digits < fraction_count ? digits : fraction_count;
    for (int i = 0; i < shown; ++i)
        text[length++] = digit_set[(fraction >> (60 - 4 * i)) & 0xf];
    int64_t trailing_zeros = digits - shown;
    char exponent_buffer[24];
    size_t exponent_length = exponent_text(exponent_buffer, upper ? 'P' : 'p', exponent);
    // The exponent of %a has no minimum width: drop exponent_text's padding 0.
    if (exponent_length == 4 && exponent_buffer[2] == '0') {
        exponent_buffer[2] = exponent_buffer[3];
        exponent_length = 3;
    }

    char sign = sign_of(spec, parts.negative);
    int64_t total = (sign ? 1 : 0) + 2 + static_cast<int64_t>(length) + trailing_zeros
        + static_cast<int64_t>(exponent_length);
    Padding padding = pad(spec, total, true);
    out.repeat(' ', padding.before);
    if (sign)
        out.put(sign);
    out.write(upper ? "0X" : "0x", 2);
    out.repeat('0', padding.zeros);
    out.write(text, length);
    out.repeat('0', trailing_zeros);
    out.write(exponent_buffer, exponent_length);
    out.repeat(' ', padding.after);
}

void emit_float(Output& out, const Spec& spec, const floating::Parts& parts, bool long_double)
{
    char conversion = spec.conversion;
    bool upper = conversion == 'F' || conversion == 'E' || conversion == 'G' || conversion == 'A';
    if (parts.kind == floating::Kind::Infinite || parts.kind == floating::Kind::NaN)
        emit_special(out, spec, parts, upper);
    else if (conversion == 'a' || conversion == 'A')
        emit_hex(out, spec, parts, long_double);
    else
        emit_decimal(out, spec, parts);
}

// Wide characters: only the ASCII range has a meaning in the "C" locale.
bool narrow(unsigned long wide, char& narrowed)
{
    if (wide >= 0x80)
        return false;
    narrowed = static_cast<char>(wide);
    return true;
}

// Reads a decimal number; false when it exceeds INT_MAX.
bool parse_decimal(const char*& cursor, int64_t& value)
{
    value = 0;
    while (*cursor >= '0' && *cursor <= '9') {
        value = value * 10 + (*cursor - '0');
        if (value > INT_MAX)
            return false;
        ++cursor;
    }
    return true;
}

// va_list is an array type on x86_64: passed by pointer so the callee's
// va_arg advances the caller's list.
using Arguments = va_list;

int64_t signed_argument(Arguments& arguments, Length length)
{
    switch (length) {
    case Length::Char:
        return static_cast<signed char>(va_arg(arguments, int));
    case Length::Short:
        return static_cast<short>(va_arg(arguments, int));
    case Length::Long:
        return va_arg(arguments, long);
    case Length::LongLong:
        return va_arg(arguments, long long);
    case Length::Size:
    case Length::Ptrdiff:
        return va_arg(arguments, ptrdiff_t);
    case Length::Max:
        return va_arg(arguments, intmax_t);
    default:
        return va_arg(arguments, int);
    }
}

uint64_t unsigned_argument(Arguments& arguments, Length length)
{
    switch (length) {
    case Length::Char:
        return static_cast<unsigned char>(va_arg(arguments, unsigned));
    case Length::Short:
        return static_cast<unsigned short>(va_arg(arguments, unsigned));
    case Length::Long:
        return va_arg(arguments, unsigned long);
    case Length::LongLong:
        return va_arg(arguments, unsigned long long);
    case Length::Size:
        return va_arg(arguments, size_t);
    case Length::Ptrdiff:
        return static_cast<uint64_t>(va_arg(arguments, ptrdiff_t));
    case Length::Max:
        return va_arg(arguments, uintmax_t);
    default:
        return va_arg(arguments, unsigned);
    }
}

int format_arguments(FormatSink sink, void* context, const char* format, Arguments& arguments)
{
    Output out(sink, context);
    const char* cursor = format;
    while (*cursor != '\0') {
        if (*cursor != '%') {
            const char* run = cursor;
            while (*cursor != '\0' && *cursor != '%')
                ++cursor;
            out.write(run, static_cast<size_t>(cursor - run));
            continue;
        }
        const char* spec_start = cursor++;
        Spec spec;

        for (;; ++cursor) {
            if (*cursor == '-')
                spec.flags |= flag_left;
            else if (*cursor == '0')
                spec.flags |= flag_zero;
            else if (*cursor == '+')
                spec.flags |= flag_plus;
            else if (*cursor == ' ')
                spec.flags |= flag_space;
            else if (*cursor == '#')
                spec.flags |= flag_alternate;
            else if (*cursor != '\'') // grouping: none in the "C" locale
                break;
        }

        if (*cursor == '*') {
            ++cursor;
            int64_t width = va_arg(arguments, int);
            if (width < 0) {
                spec.flags |= flag_left;
                width = -width;
                if (width > INT_MAX)
                    return -1;
            }
            spec.width = width;
        } else if (!parse_decimal(cursor, spec.width)) {
            return -1;
        }

        if (*cursor == '.') {
            ++cursor;
            if (*cursor == '*') {
                ++cursor;
                int precision = va_arg(arguments, int);
                spec.precision = precision < 0 ? -1 : precision;
            } else if (!parse_decimal(cursor, spec.precision)) {
                return -1;
            }
        }

        spec.length = parse_length(cursor);

        spec.conversion = *cursor;
        if (spec.conversion != '\0')
            ++cursor;
        switch (spec.conversion) {
        case 'd':
        case 'i': {
            int64_t value = signed_argument(arguments, spec.length);
            bool negative = value < 0;
            uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
            emit_integer(out, spec, magnitude, negative, true, 10, false, false);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t value = unsigned_argument(arguments, spec.length);
            unsigned base = spec.conversion == 'u' ? 10 : spec.conversion == 'o' ? 8 : 16;
            emit_integer(out, spec, value, false, false, base, spec.conversion == 'X', false);
            break;
        }
        case 'p': {
            void* pointer = va_arg(arguments, void*);
            if (pointer == nullptr) {
                Spec text = spec;
                text.precision = -1;
                emit_text(out, text, "(nil)", 5);
            } else {
                Spec number = spec;
                number.flags &= ~(flag_plus | flag_space);
                emit_integer(out, number, reinterpret_cast<uintptr_t>(pointer), false, false, 16, false, true);
            }
            break;
        }
        case 'c': {
            char character;
            if (spec.length == Length::Long) {
                if (!narrow(va_arg(arguments, unsigned), character))
                    return -1;
            } else {
                character = static_cast<char>(va_arg(arguments, int));
            }
            emit_text(out, spec, &character, 1);
            break;
        }
        case 's': {
            if (spec.length == Length::Long) {
                auto* wide = va_arg(arguments, const __WCHAR_TYPE__*);
                if (wide == nullptr) {
                    emit_text(out, spec, "(null)", spec.precision >= 0 && spec.precision < 6 ? 0 : 6);
                    break;
                }
                size_t length = 0;
                char ignored;
                while ((spec.precision < 0 || static_cast<int64_t>(length) < spec.precision) && wide[length] != 0) {
                    if (!narrow(static_cast<unsigned long>(wide[length]), ignored))
                        return -1;
                    ++length;
                }
                Padding padding = pad(spec, static_cast<int64_t>(length), false);
                out.repeat(' ', padding.before);
                {
                    Batch batch(out);
                    for (size_t i = 0; i < length; ++i)
                        batch.put(static_cast<char>(wide[i]));
                }
                out.repeat(' ', padding.after);
                break;
            }
            const char* string = va_arg(arguments, const char*);
            if (string == nullptr) // glibc prints "(null)", or nothing if the precision cuts it
                string = spec.precision >= 0 && spec.precision < 6 ? "" : "(null)";
            emit_text(out, spec, string, bounded_length(string, spec.precision));
            break;
        }
        case 'n':
            store_integer(arguments, spec.length, out.total());
            break;
        case '%':
            out.write("%", 1);
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            bool long_double = spec.length == Length::LongDouble;
            floating::Parts parts = long_double ? floating::decompose(va_arg(arguments, long double))
                                                : floating::decompose(va_arg(arguments, double));
            emit_float(out, spec, parts, long_double);
            break;
        }
        default:
            // Unknown: written out as is.
            out.write(spec_start, static_cast<size_t>(cursor - spec_start));
            break;
        }
    }
    return out.total() > INT_MAX ? -1 : static_cast<int>(out.total());
}

} // namespace

int format(FormatSink sink, void* context, const char* format, va_list arguments)
{
    va_list copy; // a va_list parameter is a pointer: the helpers take an array
    va_copy(copy, arguments);
    int result = format_arguments(sink, context, format, copy);
    va_end(copy);
    return result;
}

namespace {

struct BufferSink {
    char* buffer;
    size_t capacity; // room for characters, the NUL not counted
    size_t used;
};

void write_to_buffer(void* context, const char* data, size_t length)
{
    auto* sink = static_cast<BufferSink*>(context);
    size_t room = sink->capacity - sink->used;
    size_t piece = length < room ? length : room;
    for (size_t i = 0; i < piece; ++i)
        sink->buffer[sink->used + i] = data[i];
    sink->used += piece;
}

} // namespace

int format_to_buffer(char* buffer, size_t size, const char* format_string, va_list arguments)
{
    BufferSink sink { buffer, size > 0 ? size - 1 : 0, 0 };
    int result = format(write_to_buffer, &sink, format_string, arguments);
    if (size > 0)
        buffer[sink.used] = '\0';
    return result;
}

} // namespace banos::libc
