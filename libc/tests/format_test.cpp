// The printf engine (libc/src/core/format.cpp), checked against fixed
// expectations and, for the conversions both support the same way, against
// the host's vsnprintf over a grid of flags, widths and precisions.
#include <gtest/gtest.h>

#include <climits>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "libc/src/core/format.h"

namespace libc = banos::libc;

namespace {

void append(void* context, const char* data, size_t length)
{
    static_cast<std::string*>(context)->append(data, length);
}

struct Result {
    std::string text;
    int length;
};

Result ours(const char* format, ...)
{
    Result result;
    va_list arguments;
    va_start(arguments, format);
    result.length = libc::format(append, &result.text, format, arguments);
    va_end(arguments);
    return result;
}

std::string host(const char* format, ...)
{
    std::vector<char> buffer(16384);
    va_list arguments;
    va_start(arguments, format);
    int length = std::vsnprintf(buffer.data(), buffer.size(), format, arguments);
    va_end(arguments);
    EXPECT_GE(length, 0);
    EXPECT_LT(length, static_cast<int>(buffer.size()));
    return std::string(buffer.data(), static_cast<size_t>(length));
}

int to_buffer(char* buffer, size_t size, const char* format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = libc::format_to_buffer(buffer, size, format, arguments);
    va_end(arguments);
    return length;
}

#define EXPECT_FORMAT(expected, ...)                                      \
    do {                                                                  \
        Result result_ = ours(__VA_ARGS__);                               \
        EXPECT_EQ(result_.text, expected);                                \
        EXPECT_EQ(result_.length, static_cast<int>(result_.text.size())); \
    } while (0)

// Every combination of flags, width and precision for one conversion.
template<typename T>
void compare_grid(const char* length_modifier, const char* conversions, std::initializer_list<T> values)
{
    const char* flag_sets[] = { "", "-", "0", "+", " ", "#", "-0", "+0", "-+", " 0", "#0", "-#", "+ ", "-+ #0" };
    const char* widths[] = { "", "1", "5", "12", "25" };
    const char* precisions[] = { "", ".", ".0", ".1", ".3", ".10", ".22" };
    for (const char* conversion = conversions; *conversion != '\0'; ++conversion) {
        for (const char* flags : flag_sets) {
            for (const char* width : widths) {
                for (const char* precision : precisions) {
                    std::string format = std::string("[%") + flags + width + precision + length_modifier
                        + *conversion + "]";
                    for (T value : values) {
                        Result result = ours(format.c_str(), value);
                        std::string expected = host(format.c_str(), value);
                        ASSERT_EQ(result.text, expected) << "format " << format << " value " << value;
                        ASSERT_EQ(result.length, static_cast<int>(expected.size()));
                    }
                }
            }
        }
    }
}

} // namespace

TEST(Format, PlainText)
{
    EXPECT_FORMAT("", "");
    EXPECT_FORMAT("hello, world\n", "hello, world\n");
    EXPECT_FORMAT("100%", "100%%");
}

TEST(Format, Integers)
{
    EXPECT_FORMAT("42 -42 0", "%d %i %d", 42, -42, 0);
    EXPECT_FORMAT("-2147483648 2147483647", "%d %d", INT_MIN, INT_MAX);
    EXPECT_FORMAT("4294967295 ffffffff FFFFFFFF 37777777777", "%u %x %X %o", UINT_MAX, UINT_MAX, UINT_MAX, UINT_MAX);
    EXPECT_FORMAT("-9223372036854775808", "%lld", LLONG_MIN);
    EXPECT_FORMAT("18446744073709551615", "%llu", ULLONG_MAX);
    EXPECT_FORMAT("1777777777777777777777", "%lo", ULONG_MAX);
}

TEST(Format, LengthModifiers)
{
    EXPECT_FORMAT("-1 255", "%hhd %hhu", 255, 255);
    EXPECT_FORMAT("-1 65535", "%hd %hu", 65535, 65535);
    EXPECT_FORMAT("-5 5", "%ld %lu", -5L, 5UL);
    EXPECT_FORMAT("18446744073709551615 -1", "%zu %zd", SIZE_MAX, static_cast<ptrdiff_t>(-1));
    EXPECT_FORMAT("-7 7", "%jd %ju", static_cast<intmax_t>(-7), static_cast<uintmax_t>(7));
    EXPECT_FORMAT("-3 fffffffffffffffd", "%td %tx", static_cast<ptrdiff_t>(-3), static_cast<ptrdiff_t>(-3));
}

TEST(Format, FlagsWidthPrecision)
{
    EXPECT_FORMAT("[   42]", "[%5d]", 42);
    EXPECT_FORMAT("[42   ]", "[%-5d]", 42);
    EXPECT_FORMAT("[00042]", "[%05d]", 42);
    EXPECT_FORMAT("[-0042]", "[%05d]", -42);
    EXPECT_FORMAT("[  042]", "[%05.3d]", 42);
    EXPECT_FORMAT("[+42]", "[%+d]", 42);
    EXPECT_FORMAT("[ 42]", "[% d]", 42);
    EXPECT_FORMAT("[0x2a]", "[%#x]", 42);
    EXPECT_FORMAT("[0X2A]", "[%#X]", 42);
    EXPECT_FORMAT("[0]", "[%#x]", 0);
    EXPECT_FORMAT("[052]", "[%#o]", 42);
    EXPECT_FORMAT("[0]", "[%#o]", 0);
    EXPECT_FORMAT("[0]", "[%#.0o]", 0);
    EXPECT_FORMAT("[]", "[%.0d]", 0);
    EXPECT_FORMAT("[     ]", "[%5.0d]", 0);
    EXPECT_FORMAT("[0x00002a]", "[%#08x]", 42);
}

TEST(Format, StarWidthAndPrecision)
{
    EXPECT_FORMAT("[   42]", "[%*d]", 5, 42);
    EXPECT_FORMAT("[42   ]", "[%*d]", -5, 42);
    EXPECT_FORMAT("[00042]", "[%.*d]", 5, 42);
    EXPECT_FORMAT("[42]", "[%.*d]", -5, 42);
    EXPECT_FORMAT("[  abc]", "[%*.*s]", 5, 3, "abcdef");
}

TEST(Format, CharactersAndStrings)
{
    EXPECT_FORMAT("x", "%c", 'x');
    EXPECT_FORMAT("[  x]", "[%3c]", 'x');
    EXPECT_FORMAT("[x  ]", "[%-3c]", 'x');
    EXPECT_FORMAT("[  x]", "[%03c]", 'x');
    EXPECT_FORMAT("hello", "%s", "hello");
    EXPECT_FORMAT("[  hello]", "[%7s]", "hello");
    EXPECT_FORMAT("[hello  ]", "[%-7s]", "hello");
    EXPECT_FORMAT("[hel]", "[%.3s]", "hello");
    EXPECT_FORMAT("(null)", "%s", static_cast<const char*>(nullptr));
}

TEST(Format, PrecisionBoundsStringReads)
{
    // With a precision, %s must not read past it: no NUL in this array.
    const char bytes[3] = { 'a', 'b', 'c' };
    EXPECT_FORMAT("abc", "%.3s", bytes);
    EXPECT_FORMAT("ab", "%.*s", 2, bytes);
}

TEST(Format, Pointers)
{
    int object = 0;
    void* pointer = &object;
    EXPECT_EQ(ours("%p", pointer).text, host("%p", pointer));
    EXPECT_EQ(ours("[%20p]", pointer).text, host("[%20p]", pointer));
    EXPECT_EQ(ours("[%-20p]", pointer).text, host("[%-20p]", pointer));
    EXPECT_FORMAT("0x1000", "%p", reinterpret_cast<void*>(0x1000));
    EXPECT_FORMAT("(nil)", "%p", static_cast<void*>(nullptr));
    EXPECT_FORMAT("[   (nil)]", "[%8p]", static_cast<void*>(nullptr));
}

TEST(Format, FloatingArgumentsStayInStep)
{
    EXPECT_FORMAT("1.500000 7", "%f %d", 1.5, 7);
    EXPECT_FORMAT("1.50e+00 7", "%.2e %d", 1.5, 7);
    EXPECT_FORMAT("1.5 7", "%Lg %d", 1.5L, 7);
    EXPECT_FORMAT("%y", "%y");
    EXPECT_FORMAT("abc%", "abc%");
}

TEST(Format, OverlongWidthIsAnError)
{
    EXPECT_EQ(ours("%2147483648d", 1).length, -1);
    EXPECT_EQ(ours("%.2147483648d", 1).length, -1);
}

TEST(Format, MatchesHostForSignedIntegers)
{
    compare_grid<int>("", "di", { 0, 1, -1, 42, -42, 1234567, INT_MAX, INT_MIN });
    compare_grid<long>("l", "d", { 0L, -1L, LONG_MAX, LONG_MIN });
}

TEST(Format, MatchesHostForUnsignedIntegers)
{
    compare_grid<unsigned>("", "uxXo", { 0U, 1U, 8U, 42U, 0xdeadbeefU, UINT_MAX });
    compare_grid<unsigned long long>("ll", "uxXo", { 0ULL, 1ULL, ULLONG_MAX });
}

TEST(Format, MatchesHostForStrings)
{
    compare_grid<const char*>("", "s", { "", "a", "hello", "a longer string than any width" });
}

TEST(Format, MatchesHostForCharacters)
{
    const char* formats[] = { "[%c]", "[%5c]", "[%-5c]", "[%05c]", "[%.0c]" };
    for (const char* format : formats) {
        for (int character : { 'a', ' ', '~' })
            EXPECT_EQ(ours(format, character).text, host(format, character)) << format;
    }
}

TEST(FormatToBuffer, TruncatesAndTerminates)
{
    char buffer[8];
    EXPECT_EQ(to_buffer(buffer, sizeof buffer, "%s", "hello, world"), 12);
    EXPECT_STREQ(buffer, "hello, ");
    EXPECT_EQ(to_buffer(buffer, sizeof buffer, "%d", 42), 2);
    EXPECT_STREQ(buffer, "42");
    EXPECT_EQ(to_buffer(buffer, 1, "%d", 42), 2);
    EXPECT_STREQ(buffer, "");
}

TEST(FormatToBuffer, SizeZeroWritesNothing)
{
    char canary = 'x';
    EXPECT_EQ(to_buffer(&canary, 0, "%s", "hello"), 5);
    EXPECT_EQ(canary, 'x');
    EXPECT_EQ(to_buffer(nullptr, 0, "%d%d", 12, 345), 5);
}

TEST(FormatToBuffer, LongOutput)
{
    std::vector<char> buffer(1000);
    EXPECT_EQ(to_buffer(buffer.data(), buffer.size(), "%500d|%-400s|", 7, "x"), 902);
    std::string text(buffer.data());
    EXPECT_EQ(text.size(), 902u);
    EXPECT_EQ(text.substr(495, 6), "    7|");
    EXPECT_EQ(text.back(), '|');
}
