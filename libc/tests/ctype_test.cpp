// <ctype.h>'s classes (libc/src/core/character.h) against the host's in
// the "C" locale, for every unsigned char value and EOF.
#include <gtest/gtest.h>

#include <cctype>
#include <clocale>
#include <cstdio>

#include "libc/src/core/character.h"

namespace character = banos::libc::character;

TEST(Ctype, MatchesHostCLocale)
{
    std::setlocale(LC_ALL, "C");
    for (int c = -1; c < 256; ++c) {
        EXPECT_EQ(character::is_alnum(c), std::isalnum(c) != 0) << c;
        EXPECT_EQ(character::is_alpha(c), std::isalpha(c) != 0) << c;
        EXPECT_EQ(character::is_blank(c), std::isblank(c) != 0) << c;
        EXPECT_EQ(character::is_cntrl(c), std::iscntrl(c) != 0) << c;
        EXPECT_EQ(character::is_digit(c), std::isdigit(c) != 0) << c;
        EXPECT_EQ(character::is_graph(c), std::isgraph(c) != 0) << c;
        EXPECT_EQ(character::is_lower(c), std::islower(c) != 0) << c;
        EXPECT_EQ(character::is_print(c), std::isprint(c) != 0) << c;
        EXPECT_EQ(character::is_punct(c), std::ispunct(c) != 0) << c;
        EXPECT_EQ(character::is_space(c), std::isspace(c) != 0) << c;
        EXPECT_EQ(character::is_upper(c), std::isupper(c) != 0) << c;
        EXPECT_EQ(character::is_xdigit(c), std::isxdigit(c) != 0) << c;
        EXPECT_EQ(character::to_lower(c), std::tolower(c)) << c;
        EXPECT_EQ(character::to_upper(c), std::toupper(c)) << c;
    }
}
