// The scanf engine (libc/src/core/scan.cpp) against the host's sscanf
// (glibc) over tables of formats and inputs: return values, every stored
// value, and %n.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "libc/src/core/scan.h"

namespace libc = banos::libc;

namespace {

struct StringSource {
    const char* cursor;
};

int get(void* context)
{
    auto* source = static_cast<StringSource*>(context);
    if (*source->cursor == '\0')
        return -1;
    return static_cast<unsigned char>(*source->cursor++);
}

void unget(void* context, int)
{
    --static_cast<StringSource*>(context)->cursor;
}

int ours(const char* input, const char* format, ...)
{
    StringSource source { input };
    libc::ScanSource scan_source { get, unget, &source };
    va_list arguments;
    va_start(arguments, format);
    int result = libc::scan(scan_source, format, arguments);
    va_end(arguments);
    return result;
}

using Scanner = int (*)(const char*, const char*, ...);

template<typename... T>
std::string summary(int result, T... values)
{
    std::string text = "result " + std::to_string(result);
    ((text += " | " + values), ...);
    return text;
}

std::string show(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%a", value);
    return buffer;
}

std::string show(long double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%La", value);
    return buffer;
}

const std::vector<const char*> integer_inputs = { "", " ", "42", "-42", "+7", "0x1f", "0X1F", "0x", "0xg", "077", "08",
    "-0x10", "  123abc", "abc", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e5", "- 5", "12 34",
    "12,34", "1-2", "0", "00", "-", "+", "0b101", "ff", "  \n\t 9", "4294967295", "-1", "12%34", "12 % 34", "a12b" };

} // namespace

TEST(Scan, IntegersMatchHost)
{
    const char* formats[] = { "%d", "%3d", "%1d", "%i", "%2i", "%x", "%X", "%o", "%u", "%*d%d", "%d%n", "%d %d", "%d,%d",
        "%d-%d", "a%db", "%d %% %d", "%d%%%d", "x %d", " %d", "%d ", "%i%i", "%x%n", "%5i%n", "%*x%n", "%d%*s%n" };
    for (const char* format : formats) {
        for (const char* input : integer_inputs) {
            auto run = [&](Scanner scan) {
                int a = -99, b = -99;
                int result = scan(input, format, &a, &b);
                return summary(result, std::to_string(a), std::to_string(b));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << "format " << format << " input \"" << input << "\"";
        }
    }
}

TEST(Scan, IntegerLengthsMatchHost)
{
    for (const char* input : integer_inputs) {
        for (const char* format : { "%lld", "%lli", "%llx", "%llu", "%jd", "%zd", "%ld", "%lo", "%td", "%qd" }) {
            auto run = [&](Scanner scan) {
                long long a = -99;
                int result = scan(input, format, &a);
                return summary(result, std::to_string(a));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << format << " \"" << input << "\"";
        }
        for (const char* format : { "%hd", "%hu", "%hx", "%hi" }) {
            auto run = [&](Scanner scan) {
                short a = -99;
                int result = scan(input, format, &a);
                return summary(result, std::to_string(a));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << format << " \"" << input << "\"";
        }
        for (const char* format : { "%hhd", "%hhu", "%hhx", "%hhn%hhd" }) {
            auto run = [&](Scanner scan) {
                signed char a = -99, b = -99;
                int result = scan(input, format, &a, &b);
                return summary(result, std::to_string(a), std::to_string(b));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << format << " \"" << input << "\"";
        }
    }
}

TEST(Scan, FloatsMatchHost)
{
    const char* inputs[] = { "", "1.5", "-1e10", "1e+x", "1e", "1e-", "0x1p4", "0x1.8p-3", "0x", "0xp1", "inf", "-INF",
        "infinity", "infin", "nan", "-nan", "nan(12)", "nan(", "nanx", ".5", "5.", ".", ".e1", "  3.25abc", "1e-400",
        "1.5e+3000", "2.2250738585072011e-308", "123456789012345678901234567890", "-0", "+.1e+1", "1,5", "x",
        "3.14159 2.71828", "1e5 7" };
    for (const char* input : inputs) {
        for (const char* format : { "%lf", "%le", "%lg", "%la", "%5lf", "%2lf", "%lf%n", "%lf %lf", "%*lf%lf" }) {
            auto run = [&](Scanner scan) {
                double a = -99, b = -99;
                int result = scan(input, format, &a, &b);
                return summary(result, show(a), show(b));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << format << " \"" << input << "\"";
        }
        for (const char* format : { "%f", "%e", "%3g" }) {
            auto run = [&](Scanner scan) {
                float a = -99;
                int result = scan(input, format, &a);
                return summary(result, show(static_cast<double>(a)));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << format << " \"" << input << "\"";
        }
        auto run_long = [&](Scanner scan) {
            long double a = -99;
            int result = scan(input, "%Lf", &a);
            return summary(result, show(a));
        };
        ASSERT_EQ(run_long(ours), run_long(std::sscanf)) << "%Lf \"" << input << "\"";
    }
}

TEST(Scan, StringsMatchHost)
{
    const char* inputs[] = { "", " ", "hello world", "  lead", "abc,def", "a]b", "x^y", "123abc", "ABCdef", "-a-b-",
        "tab\there", "one\ntwo", "]]x", "toolongforthebuffer" };
    const char* formats[] = { "%s", "%5s", "%1s", "%s%s", "%*s%s", "%c", "%3c", "%c%c", " %c", "%[a-z]", "%[^,]",
        "%[]abc]", "%[^]x]", "%[a-]", "%[-a]", "%2[0-9]%s", "%[^\n]", "%[a-z]%n", "%s %n", "%[^ ]%*c%s", "%4c" };
    for (const char* format : formats) {
        for (const char* input : inputs) {
            auto run = [&](Scanner scan) {
                char a[64], b[64];
                std::memset(a, '.', sizeof a);
                std::memset(b, '.', sizeof b);
                a[63] = b[63] = '\0';
                int result;
                if (std::strstr(format, "%n") != nullptr) {
                    int count = -1;
                    result = scan(input, format, a, &count);
                    return summary(result, std::string(a), std::to_string(count));
                }
                result = scan(input, format, a, b);
                return summary(result, std::string(a), std::string(b));
            };
            ASSERT_EQ(run(ours), run(std::sscanf)) << format << " \"" << input << "\"";
        }
    }
}

TEST(Scan, MixedAndPointers)
{
    int day = 0, year = 0;
    char month[16] = "";
    EXPECT_EQ(ours("Tue 21 May 2024", "%*s %d %15s %d", &day, month, &year), 3);
    EXPECT_EQ(day, 21);
    EXPECT_STREQ(month, "May");
    EXPECT_EQ(year, 2024);

    void* pointer = nullptr;
    int object;
    char text[32];
    std::snprintf(text, sizeof text, "%p", static_cast<void*>(&object));
    EXPECT_EQ(ours(text, "%p", &pointer), 1);
    EXPECT_EQ(pointer, &object);

    wchar_t wide[8] = {};
    EXPECT_EQ(ours("wide", "%ls", wide), 1);
    EXPECT_EQ(std::wcscmp(wide, L"wide"), 0);

    int count = -1;
    EXPECT_EQ(ours("abc", "abc%n", &count), 0);
    EXPECT_EQ(count, 3);
    EXPECT_EQ(ours("abc", "abd%n", &count), 0);
    EXPECT_EQ(ours("", "x"), -1);
    EXPECT_EQ(ours("", ""), 0);
}
