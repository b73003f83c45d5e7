// <math.h>'s functions (libc/src/core/math.cpp) against glibc's: exact
// ones bit for bit, transcendental ones within a few ulps over wide
// ranges, and the special cases of C17 Annex F.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "libc/src/core/math.h"

namespace m = banos::libc::math;

namespace {

int64_t ordered(double value)
{
    int64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits < 0 ? INT64_MIN - bits : bits;
}

// The distance in units in the last place (NaNs equal each other).
uint64_t ulps(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b) ? 0 : UINT64_MAX;
    if (a == b)
        return 0;
    int64_t x = ordered(a), y = ordered(b);
    return x > y ? static_cast<uint64_t>(x) - static_cast<uint64_t>(y) : static_cast<uint64_t>(y) - static_cast<uint64_t>(x);
}

bool same(double a, double b)
{
    if (std::isnan(a))
        return std::isnan(b);
    return std::memcmp(&a, &b, sizeof a) == 0;
}

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

} // namespace

TEST(Math, ExactFunctionsBitForBit)
{
    std::mt19937_64 random(41);
    std::vector<double> values = { 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 4503599627370495.5,
        4503599627370496.0, -4503599627370497.0, 1e300, -1e-300, DBL_TRUE_MIN, infinity, -infinity, not_a_number };
    for (int i = 0; i < 100000; ++i) {
        uint64_t bits = random();
        double value;
        std::memcpy(&value, &bits, sizeof value);
        values.push_back(value);
        values.push_back(static_cast<double>(static_cast<int64_t>(random() % 2000000) - 1000000) / 8.0);
    }
    for (double x : values) {
        ASSERT_TRUE(same(m::fabs(x), std::fabs(x))) << x;
        ASSERT_TRUE(same(m::floor(x), std::floor(x))) << x;
        ASSERT_TRUE(same(m::ceil(x), std::ceil(x))) << x;
        ASSERT_TRUE(same(m::trunc(x), std::trunc(x))) << x;
        ASSERT_TRUE(same(m::round(x), std::round(x))) << x;
        ASSERT_TRUE(same(m::rint(x), std::rint(x))) << x;
        ASSERT_TRUE(same(m::sqrt(x), std::sqrt(x))) << x;
        int ours_exponent, host_exponent;
        ASSERT_TRUE(same(m::frexp(x, &ours_exponent), std::frexp(x, &host_exponent))) << x;
        if (std::isfinite(x)) {
            ASSERT_EQ(ours_exponent, host_exponent) << x;
        }
        double ours_whole, host_whole;
        ASSERT_TRUE(same(m::modf(x, &ours_whole), std::modf(x, &host_whole))) << x;
        ASSERT_TRUE(same(ours_whole, host_whole)) << x;
        double y = values[static_cast<size_t>(random() % values.size())];
        ASSERT_TRUE(same(m::fmod(x, y), std::fmod(x, y))) << x << " " << y;
        ASSERT_TRUE(same(m::copysign(x, y), std::copysign(x, y)));
        int shift = static_cast<int>(random() % 4200) - 2100;
        ASSERT_TRUE(same(m::ldexp(x, shift), std::ldexp(x, shift))) << x << " " << shift;
    }
}

TEST(Math, TranscendentalWithinAFewUlps)
{
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> unit(-1, 1);
    auto exponential = [&](double low, double high) {
        double magnitude = std::exp(std::uniform_real_distribution<double>(std::log(low), std::log(high))(random));
        return random() % 2 ? magnitude : -magnitude;
    };
    for (int i = 0; i < 50000; ++i) {
        double x = exponential(1e-300, 1e300);
        double small = exponential(1e-20, 700);
        double angle = exponential(1e-10, 1e6);
        double positive = std::fabs(x);
        ASSERT_LE(ulps(m::exp(small), std::exp(small)), 2u) << small;
        ASSERT_LE(ulps(m::exp2(small), std::exp2(small)), 2u) << small;
        ASSERT_LE(ulps(m::expm1(small), std::expm1(small)), 2u) << small;
        ASSERT_LE(ulps(m::log(positive), std::log(positive)), 2u) << positive;
        ASSERT_LE(ulps(m::log2(positive), std::log2(positive)), 2u) << positive;
        ASSERT_LE(ulps(m::log10(positive), std::log10(positive)), 2u) << positive;
        ASSERT_LE(ulps(m::log1p(std::fabs(small)), std::log1p(std::fabs(small))), 2u) << small;
        ASSERT_LE(ulps(m::sin(angle), std::sin(angle)), 4u) << angle;
        ASSERT_LE(ulps(m::cos(angle), std::cos(angle)), 4u) << angle;
        ASSERT_LE(ulps(m::tan(angle), std::tan(angle)), 4u) << angle;
        ASSERT_LE(ulps(m::atan(x), std::atan(x)), 2u) << x;
        double y = exponential(1e-300, 1e300);
        ASSERT_LE(ulps(m::atan2(y, x), std::atan2(y, x)), 2u) << y << " " << x;
        double u = unit(random);
        ASSERT_LE(ulps(m::asin(u), std::asin(u)), 2u) << u;
        ASSERT_LE(ulps(m::acos(u), std::acos(u)), 2u) << u;
        ASSERT_LE(ulps(m::sinh(small / 2), std::sinh(small / 2)), 3u) << small;
        ASSERT_LE(ulps(m::cosh(small / 2), std::cosh(small / 2)), 3u) << small;
        ASSERT_LE(ulps(m::tanh(small / 40), std::tanh(small / 40)), 3u) << small;
        ASSERT_LE(ulps(m::hypot(x, y), std::hypot(x, y)), 1u) << x << " " << y;
        // glibc's own cbrt can be 3 ulps off: compare with its long double one.
        ASSERT_LE(ulps(m::cbrt(x), static_cast<double>(std::cbrt(static_cast<long double>(x)))), 1u) << std::hexfloat << x;
        double base = exponential(1e-10, 1e10);
        double power = std::uniform_real_distribution<double>(-30, 30)(random);
        ASSERT_LE(ulps(m::pow(std::fabs(base), power), std::pow(std::fabs(base), power)), 2u) << base << " " << power;
        double integer_power = static_cast<double>(static_cast<int>(random() % 40) - 20);
        ASSERT_LE(ulps(m::pow(base, integer_power), std::pow(base, integer_power)), 2u) << base << " " << integer_power;
    }
    // Exact results stay exact.
    EXPECT_EQ(m::pow(10, 15), 1e15);
    EXPECT_EQ(m::pow(2, -3), 0.125);
    EXPECT_EQ(m::pow(-3, 3), -27.0);
    EXPECT_EQ(m::sqrt(2) * m::sqrt(2), 2.0000000000000004);
    EXPECT_EQ(m::exp(0), 1.0);
    EXPECT_EQ(m::log(1), 0.0);
}

TEST(Math, SpecialCasesMatchHost)
{
    const double specials[] = { 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 1e308, -1e308, DBL_TRUE_MIN,
        infinity, -infinity, not_a_number };
    for (double x : specials) {
        for (double y : specials) {
            ASSERT_TRUE(same(m::pow(x, y), std::pow(x, y))) << "pow " << x << " " << y;
            ASSERT_TRUE(same(m::atan2(x, y), std::atan2(x, y))) << "atan2 " << x << " " << y;
            ASSERT_TRUE(same(m::hypot(x, y), std::hypot(x, y))) << "hypot " << x << " " << y;
            ASSERT_TRUE(same(m::fmod(x, y), std::fmod(x, y))) << "fmod " << x << " " << y;
        }
        for (auto [ours, host, name] : { std::tuple { m::exp(x), std::exp(x), "exp" }, { m::log(x), std::log(x), "log" },
                 { m::log10(x), std::log10(x), "log10" }, { m::sin(x), std::sin(x), "sin" },
                 { m::cos(x), std::cos(x), "cos" }, { m::tan(x), std::tan(x), "tan" }, { m::atan(x), std::atan(x), "atan" },
                 { m::asin(x), std::asin(x), "asin" }, { m::acos(x), std::acos(x), "acos" },
                 { m::sinh(x), std::sinh(x), "sinh" }, { m::cosh(x), std::cosh(x), "cosh" },
                 { m::tanh(x), std::tanh(x), "tanh" }, { m::expm1(x), std::expm1(x), "expm1" },
                 { m::log1p(x), std::log1p(x), "log1p" }, { m::cbrt(x), std::cbrt(x), "cbrt" } }) {
            ASSERT_LE(ulps(ours, host), 1u) << name << " " << x;
            if (ours == 0 || std::isinf(ours)) {
                ASSERT_EQ(std::signbit(ours), std::signbit(host)) << name << " " << x;
            }
        }
    }
}
