// Character classes of the "C" locale, for <ctype.h> and the number parsers.
#pragma once

namespace banos::libc::character {

constexpr bool is_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
constexpr bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr bool is_blank(int c) { return c == ' ' || c == '\t'; }
constexpr bool is_cntrl(int c) { return (c >= 0 && c < 0x20) || c == 0x7f; }
constexpr bool is_print(int c) { return c >= 0x20 && c < 0x7f; }
constexpr bool is_graph(int c) { return c > 0x20 && c < 0x7f; }
constexpr bool is_punct(int c) { return is_graph(c) && !is_alnum(c); }
constexpr int to_lower(int c) { return is_upper(c) ? c - 'A' + 'a' : c; }
constexpr int to_upper(int c) { return is_lower(c) ? c - 'a' + 'A' : c; }

// c as a digit of the bases up to 36 (a and A are 10); 99, above every
// base, when it is none.
constexpr int digit_value(int c)
{
    return is_digit(c) ? c - '0' : is_lower(c) ? c - 'a' + 10 : is_upper(c) ? c - 'A' + 10 : 99;
}

} // namespace banos::libc::character
