// strerror's and strsignal's way with a number they have no description
// for: "Unknown error 99", "Unknown signal 99".
#pragma once

#include <stddef.h>
#include <stdio.h>

namespace banos::libc {

// Room for "Unknown signal -2147483648" and its NUL.
constexpr size_t unknown_number_size = 32;

// `description` when there is one; otherwise "<unknown> <number>", written
// into `buffer`.
inline const char* describe_number(const char* description, const char* unknown, int number,
    char (&buffer)[unknown_number_size])
{
    if (description != nullptr)
        return description;
    snprintf(buffer, sizeof buffer, "%s %d", unknown, number);
    return buffer;
}

} // namespace banos::libc
