#include "format.h"

#include <limits.h>
#include <stdint.h>

namespace banos::libc {

namespace {

constexpr unsigned flag_left = 1;
constexpr unsigned flag_zero = 2;
constexpr unsigned flag_plus = 4;
constexpr unsigned flag_space = 8;
constexpr unsigned flag_alternate = 16;

enum class Length { Default, Char, Short, Long, LongLong, Size, Max, Ptrdiff, LongDouble };

struct Spec {
    unsigned flags = 0;
    int64_t width = 0;      // 0: none
    int64_t precision = -1; // -1: none
    Length length = Length::Default;
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

size_t bounded_length(const char* string, int64_t precision)
{
    size_t length = 0;
    while ((precision < 0 || static_cast<int64_t>(length) < precision) && string[length] != '\0')
        ++length;
    return length;
}

// Text (for %s, %c and a null %p): padded with spaces to the width, on the
// left unless '-' (the '0' flag means nothing here).
void emit_text(Output& out, const Spec& spec, const char* text, size_t length)
{
    int64_t padding = spec.width - static_cast<int64_t>(length);
    if (!(spec.flags & flag_left))
        out.repeat(' ', padding);
    out.write(text, length);
    if (spec.flags & flag_left)
        out.repeat(' ', padding);
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
    int64_t padding = spec.width > body ? spec.width - body : 0;
    if (spec.flags & flag_left) {
        out.write(prefix, prefix_length);
        out.repeat('0', zeros);
        out.write(first_digit, digit_count);
        out.repeat(' ', padding);
    } else if ((spec.flags & flag_zero) && spec.precision < 0) {
        out.write(prefix, prefix_length);
        out.repeat('0', zeros + padding);
        out.write(first_digit, digit_count);
    } else {
        out.repeat(' ', padding);
        out.write(prefix, prefix_length);
        out.repeat('0', zeros);
        out.write(first_digit, digit_count);
    }
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

} // namespace

int format(FormatSink sink, void* context, const char* format, va_list arguments)
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
            else
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

        switch (*cursor) {
        case 'h':
            ++cursor;
            spec.length = Length::Short;
            if (*cursor == 'h') {
                ++cursor;
                spec.length = Length::Char;
            }
            break;
        case 'l':
            ++cursor;
            spec.length = Length::Long;
            if (*cursor == 'l') {
                ++cursor;
                spec.length = Length::LongLong;
            }
            break;
        case 'z':
            ++cursor;
            spec.length = Length::Size;
            break;
        case 'j':
            ++cursor;
            spec.length = Length::Max;
            break;
        case 't':
            ++cursor;
            spec.length = Length::Ptrdiff;
            break;
        case 'L':
            ++cursor;
            spec.length = Length::LongDouble;
            break;
        default:
            break;
        }

        char conversion = *cursor;
        if (conversion != '\0')
            ++cursor;
        switch (conversion) {
        case 'd':
        case 'i': {
            int64_t value;
            switch (spec.length) {
            case Length::Char:
                value = static_cast<signed char>(va_arg(arguments, int));
                break;
            case Length::Short:
                value = static_cast<short>(va_arg(arguments, int));
                break;
            case Length::Long:
                value = va_arg(arguments, long);
                break;
            case Length::LongLong:
                value = va_arg(arguments, long long);
                break;
            case Length::Size:
            case Length::Ptrdiff:
                value = va_arg(arguments, ptrdiff_t);
                break;
            case Length::Max:
                value = va_arg(arguments, intmax_t);
                break;
            default:
                value = va_arg(arguments, int);
                break;
            }
            bool negative = value < 0;
            uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
            emit_integer(out, spec, magnitude, negative, true, 10, false, false);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t value;
            switch (spec.length) {
            case Length::Char:
                value = static_cast<unsigned char>(va_arg(arguments, unsigned));
                break;
            case Length::Short:
                value = static_cast<unsigned short>(va_arg(arguments, unsigned));
                break;
            case Length::Long:
                value = va_arg(arguments, unsigned long);
                break;
            case Length::LongLong:
                value = va_arg(arguments, unsigned long long);
                break;
            case Length::Size:
                value = va_arg(arguments, size_t);
                break;
            case Length::Ptrdiff:
                value = static_cast<uint64_t>(va_arg(arguments, ptrdiff_t));
                break;
            case Length::Max:
                value = va_arg(arguments, uintmax_t);
                break;
            default:
                value = va_arg(arguments, unsigned);
                break;
            }
            unsigned base = conversion == 'u' ? 10 : conversion == 'o' ? 8 : 16;
            emit_integer(out, spec, value, false, false, base, conversion == 'X', false);
            break;
        }
        case 'p': {
            void* pointer = va_arg(arguments, void*);
            if (pointer == nullptr) {
                emit_text(out, spec, "(nil)", 5);
            } else {
                emit_integer(out, spec, reinterpret_cast<uintptr_t>(pointer), false, false, 16, false, true);
            }
            break;
        }
        case 'c': {
            char character = static_cast<char>(va_arg(arguments, int));
            emit_text(out, spec, &character, 1);
            break;
        }
        case 's': {
            const char* string = va_arg(arguments, const char*);
            if (string == nullptr)
                string = "(null)";
            emit_text(out, spec, string, bounded_length(string, spec.precision));
            break;
        }
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
        case 'A':
            // Not supported yet: keep the arguments in step, show the spec.
            if (spec.length == Length::LongDouble)
                (void)va_arg(arguments, long double);
            else
                (void)va_arg(arguments, double);
            out.write(spec_start, static_cast<size_t>(cursor - spec_start));
            break;
        default:
            // Unknown (or %n, which is not supported): written out as is.
            out.write(spec_start, static_cast<size_t>(cursor - spec_start));
            break;
        }
    }
    return out.total() > INT_MAX ? -1 : static_cast<int>(out.total());
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
