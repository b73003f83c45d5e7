// The length modifiers of printf's and scanf's conversions (hh h l ll q j z
// t L) and the integer stores through a pointer argument they both make
// (printf's %n, scanf's integer conversions and %n).
#pragma once

#include <stdarg.h>
#include <stdint.h>

namespace banos::libc {

enum class Length { Default, Char, Short, Long, LongLong, Size, Max, Ptrdiff, LongDouble };

// The length modifier at `cursor`, which moves past it; Length::Default
// when there is none.
Length parse_length(const char*& cursor);

// Stores `value` through the next argument, a pointer to the integer type
// `length` names (int without one). As in glibc, L (and q) name long long
// here.
void store_integer(va_list& arguments, Length length, uint64_t value);

} // namespace banos::libc
