// strtol's parser (libc/src/core/parse_integer.cpp), checked against the
// host's strtol/strtoul and fixed expectations.
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "libc/src/core/parse_integer.h"

namespace libc = banos::libc;

namespace {

libc::ParsedInteger parse_long(const char* text, int base)
{
    return libc::parse_integer(text, base, LONG_MIN, LONG_MAX);
}

libc::ParsedInteger parse_unsigned_long(const char* text, int base)
{
    return libc::parse_integer(text, base, 0, ULONG_MAX);
}

} // namespace

TEST(ParseInteger, Basics)
{
    auto parsed = parse_long("  -1234xyz", 10);
    EXPECT_EQ(static_cast<long>(parsed.bits), -1234);
    EXPECT_STREQ(parsed.end, "xyz");
    EXPECT_EQ(parsed.error, libc::ParseError::None);

    parsed = parse_long("+77", 8);
    EXPECT_EQ(parsed.bits, 63u);
    parsed = parse_long("zz", 36);
    EXPECT_EQ(parsed.bits, 35u * 36 + 35);
}

TEST(ParseInteger, Prefixes)
{
    EXPECT_EQ(parse_long("0x1f", 0).bits, 31u);
    EXPECT_EQ(parse_long("0X1F", 16).bits, 31u);
    EXPECT_EQ(parse_long("017", 0).bits, 15u);
    EXPECT_EQ(parse_long("17", 0).bits, 17u);
    auto parsed = parse_long("0xg", 16);
    EXPECT_EQ(parsed.bits, 0u);
    EXPECT_STREQ(parsed.end, "xg");
    parsed = parse_long("0x", 0);
    EXPECT_EQ(parsed.bits, 0u);
    EXPECT_STREQ(parsed.end, "x");
}

TEST(ParseInteger, NoDigits)
{
    const char* text = "  -x";
    auto parsed = parse_long(text, 10);
    EXPECT_EQ(parsed.bits, 0u);
    EXPECT_EQ(parsed.end, text);
    EXPECT_EQ(parsed.error, libc::ParseError::None);
}

TEST(ParseInteger, InvalidBase)
{
    const char* text = "12";
    for (int base : { -1, 1, 37 }) {
        auto parsed = parse_long(text, base);
        EXPECT_EQ(parsed.error, libc::ParseError::InvalidBase);
        EXPECT_EQ(parsed.end, text);
    }
}

TEST(ParseInteger, Overflow)
{
    auto parsed = parse_long("9223372036854775808", 10);
    EXPECT_EQ(parsed.error, libc::ParseError::OutOfRange);
    EXPECT_EQ(static_cast<long>(parsed.bits), LONG_MAX);
    EXPECT_STREQ(parsed.end, "");
    parsed = parse_long("-9223372036854775809", 10);
    EXPECT_EQ(parsed.error, libc::ParseError::OutOfRange);
    EXPECT_EQ(static_cast<long>(parsed.bits), LONG_MIN);
    parsed = parse_long("-9223372036854775808", 10);
    EXPECT_EQ(parsed.error, libc::ParseError::None);
    EXPECT_EQ(static_cast<long>(parsed.bits), LONG_MIN);
    parsed = parse_unsigned_long("18446744073709551616", 10);
    EXPECT_EQ(parsed.error, libc::ParseError::OutOfRange);
    EXPECT_EQ(parsed.bits, ULONG_MAX);
    parsed = libc::parse_integer("2147483648", 10, INT_MIN, INT_MAX);
    EXPECT_EQ(parsed.error, libc::ParseError::OutOfRange);
    EXPECT_EQ(parsed.bits, static_cast<uint64_t>(INT_MAX));
}

TEST(ParseInteger, UnsignedNegation)
{
    auto parsed = parse_unsigned_long("-1", 10);
    EXPECT_EQ(parsed.bits, ULONG_MAX);
    EXPECT_EQ(parsed.error, libc::ParseError::None);
}

TEST(ParseInteger, MatchesHost)
{
    const char* inputs[] = { "0", "1", "-1", "  42", "\t\n+42abc", "0x7fffffffffffffff", "0x8000000000000000",
        "-0x8000000000000000", "-0x8000000000000001", "0777", "08", "0b101", "z", "-", "+", "", "  ",
        "123456789012345678901234567890", "-18446744073709551615", "18446744073709551615", "0x" };
    for (const char* input : inputs) {
        for (int base : { 0, 2, 8, 10, 16, 36 }) {
            char* host_end = nullptr;
            errno = 0;
            long host_signed = std::strtol(input, &host_end, base);
            bool host_range = errno == ERANGE;
            auto parsed = parse_long(input, base);
            EXPECT_EQ(static_cast<long>(parsed.bits), host_signed) << input << " base " << base;
            EXPECT_EQ(parsed.end, host_end) << input << " base " << base;
            EXPECT_EQ(parsed.error == libc::ParseError::OutOfRange, host_range) << input << " base " << base;

            errno = 0;
            unsigned long host_unsigned = std::strtoul(input, &host_end, base);
            host_range = errno == ERANGE;
            parsed = parse_unsigned_long(input, base);
            EXPECT_EQ(parsed.bits, host_unsigned) << input << " base " << base;
            EXPECT_EQ(parsed.end, host_end) << input << " base " << base;
            EXPECT_EQ(parsed.error == libc::ParseError::OutOfRange, host_range) << input << " base " << base;
        }
    }
}
