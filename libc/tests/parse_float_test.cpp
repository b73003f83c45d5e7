// strtod's parser (libc/src/core/parse_float.cpp) against the host's
// strtod, strtof and strtold (glibc, correctly rounded): round trips of
// random doubles, exact halfway points and their neighbours, long digit
// strings, hexadecimal input, and the edges of the grammar.
#include <gtest/gtest.h>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "libc/src/core/parse_float.h"

namespace libc = banos::libc;
namespace floating = banos::libc::floating;

namespace {

struct Result {
    uint64_t bits = 0;
    long double extended = 0;
    size_t consumed = 0;
    bool range_error = false;
};

uint64_t bits_of(double value)
{
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

uint32_t bits_of(float value)
{
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

Result ours_double(const std::string& text)
{
    libc::ParsedFloat parsed = libc::parse_float(text.c_str(), floating::binary64);
    double value = floating::compose_double(parsed.parts);
    return { std::isnan(value) ? 0x7ff8000000000000ull : bits_of(value), 0, static_cast<size_t>(parsed.end - text.c_str()),
        parsed.range_error };
}

Result host_double(const std::string& text)
{
    char* end;
    errno = 0;
    double value = std::strtod(text.c_str(), &end);
    return { std::isnan(value) ? 0x7ff8000000000000ull : bits_of(value), 0, static_cast<size_t>(end - text.c_str()),
        errno == ERANGE };
}

void expect_same_double(const std::string& text)
{
    Result ours = ours_double(text);
    Result host = host_double(text);
    ASSERT_EQ(ours.bits, host.bits) << text;
    ASSERT_EQ(ours.consumed, host.consumed) << text;
    ASSERT_EQ(ours.range_error, host.range_error) << text;
}

std::string printed(const char* format, double value)
{
    char buffer[2048];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

double from_bits(uint64_t bits)
{
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace

TEST(ParseFloat, Grammar)
{
    for (const char* text : { "", " ", "+", "-", ".", "e5", "1e", "1e+", "1e-x", "1.5e+3x", ".5", "5.", "-.5e-3",
             "  \t\n12", "0", "-0", "+0.0e0", "00012.500", "1,5", "inf", "-Inf", "INFINITY", "infinit", "infx", "nan",
             "-NaN", "nan(123abc)", "nan(", "nan(1", "nan()", "0x", "0x.", "0x.p1", "0x1p", "0x1p+", "0X1P-2",
             "0x1.8p1", "-0x.1", "0x1.fffffffffffffp1023", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075",
             "0x1p1024", "0xG", "1e400", "-1e400", "1e-400", "1e-320", "4.9406564584124654e-324",
             "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072011e-308",
             "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308",
             "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999",
             "123456789012345678901234567890", "0.000000000000000000000000000000000000000001e42", "1e1000000000000",
             "1e-1000000000000", "0e999999", "9007199254740993", "9007199254740993.0000000000000000001" })
        expect_same_double(text);
}

TEST(ParseFloat, RoundTripsRandomDoubles)
{
    std::mt19937_64 random(1);
    for (int i = 0; i < 100000; ++i) {
        double value = from_bits(random());
        if (std::isnan(value))
            continue;
        std::string text = printed("%.17g", value);
        Result ours = ours_double(text);
        ASSERT_EQ(ours.bits, bits_of(value)) << text;
        expect_same_double(printed("%.15g", value));
        expect_same_double(printed("%.25e", value));
    }
}

TEST(ParseFloat, HalfwayPointsAndNeighbours)
{
    // The exact decimal expansion of the point halfway between two
    // neighbouring doubles (exact in long double), and strings just off it.
    std::mt19937_64 random(2);
    for (int i = 0; i < 3000; ++i) {
        double low = from_bits(random() & 0x7fefffffffffffffull);
        double high = std::nextafter(low, INFINITY);
        long double middle = (static_cast<long double>(low) + high) / 2;
        char buffer[1400];
        std::snprintf(buffer, sizeof buffer, "%.1100Le", middle);
        std::string exact = buffer;
        // Trim the zeros after the last significant digit.
        size_t e = exact.find('e');
        std::string mantissa = exact.substr(0, e);
        std::string exponent = exact.substr(e);
        while (mantissa.back() == '0')
            mantissa.pop_back();
        expect_same_double(mantissa + exponent);
        expect_same_double(mantissa + "1" + exponent);
        std::string lower = mantissa;
        for (size_t k = lower.size(); k-- > 0;) {
            if (lower[k] == '.')
                continue;
            if (lower[k] > '0') {
                --lower[k];
                break;
            }
            lower[k] = '9';
        }
        expect_same_double(lower + "9999" + exponent);
    }
}

TEST(ParseFloat, SubnormalsAndLimits)
{
    std::mt19937_64 random(3);
    for (int i = 0; i < 20000; ++i) {
        double value = from_bits(random() & 0x000fffffffffffffull); // subnormal
        expect_same_double(printed("%.17g", value));
        expect_same_double(printed("%.5g", value));
        expect_same_double(printed("%.3e", value * (1 + 1e-3)));
    }
    for (double value : { DBL_MAX, DBL_MIN, DBL_TRUE_MIN, DBL_EPSILON })
        for (const char* format : { "%.17g", "%.20e", "%.40e", "%.0e" })
            expect_same_double(printed(format, value));
}

TEST(ParseFloat, LongDigitStrings)
{
    std::mt19937_64 random(4);
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        int digits = 1 + static_cast<int>(random() % 1200);
        for (int d = 0; d < digits; ++d)
            text.push_back(static_cast<char>('0' + random() % 10));
        if (random() % 2)
            text.insert(text.begin() + static_cast<long>(random() % text.size()), '.');
        text += "e" + std::to_string(static_cast<int>(random() % 700) - 350 - digits / 2);
        expect_same_double(text);
    }
}

TEST(ParseFloat, HexadecimalInput)
{
    std::mt19937_64 random(5);
    for (int i = 0; i < 20000; ++i) {
        char buffer[128];
        int digits = static_cast<int>(random() % 20);
        std::string text = "0x1.";
        for (int d = 0; d < digits; ++d)
            text.push_back("0123456789abcdef"[random() % 16]);
        std::snprintf(buffer, sizeof buffer, "p%d", static_cast<int>(random() % 2200) - 1100);
        expect_same_double(text + buffer);
    }
}

TEST(ParseFloat, FloatsMatchStrtof)
{
    std::mt19937_64 random(6);
    for (int i = 0; i < 50000; ++i) {
        std::string text;
        if (i % 2 == 0) {
            text = printed("%.9g", static_cast<double>(from_bits(random())));
        } else {
            double value = static_cast<double>(random() % 100000000) * std::pow(10.0, static_cast<int>(random() % 100) - 60);
            text = printed("%.12g", value);
        }
        libc::ParsedFloat parsed = libc::parse_float(text.c_str(), floating::binary32);
        float value = floating::compose_float(parsed.parts);
        errno = 0;
        char* end;
        float expected = std::strtof(text.c_str(), &end);
        if (std::isnan(expected))
            continue;
        ASSERT_EQ(bits_of(value), bits_of(expected)) << text;
        ASSERT_EQ(parsed.end, end) << text;
    }
}

TEST(ParseFloat, LongDoublesMatchStrtold)
{
    std::mt19937_64 random(7);
    for (int i = 0; i < 30000; ++i) {
        char text[128];
        long double value = static_cast<long double>(from_bits(random())) * std::pow(10.0L, static_cast<int>(random() % 8000) - 4000);
        std::snprintf(text, sizeof text, i % 2 ? "%.21Lg" : "%.25Le", value);
        libc::ParsedFloat parsed = libc::parse_float(text, floating::x87_extended);
        long double ours = floating::compose_long_double(parsed.parts);
        long double expected = std::strtold(text, nullptr);
        if (std::isnan(expected))
            continue;
        ASSERT_EQ(std::memcmp(&ours, &expected, 10), 0) << text;
    }
}
