// The printf engine: C++ with no dependency on the rest of libc, so the
// host unit tests (libc/tests/) exercise exactly the code banos runs.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace banos::libc {

// Receives the formatted output, in pieces, in order.
using FormatSink = void (*)(void* context, const char* data, size_t length);

// Formats like vprintf: conversions d i u x X o c s p %, flags - 0 + space #,
// width and precision (also as *), length modifiers hh h l ll z j t. No
// floating point yet: a floating conversion consumes its argument and is
// written out as its own text (e.g. "%.2f"). Returns the length of the
// whole output, or -1 when it (or a width or precision) exceeds INT_MAX.
int format(FormatSink sink, void* context, const char* format, va_list arguments);

// vsnprintf: writes at most size - 1 characters and a NUL (nothing when
// size is 0); returns what format() returns.
int format_to_buffer(char* buffer, size_t size, const char* format, va_list arguments);

} // namespace banos::libc
