#include <gtest/gtest.h>

#include <string>

#include "lib/string_view.h"

namespace {

// What an empty Optional reads as, so a wrong answer fails the check
// instead of aborting the whole test program.
constexpr size_t kNone = SIZE_MAX;

using klib::StringView;

uint64_t parse(const char* text)
{
    auto value = StringView(text).to_uint();
    EXPECT_TRUE(value.has_value()) << text;
    return value.value_or(0xdeadbeef);
}

bool rejects(const char* text) { return !StringView(text).to_uint().has_value(); }

TEST(StringView, Construction)
{
    EXPECT_EQ(StringView("abc").size(), 3u);
    EXPECT_TRUE(StringView().is_empty());
    EXPECT_TRUE(StringView(nullptr).is_empty());
    EXPECT_TRUE(StringView("").is_empty());
    // An explicit length may include NULs.
    StringView with_nul("a\0b", 3);
    EXPECT_EQ(with_nul.size(), 3u);
    EXPECT_EQ(with_nul[2], 'b');
    static_assert(klib::c_string_length("four") == 4);
}

TEST(StringView, Equality)
{
    EXPECT_EQ(StringView("abc"), StringView("abc"));
    EXPECT_FALSE(StringView("abc") == StringView("abd"));
    EXPECT_FALSE(StringView("abc") == StringView("ab"));
    EXPECT_EQ(StringView(), StringView(""));
    std::string other = "abc";
    EXPECT_EQ(StringView(other.c_str()), StringView("abcdef", 3));
}

TEST(StringView, Substring)
{
    StringView s("hello world");
    EXPECT_EQ(s.substring(6), StringView("world"));
    EXPECT_EQ(s.substring(0, 5), StringView("hello"));
    EXPECT_TRUE(s.substring(11).is_empty());
    EXPECT_TRUE(s.substring(3, 0).is_empty());
}

TEST(StringView, StartsAndEndsWith)
{
    StringView s("kernel.elf");
    EXPECT_TRUE(s.starts_with("kernel"));
    EXPECT_TRUE(s.starts_with(""));
    EXPECT_TRUE(s.starts_with(s));
    EXPECT_FALSE(s.starts_with("kernel.elf.bak"));
    EXPECT_FALSE(s.starts_with("elf"));
    EXPECT_TRUE(s.ends_with(".elf"));
    EXPECT_TRUE(s.ends_with(""));
    EXPECT_TRUE(s.ends_with(s));
    EXPECT_FALSE(s.ends_with("x.kernel.elf"));
    EXPECT_FALSE(s.ends_with("kernel"));
    EXPECT_TRUE(StringView().starts_with(""));
    EXPECT_FALSE(StringView().ends_with("a"));
}

TEST(StringView, Find)
{
    StringView s("a=b=c");
    EXPECT_EQ(s.find('=').value_or(kNone), 1u);
    EXPECT_EQ(s.find('=', 1).value_or(kNone), 1u);
    EXPECT_EQ(s.find('=', 2).value_or(kNone), 3u);
    EXPECT_FALSE(s.find('=', 4));
    EXPECT_FALSE(s.find('=', 100)); // past the end is simply not found
    EXPECT_FALSE(s.find('x'));
    EXPECT_EQ(s.find_last('=').value_or(kNone), 3u);
    EXPECT_EQ(s.find_last('a').value_or(kNone), 0u);
    EXPECT_FALSE(s.find_last('x'));
    EXPECT_FALSE(StringView().find('a'));
    EXPECT_FALSE(StringView().find_last('a'));
}

TEST(StringView, ToUintDecimal)
{
    EXPECT_EQ(parse("0"), 0u);
    EXPECT_EQ(parse("7"), 7u);
    EXPECT_EQ(parse("0123"), 123u);
    EXPECT_EQ(parse("18446744073709551615"), UINT64_MAX);
    EXPECT_TRUE(rejects("18446744073709551616")); // max + 1
    EXPECT_TRUE(rejects("99999999999999999999"));
    EXPECT_TRUE(rejects("184467440737095516150"));
}

TEST(StringView, ToUintHex)
{
    EXPECT_EQ(parse("0x0"), 0u);
    EXPECT_EQ(parse("0x1f"), 31u);
    EXPECT_EQ(parse("0XaBcD"), 0xabcdu);
    EXPECT_EQ(parse("0xffffffffffffffff"), UINT64_MAX);
    EXPECT_EQ(parse("0x0000000000000000000001"), 1u); // leading zeros never overflow
    EXPECT_TRUE(rejects("0x10000000000000000"));
    EXPECT_TRUE(rejects("0x"));
    EXPECT_TRUE(rejects("0xg"));
    EXPECT_TRUE(rejects("ff")); // hex digits need the prefix
    EXPECT_TRUE(rejects("0x0x1"));
}

TEST(StringView, ToUintGarbage)
{
    for (const char* bad : { "", " ", " 1", "1 ", "-1", "+1", "1.0", "1e3", "abc", "12a", "x10", "\t5" })
        EXPECT_TRUE(rejects(bad)) << '"' << bad << '"';
    // Only the view's own characters count.
    EXPECT_EQ(StringView("123abc", 3).to_uint().value_or(0), 123u);
    EXPECT_FALSE(StringView("1\0" "2", 3).to_uint());
}

TEST(StringView, HashBytes)
{
    // FNV-1a reference values.
    EXPECT_EQ(klib::hash_bytes("", 0), 0xcbf29ce484222325ull);
    EXPECT_EQ(klib::hash_bytes("a", 1), 0xaf63dc4c8601ec8cull);
    EXPECT_NE(klib::hash_bytes("ab", 2), klib::hash_bytes("ba", 2));
}

} // namespace
