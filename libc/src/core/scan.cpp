#include "scan.h"

#include <stddef.h>
#include <stdint.h>

#include "character.h"
#include "length.h"
#include "parse_float.h"
#include "parse_integer.h"

namespace banos::libc {

namespace {

class Reader {
public:
    explicit Reader(const ScanSource& source) : source_(source) {}
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // The next character without taking it, or -1 at the end.
    int peek()
    {
        if (!has_lookahead_) {
            lookahead_ = source_.get(source_.context);
            has_lookahead_ = true;
        }
        return lookahead_;
    }

    // Takes the character peek returned.
    void advance()
    {
        has_lookahead_ = false;
        ++consumed_;
    }

    void release_lookahead()
    {
        if (has_lookahead_ && lookahead_ >= 0)
            source_.unget(source_.context, lookahead_);
        has_lookahead_ = false;
    }

    int64_t consumed() const { return consumed_; }

    void skip_space()
    {
        while (character::is_space(peek()))
            advance();
    }

private:
    const ScanSource& source_;
    int lookahead_ = -1;
    bool has_lookahead_ = false;
    int64_t consumed_ = 0;
};

// Characters of a number, taken from the reader while they may still form one.
class Token {
public:
    Token(Reader& reader, int64_t width) : reader_(reader), width_(width) {}

    int peek() { return width_ > 0 && length_ < capacity ? reader_.peek() : -1; }
    bool width_used() const { return width_ == 0; }

    void take()
    {
        text_[length_++] = static_cast<char>(reader_.peek());
        reader_.advance();
        --width_;
    }

    bool take_if(int wanted)
    {
        if (peek() != wanted)
            return false;
        take();
        return true;
    }

    // Takes the next character if it equals `lower` ignoring case.
    bool take_letter(char lower)
    {
        int c = peek();
        if (c < 0 || character::to_lower(c) != lower)
            return false;
        take();
        return true;
    }

    const char* text()
    {
        text_[length_] = '\0';
        return text_;
    }

private:
    static constexpr size_t capacity = 1023;
    Reader& reader_;
    int64_t width_;
    char text_[capacity + 1];
    size_t length_ = 0;
};

void collect_integer(Token& token, int base)
{
    if (token.peek() == '+' || token.peek() == '-')
        token.take();
    if ((base == 0 || base == 16) && token.take_if('0')) {
        if (token.take_letter('x'))
            base = 16;
        else if (base == 0)
            base = 8;
    }
    if (base == 0)
        base = 10;
    while (character::digit_value(token.peek()) < base)
        token.take();
}

// Takes the characters of a floating number the way glibc does; false
// when what was taken cannot be one whatever follows (an incomplete
// "infinity", "0x" without digits).
bool collect_float(Token& token)
{
    if (token.peek() == '+' || token.peek() == '-')
        token.take();
    int first = token.peek();
    if (first >= 0 && character::to_lower(first) == 'i') {
        for (const char* word = "inf"; *word != '\0'; ++word) {
            if (!token.take_letter(*word))
                return false;
        }
        if (token.take_letter('i')) {
            for (const char* word = "nity"; *word != '\0'; ++word) {
                if (!token.take_letter(*word))
                    return false;
            }
        }
        return true;
    }
    if (first >= 0 && character::to_lower(first) == 'n') {
        for (const char* word = "nan"; *word != '\0'; ++word) {
            if (!token.take_letter(*word))
                return false;
        }
        return true;
    }
    bool hex = false;
    if (token.take_if('0') && token.take_letter('x')) {
        hex = true;
        // "0x" and no digit to follow fails, unless the width ended it.
        if (!token.width_used() && !character::is_xdigit(token.peek()) && token.peek() != '.')
            return false;
    }
    auto is_digit = [&](int c) { return hex ? character::is_xdigit(c) : character::is_digit(c); };
    while (is_digit(token.peek()))
        token.take();
    if (token.take_if('.')) {
        while (is_digit(token.peek()))
            token.take();
    }
    if (token.take_letter(hex ? 'p' : 'e')) {
        if (token.peek() == '+' || token.peek() == '-')
            token.take();
        while (character::is_digit(token.peek()))
            token.take();
    }
    return true;
}

// A scan set, from just after "%[" to its closing ']'; returns the
// position after it (or nullptr when the format ends first).
const char* parse_set(const char* cursor, bool (&set)[256])
{
    bool negate = false;
    if (*cursor == '^') {
        negate = true;
        ++cursor;
    }
    bool members[256] = {};
    if (*cursor == ']') {
        members[static_cast<unsigned char>(']')] = true;
        ++cursor;
    }
    for (; *cursor != ']'; ++cursor) {
        if (*cursor == '\0')
            return nullptr;
        auto low = static_cast<unsigned char>(*cursor);
        if (cursor[1] == '-' && cursor[2] != ']' && cursor[2] != '\0') {
            auto high = static_cast<unsigned char>(cursor[2]);
            for (unsigned c = low; c <= high; ++c)
                members[c] = true;
            cursor += 2;
        } else {
            members[low] = true;
        }
    }
    for (unsigned c = 0; c < 256; ++c)
        set[c] = members[c] != negate;
    return cursor + 1;
}

} // namespace

int scan(const ScanSource& source, const char* format, va_list arguments_in)
{
    va_list arguments;
    va_copy(arguments, arguments_in);
    Reader reader(source);
    int assigned = 0;
    bool input_failure = false;
    const char* cursor = format;

    while (*cursor != '\0') {
        if (character::is_space(static_cast<unsigned char>(*cursor))) {
            while (character::is_space(static_cast<unsigned char>(*cursor)))
                ++cursor;
            reader.skip_space();
            continue;
        }
        if (*cursor != '%' || cursor[1] == '%') {
            if (*cursor == '%') {
                cursor += 1; // "%%": white space, then a '%'
                reader.skip_space();
            }
            int c = reader.peek();
            if (c < 0) {
                input_failure = true;
                break;
            }
            if (c != static_cast<unsigned char>(*cursor))
                break;
            reader.advance();
            ++cursor;
            continue;
        }

        ++cursor;
        bool suppress = false;
        if (*cursor == '*') {
            suppress = true;
            ++cursor;
        }
        int64_t width = 0;
        while (character::is_digit(*cursor)) {
            if (width < 1000000000)
                width = width * 10 + (*cursor - '0');
            ++cursor;
        }
        Length length = parse_length(cursor);
        char conversion = *cursor;
        if (conversion == '\0')
            break;
        ++cursor;
        int64_t limit = width > 0 ? width : INT64_MAX;
        bool matched = true;

        switch (conversion) {
        case 'n':
            if (!suppress)
                store_integer(arguments, length, static_cast<uint64_t>(reader.consumed()));
            break;

        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'p': {
            reader.skip_space();
            if (reader.peek() < 0) {
                input_failure = true;
                break;
            }
            int base = conversion == 'd' || conversion == 'u' ? 10
                : conversion == 'i'                          ? 0
                : conversion == 'o'                          ? 8
                                                             : 16;
            Token token(reader, limit);
            collect_integer(token, base);
            bool is_signed = conversion == 'd' || conversion == 'i';
            ParsedInteger parsed = parse_integer(token.text(), base, is_signed ? INT64_MIN : 0,
                is_signed ? static_cast<uint64_t>(INT64_MAX) : UINT64_MAX);
            if (parsed.end == token.text()) {
                matched = false;
                break;
            }
            if (!suppress) {
                if (conversion == 'p')
                    *va_arg(arguments, void**) = reinterpret_cast<void*>(static_cast<uintptr_t>(parsed.bits));
                else
                    store_integer(arguments, length, parsed.bits);
                ++assigned;
            }
            break;
        }

        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            reader.skip_space();
            if (reader.peek() < 0) {
                input_failure = true;
                break;
            }
            Token token(reader, limit);
            if (!collect_float(token)) {
                matched = false;
                break;
            }
            const floating::Format& target = length == Length::LongDouble ? floating::x87_extended
                : length == Length::Long                                 ? floating::binary64
                                                                         : floating::binary32;
            ParsedFloat parsed = parse_float(token.text(), target);
            if (parsed.end == token.text()) {
                matched = false;
                break;
            }
            if (!suppress) {
                if (length == Length::LongDouble)
                    *va_arg(arguments, long double*) = floating::compose_long_double(parsed.parts);
                else if (length == Length::Long)
                    *va_arg(arguments, double*) = floating::compose_double(parsed.parts);
                else
                    *va_arg(arguments, float*) = floating::compose_float(parsed.parts);
                ++assigned;
            }
            break;
        }

        case 'c':
        case 's':
        case '[': {
            bool set[256];
            if (conversion == '[') {
                cursor = parse_set(cursor, set);
                if (cursor == nullptr)
                    goto done;
            } else if (conversion == 's') {
                for (unsigned c = 0; c < 256; ++c)
                    set[c] = !character::is_space(static_cast<int>(c));
                reader.skip_space();
            } else {
                for (auto& member : set)
                    member = true;
                if (width == 0)
                    limit = 1;
            }
            if (reader.peek() < 0) {
                input_failure = true;
                break;
            }
            bool wide = length == Length::Long;
            char* narrow_out = nullptr;
            __WCHAR_TYPE__* wide_out = nullptr;
            if (!suppress) {
                if (wide)
                    wide_out = va_arg(arguments, __WCHAR_TYPE__*);
                else
                    narrow_out = va_arg(arguments, char*);
            }
            int64_t count = 0;
            for (; count < limit; ++count) {
                int c = reader.peek();
                if (c < 0 || !set[c])
                    break;
                if (wide_out != nullptr)
                    wide_out[count] = static_cast<__WCHAR_TYPE__>(c);
                else if (narrow_out != nullptr)
                    narrow_out[count] = static_cast<char>(c);
                reader.advance();
            }
            if (count == 0) {
                matched = false;
                break;
            }
            if (conversion != 'c') {
                if (wide_out != nullptr)
                    wide_out[count] = 0;
                else if (narrow_out != nullptr)
                    narrow_out[count] = '\0';
            }
            if (!suppress)
                ++assigned;
            break;
        }

        default:
            matched = false; // an unknown conversion ends the scan
            break;
        }
        if (input_failure || !matched)
            break;
    }
done:
    reader.release_lookahead();
    va_end(arguments);
    if (input_failure && assigned == 0)
        return -1;
    return assigned;
}

} // namespace banos::libc
