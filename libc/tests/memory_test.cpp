// The mem* and str* primitives (libc/src/core/memory.cpp, string.cpp),
// against the host's implementations and fixed expectations.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "libc/src/core/memory.h"

namespace libc = banos::libc;

namespace {

std::vector<unsigned char> pattern(size_t size)
{
    std::vector<unsigned char> bytes(size);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<unsigned char>(i * 7 + 3);
    return bytes;
}

} // namespace

TEST(Memory, MemcpyAllSizesAndAlignments)
{
    auto source = pattern(100);
    for (size_t offset = 0; offset < 8; ++offset) {
        for (size_t size = 0; size + offset <= 64; ++size) {
            std::vector<unsigned char> destination(80, 0xee);
            EXPECT_EQ(libc::memcpy(destination.data() + 1, source.data() + offset, size), destination.data() + 1);
            EXPECT_EQ(destination[0], 0xee);
            EXPECT_EQ(std::memcmp(destination.data() + 1, source.data() + offset, size), 0);
            EXPECT_EQ(destination[1 + size], 0xee) << "size " << size;
        }
    }
}

TEST(Memory, MemmoveOverlapsBothWays)
{
    for (size_t size = 0; size <= 40; ++size) {
        for (size_t shift = 0; shift <= 9; ++shift) {
            auto ours = pattern(64);
            auto theirs = ours;
            libc::memmove(ours.data() + shift, ours.data(), size);
            std::memmove(theirs.data() + shift, theirs.data(), size);
            EXPECT_EQ(ours, theirs) << "forward overlap, size " << size << " shift " << shift;
            ours = pattern(64);
            theirs = ours;
            libc::memmove(ours.data(), ours.data() + shift, size);
            std::memmove(theirs.data(), theirs.data() + shift, size);
            EXPECT_EQ(ours, theirs) << "backward overlap, size " << size << " shift " << shift;
        }
    }
}

TEST(Memory, Memset)
{
    for (size_t size = 0; size <= 33; ++size) {
        std::vector<unsigned char> bytes(40, 1);
        EXPECT_EQ(libc::memset(bytes.data() + 2, 0x1ab, size), bytes.data() + 2);
        for (size_t i = 0; i < bytes.size(); ++i)
            EXPECT_EQ(bytes[i], i >= 2 && i < 2 + size ? 0xab : 1);
    }
}

TEST(Memory, MemcmpAndMemchr)
{
    const unsigned char a[] = { 1, 2, 3, 0x80 };
    const unsigned char b[] = { 1, 2, 4, 0x01 };
    EXPECT_EQ(libc::memcmp(a, b, 2), 0);
    EXPECT_LT(libc::memcmp(a, b, 3), 0);
    EXPECT_GT(libc::memcmp(b, a, 3), 0);
    EXPECT_GT(libc::memcmp(a + 3, b + 3, 1), 0); // bytes compare as unsigned
    EXPECT_EQ(libc::memcmp(a, b, 0), 0);
    EXPECT_EQ(libc::memchr(a, 3, sizeof a), a + 2);
    EXPECT_EQ(libc::memchr(a, 0x180, sizeof a), a + 3);
    EXPECT_EQ(libc::memchr(a, 3, 2), nullptr);
}

TEST(String, LengthAndComparison)
{
    EXPECT_EQ(libc::strlen(""), 0u);
    EXPECT_EQ(libc::strlen("hello"), 5u);
    EXPECT_EQ(libc::strnlen("hello", 3), 3u);
    EXPECT_EQ(libc::strnlen("hi", 10), 2u);
    EXPECT_EQ(libc::strcmp("abc", "abc"), 0);
    EXPECT_LT(libc::strcmp("abc", "abd"), 0);
    EXPECT_GT(libc::strcmp("abc", "ab"), 0);
    EXPECT_LT(libc::strcmp("a", "\x80"), 0);
    EXPECT_EQ(libc::strncmp("abcx", "abcy", 3), 0);
    EXPECT_LT(libc::strncmp("abcx", "abcy", 4), 0);
    EXPECT_EQ(libc::strncmp("ab", "ab", 10), 0);
    EXPECT_EQ(libc::strncmp("x", "y", 0), 0);
}

TEST(String, Search)
{
    const char* text = "hello, world";
    EXPECT_EQ(libc::strchr(text, 'o'), text + 4);
    EXPECT_EQ(libc::strrchr(text, 'o'), text + 8);
    EXPECT_EQ(libc::strchr(text, '\0'), text + 12);
    EXPECT_EQ(libc::strrchr(text, '\0'), text + 12);
    EXPECT_EQ(libc::strchr(text, 'z'), nullptr);
    EXPECT_EQ(libc::strrchr(text, 'z'), nullptr);
    EXPECT_EQ(libc::strstr(text, "world"), text + 7);
    EXPECT_EQ(libc::strstr(text, ""), text);
    EXPECT_EQ(libc::strstr(text, "worlds"), nullptr);
    EXPECT_STREQ(libc::strstr("aaab", "aab"), "aab");
    EXPECT_EQ(libc::strspn("abcabcx", "abc"), 6u);
    EXPECT_EQ(libc::strcspn("hello, world", ", "), 5u);
    EXPECT_EQ(libc::strcspn("hello", ""), 5u);
}

TEST(String, Copying)
{
    char buffer[16];
    EXPECT_EQ(libc::strcpy(buffer, "hello"), buffer);
    EXPECT_STREQ(buffer, "hello");
    EXPECT_EQ(libc::strcat(buffer, ", you"), buffer);
    EXPECT_STREQ(buffer, "hello, you");
    libc::strncat(buffer, "!!!!", 2);
    EXPECT_STREQ(buffer, "hello, you!!");

    char padded[8];
    libc::memset(padded, 'x', sizeof padded);
    libc::strncpy(padded, "abc", sizeof padded);
    EXPECT_EQ(std::string(padded, sizeof padded), std::string("abc\0\0\0\0\0", 8));
    libc::strncpy(padded, "abcdefghij", 4);
    EXPECT_EQ(std::string(padded, 4), "abcd");
}

TEST(String, TokenizersMatchHost)
{
    const char* inputs[] = { "", "a", ",a,,b,", "  leading and trailing  ", ",,,", "one,two;three four", "no delimiters" };
    const char* delimiter_sets[] = { ",", " ", ",; ", "", "xyz" };
    for (const char* input : inputs) {
        for (const char* delimiters : delimiter_sets) {
            std::string ours_copy = input, host_copy = input;
            char* ours_state = nullptr;
            char* host_state = nullptr;
            char* ours_token = libc::strtok_r(ours_copy.data(), delimiters, &ours_state);
            char* host_token = strtok_r(host_copy.data(), delimiters, &host_state);
            for (;;) {
                ASSERT_EQ(ours_token == nullptr, host_token == nullptr) << input << " / " << delimiters;
                if (ours_token == nullptr)
                    break;
                ASSERT_STREQ(ours_token, host_token);
                ASSERT_EQ(ours_token - ours_copy.data(), host_token - host_copy.data());
                ours_token = libc::strtok_r(nullptr, delimiters, &ours_state);
                host_token = strtok_r(nullptr, delimiters, &host_state);
            }
            std::string ours_sep = input, host_sep = input;
            char* ours_cursor = ours_sep.data();
            char* host_cursor = host_sep.data();
            for (;;) {
                char* a = libc::strsep(&ours_cursor, delimiters);
                char* b = strsep(&host_cursor, delimiters);
                ASSERT_EQ(a == nullptr, b == nullptr);
                if (a == nullptr)
                    break;
                ASSERT_STREQ(a, b);
            }
        }
    }
}

TEST(String, SearchFunctionsMatchHost)
{
    const char* haystacks[] = { "", "abc", "hello world", "aaaaab", "mississippi" };
    const char* needles[] = { "", "a", "ab", "ss", "issip", "xyz", "world", "mississippis" };
    for (const char* haystack : haystacks) {
        size_t length = std::strlen(haystack);
        for (const char* needle : needles) {
            EXPECT_EQ(libc::strpbrk(haystack, needle), std::strpbrk(haystack, needle));
            EXPECT_EQ(libc::memmem(haystack, length, needle, std::strlen(needle)),
                memmem(haystack, length, needle, std::strlen(needle)));
        }
        for (int c : { 'a', 's', 'z', '\0' }) {
            EXPECT_EQ(libc::memrchr(haystack, c, length), memrchr(haystack, c, length));
            EXPECT_EQ(libc::strchrnul(haystack, c), strchrnul(haystack, c));
        }
    }
}

TEST(String, CopiesAndCaseComparisons)
{
    char buffer[16];
    EXPECT_EQ(libc::stpcpy(buffer, "abc"), buffer + 3);
    EXPECT_STREQ(buffer, "abc");
    std::memset(buffer, 'x', sizeof buffer);
    EXPECT_EQ(libc::stpncpy(buffer, "ab", 5), buffer + 2);
    EXPECT_EQ(std::memcmp(buffer, "ab\0\0\0x", 6), 0);
    EXPECT_EQ(libc::strlcpy(buffer, "hello world", 6), 11u);
    EXPECT_STREQ(buffer, "hello");
    EXPECT_EQ(libc::strlcat(buffer, " there", 9), 11u);
    EXPECT_STREQ(buffer, "hello th");
    EXPECT_EQ(libc::strlcat(buffer, "x", 4), 5u); // no NUL within the size: left alone
    const char* words[] = { "", "a", "A", "abc", "ABD", "abC", "Zed", "zed", "[", "_" };
    for (const char* a : words) {
        for (const char* b : words) {
            auto sign = [](int value) { return (value > 0) - (value < 0); };
            EXPECT_EQ(sign(libc::strcasecmp(a, b)), sign(strcasecmp(a, b))) << a << " " << b;
            EXPECT_EQ(sign(libc::strncasecmp(a, b, 2)), sign(strncasecmp(a, b, 2))) << a << " " << b;
        }
    }
}
