#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "lib/error.h"
#include "lib/format.h"

namespace {

template <typename... Args>
std::string fmt(klib::StringView format, const Args&... args)
{
    char buffer[512];
    klib::BufferSink sink(buffer, sizeof(buffer));
    klib::format_to(sink, format, args...);
    return std::string(buffer, sink.length());
}

struct Point {
    int x;
    int y;
};

enum class Colour { Red, Green };
enum class Plain : uint8_t { A = 7 };

} // namespace

// A user type becomes printable through a Formatter specialisation, which
// gets the spec so it can honour width and alignment.
template <>
struct klib::Formatter<Point> {
    static void format(FormatSink& sink, const Point& p, const FormatSpec& spec)
    {
        char text[64];
        BufferSink inner(text, sizeof(text));
        format_to(inner, "({}, {})", p.x, p.y);
        format_padded(sink, inner.view(), spec, '<');
    }
};

template <>
struct klib::Formatter<Colour> {
    static void format(FormatSink& sink, const Colour& c, const FormatSpec& spec)
    {
        format_padded(sink, c == Colour::Red ? "red" : "green", spec, '<');
    }
};

namespace {

TEST(Format, IntegersInEveryBase)
{
    EXPECT_EQ(fmt("{} {} {}", 0, -42, 18446744073709551615ull), "0 -42 18446744073709551615");
    EXPECT_EQ(fmt("{:x} {:X} {:#x} {:o} {:b}", 255, 255, 255, 8, 5), "ff FF 0xff 10 101");
    EXPECT_EQ(fmt("{:016x}", 0xbeefu), "000000000000beef");
    EXPECT_EQ(fmt("{:#010x}", 0x12u), "0x00000012");
    EXPECT_EQ(fmt("{:05}", -42), "-0042");
}

TEST(Format, IntegerExtremes)
{
    EXPECT_EQ(fmt("{}", INT64_MIN), "-9223372036854775808");
    EXPECT_EQ(fmt("{}", INT64_MAX), "9223372036854775807");
    EXPECT_EQ(fmt("{:x}", -255), "-ff");
    EXPECT_EQ(fmt("{:#X} {:#o} {:#b}", 255, 8, 5), "0XFF 010 0b101");
    // The widest possible body: 64 binary digits behind a sign-free prefix.
    EXPECT_EQ(fmt("{:#b}", UINT64_MAX), "0b" + std::string(64, '1'));
    EXPECT_EQ(fmt("{:b}", 0), "0");
    // Small integer types are numbers, not characters.
    EXPECT_EQ(fmt("{} {}", static_cast<uint8_t>(65), static_cast<int8_t>(-1)), "65 -1");
    EXPECT_EQ(fmt("{} {}", static_cast<short>(-3), static_cast<unsigned short>(65535)), "-3 65535");
}

TEST(Format, ZeroPaddingGoesAfterSignAndPrefix)
{
    EXPECT_EQ(fmt("{:#06x}", 0xa), "0x000a");
    EXPECT_EQ(fmt("{:06}", -1), "-00001");
    // Narrower than the text: nothing is cut.
    EXPECT_EQ(fmt("{:02}", 12345), "12345");
    // Explicit alignment makes '0' an ordinary fill character.
    EXPECT_EQ(fmt("{:0>5}", -42), "00-42");
}

TEST(Format, FillAndAlign)
{
    EXPECT_EQ(fmt("[{:>8}]", "ab"), "[      ab]");
    EXPECT_EQ(fmt("[{:<8}]", "ab"), "[ab      ]");
    EXPECT_EQ(fmt("[{:^8}]", "ab"), "[   ab   ]");
    // Odd padding: the extra fill goes after the text.
    EXPECT_EQ(fmt("[{:^8}]", "abc"), "[  abc   ]");
    EXPECT_EQ(fmt("[{:*^9}]", "mid"), "[***mid***]");
    EXPECT_EQ(fmt("[{:-<6}]", 42), "[42----]");
    EXPECT_EQ(fmt("[{:>5x}]", 255), "[   ff]");
    // Numbers default to the right, strings to the left.
    EXPECT_EQ(fmt("[{:5}] [{:5}]", 42, "ab"), "[   42] [ab   ]");
    // An alignment character may itself be the fill.
    EXPECT_EQ(fmt("[{:<<4}]", 1), "[1<<<]");
    EXPECT_EQ(fmt("[{:>}]", "x"), "[x]");
    // Padding longer than write_repeated's chunk.
    EXPECT_EQ(fmt("{:>100}", "x"), std::string(99, ' ') + "x");
}

TEST(Format, WidthLimit)
{
    EXPECT_EQ(fmt("{:256}", "").size(), 256u);
    EXPECT_EQ(fmt("{:257}", ""), "{?spec}");
    EXPECT_EQ(fmt("{:99999999999999999999}", 1), "{?spec}");
}

TEST(Format, Characters)
{
    EXPECT_EQ(fmt("{}{}", 'o', 'k'), "ok");
    EXPECT_EQ(fmt("{:c}", 'A'), "A");
    EXPECT_EQ(fmt("{:x} {}", 'A', 'A'), "41 A");
    EXPECT_EQ(fmt("{:d}", 'A'), "65");
    // {:c} turns integers into characters.
    EXPECT_EQ(fmt("{:c}{:c}", 72, 105u), "Hi");
    EXPECT_EQ(fmt("[{:>3c}]", 65), "[  A]");
    EXPECT_EQ(fmt("[{:>3}]", 'z'), "[  z]");
    // A NUL character is still one character of output.
    EXPECT_EQ(fmt("{}", '\0'), std::string(1, '\0'));
}

TEST(Format, Booleans)
{
    EXPECT_EQ(fmt("{} {}", true, false), "true false");
    EXPECT_EQ(fmt("[{:>6}]", true), "[  true]");
    EXPECT_EQ(fmt("[{:^7}]", false), "[ false ]");
}

TEST(Format, Pointers)
{
    // Pointers are always hex with 0x and, by default, 16 digits.
    EXPECT_EQ(fmt("{}", reinterpret_cast<void*>(0x1234)), "0x0000000000001234");
    EXPECT_EQ(fmt("{}", static_cast<const void*>(nullptr)), "0x0000000000000000");
    int* ip = reinterpret_cast<int*>(0xffff800000000000ull);
    EXPECT_EQ(fmt("{}", ip), "0xffff800000000000");
    // An explicit width replaces the 16-digit default.
    EXPECT_EQ(fmt("[{:>10}]", reinterpret_cast<void*>(0xab)), "[      0xab]");
    EXPECT_EQ(fmt("[{:<8}]", reinterpret_cast<void*>(0xab)), "[0xab    ]");
}

TEST(Format, Strings)
{
    const char* text = "hello";
    char mutable_text[] = "mut";
    char* mp = mutable_text;
    const char* none = nullptr;
    EXPECT_EQ(fmt("{} {} {}", text, mp, mutable_text), "hello mut mut");
    EXPECT_EQ(fmt("{}", none), "(null)");
    EXPECT_EQ(fmt("[{:>8}]", none), "[  (null)]");
    // A StringView is printed by its length, not up to a NUL.
    EXPECT_EQ(fmt("{}", klib::StringView("abcdef", 3)), "abc");
    EXPECT_EQ(fmt("[{}]", klib::StringView()), "[]");
    EXPECT_EQ(fmt("{}", std::string(200, 'q').c_str()), std::string(200, 'q'));
}

TEST(Format, ErrorsPrintTheirDescription)
{
    EXPECT_EQ(fmt("{}", klib::Error(klib::ErrorCode::NoMemory)), "Cannot allocate memory");
    EXPECT_EQ(fmt("[{:>16}]", klib::Error(klib::ErrorCode::Fault)), "[     Bad address]");
    EXPECT_EQ(fmt("{}", klib::Error(klib::ErrorCode::TimedOut)), "Connection timed out");
    EXPECT_STREQ(klib::Error(klib::ErrorCode::Invalid).name(), "Invalid");
    // Out-of-range codes never index past the tables.
    EXPECT_STREQ(klib::error_description(klib::ErrorCode::Count), "unknown error");
    EXPECT_STREQ(klib::error_name(static_cast<klib::ErrorCode>(0xffff)), "Unknown");
}

TEST(Format, CustomTypesAndEnums)
{
    EXPECT_EQ(fmt("{}", Point { 1, -2 }), "(1, -2)");
    EXPECT_EQ(fmt("[{:>9}]", Point { 3, 4 }), "[   (3, 4)]");
    EXPECT_EQ(fmt("{} {}", Colour::Red, Colour::Green), "red green");
    // Enums without a Formatter print their underlying value.
    EXPECT_EQ(fmt("{}", Plain::A), "7");
    EXPECT_EQ(fmt("{}", klib::ErrorCode::NotPermitted), "0");
}

TEST(Format, BraceEscapes)
{
    EXPECT_EQ(fmt("{{}}"), "{}");
    EXPECT_EQ(fmt("{{{}}}", 5), "{5}");
    EXPECT_EQ(fmt("a{{b}}c"), "a{b}c");
    // A lone closing brace is ordinary text.
    EXPECT_EQ(fmt("a}b"), "a}b");
    EXPECT_EQ(fmt("}"), "}");
}

TEST(Format, MistakesAreVisibleNotFatal)
{
    EXPECT_EQ(fmt("{} {}", 1), "1 {?missing}");
    EXPECT_EQ(fmt("{}"), "{?missing}");
    EXPECT_EQ(fmt("x {:q9}", 1), "x {?spec}");
    EXPECT_EQ(fmt("{:xx}", 1), "{?spec}");
    EXPECT_EQ(fmt("{x}", 1), "{?spec}");
    EXPECT_EQ(fmt("abc {", 1), "abc {?unterminated}");
    EXPECT_EQ(fmt("{:x", 1), "{?unterminated}");
    // Output before the broken placeholder is kept; nothing after it is.
    EXPECT_EQ(fmt("{} {", 7), "7 {?unterminated}");
    // Extra arguments are ignored.
    EXPECT_EQ(fmt("{}", 1, 2, 3), "1");
    EXPECT_EQ(fmt(""), "");
    EXPECT_EQ(fmt("plain text"), "plain text");
}

TEST(BufferSink, TruncatesAndAlwaysTerminates)
{
    char buffer[8];
    std::memset(buffer, 'X', sizeof(buffer));
    klib::BufferSink sink(buffer, sizeof(buffer));
    EXPECT_EQ(buffer[0], '\0'); // terminated even before anything is written
    klib::format_to(sink, "{}", "0123456789");
    EXPECT_TRUE(sink.truncated());
    EXPECT_EQ(sink.length(), 7u);
    EXPECT_STREQ(buffer, "0123456");
    EXPECT_EQ(sink.view(), klib::StringView("0123456"));
    // Further writes change nothing.
    klib::format_to(sink, "more");
    EXPECT_STREQ(buffer, "0123456");
    EXPECT_EQ(sink.length(), 7u);
}

TEST(BufferSink, ExactFitIsNotTruncated)
{
    char buffer[4];
    klib::BufferSink sink(buffer, sizeof(buffer));
    klib::format_to(sink, "abc");
    EXPECT_FALSE(sink.truncated());
    EXPECT_STREQ(buffer, "abc");
    sink.write("");
    EXPECT_FALSE(sink.truncated());
    sink.put('d');
    EXPECT_TRUE(sink.truncated());
    EXPECT_STREQ(buffer, "abc");
}

TEST(BufferSink, TinyAndZeroCapacity)
{
    char one[1] = { 'X' };
    klib::BufferSink sink1(one, 1);
    klib::format_to(sink1, "{}", 12);
    EXPECT_EQ(one[0], '\0');
    EXPECT_EQ(sink1.length(), 0u);
    EXPECT_TRUE(sink1.truncated());

    // No storage at all: nothing is ever touched.
    klib::BufferSink sink0(nullptr, 0);
    sink0.write("");
    EXPECT_FALSE(sink0.truncated());
    klib::format_to(sink0, "{}", 12);
    EXPECT_TRUE(sink0.truncated());
    EXPECT_EQ(sink0.length(), 0u);
}

TEST(FixedString, FormatsAndTruncates)
{
    auto s = klib::FixedString<16>::formatted("{}-{:x}", 42, 255);
    EXPECT_STREQ(s.c_str(), "42-ff");
    EXPECT_EQ(s.view(), klib::StringView("42-ff"));

    auto t = klib::FixedString<8>::formatted("{}", 123456789);
    EXPECT_STREQ(t.c_str(), "1234567");
    EXPECT_EQ(t.view().size(), 7u);

    auto empty = klib::FixedString<4>::formatted("");
    EXPECT_STREQ(empty.c_str(), "");
    EXPECT_TRUE(empty.view().is_empty());
}

} // namespace
