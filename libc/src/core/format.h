// The printf engine: C++ with no dependency on the rest of libc, so the
// host unit tests (libc/tests/) exercise exactly the code banos runs.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace banos::libc {

// Receives the formatted output, in pieces, in order.
using FormatSink = void (*)(void* context, const char* data, size_t length);

// Formats like vprintf (C17 7.21.6.1, as glibc does it in the "C" locale):
// conversions d i u o x X c s p n % and the floating conversions
// f F e E g G a A (exact decimal expansion, rounded to nearest with ties to
// even at the printed precision; long double with L), flags - 0 + space #
// (and ' accepted, no grouping in the "C" locale), width and precision
// (also as *), length modifiers hh h l ll z j t L; %lc and %ls print wide
// characters below 0x80 and fail on others. Positional arguments (%1$d)
// are not supported. An unknown conversion is written out as it stands.
// Returns the length of the whole output, or -1 when it (or a width or
// precision) exceeds INT_MAX or a wide character cannot be printed.
int format(FormatSink sink, void* context, const char* format, va_list arguments);

// vsnprintf: writes at most size - 1 characters and a NUL (nothing when
// size is 0); returns what format() returns.
int format_to_buffer(char* buffer, size_t size, const char* format, va_list arguments);

} // namespace banos::libc
