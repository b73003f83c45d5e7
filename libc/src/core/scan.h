// The scanf engine, over any character source, for sscanf and fscanf alike
// (and the host unit tests).
#pragma once

#include <stdarg.h>

namespace banos::libc {

struct ScanSource {
    // The next character (0..255), or -1 at the end of the input.
    int (*get)(void* context);
    // Gives back the one character get returned last (scan reads one
    // character ahead and returns it when it stops).
    void (*unget)(void* context, int character);
    void* context;
};

// Scans like vfscanf (C17 7.21.6.2, as glibc does it in the "C" locale):
// white space (any amount, none included), ordinary characters, and the
// conversions d i u o x X p n c s [...] and the floating f F e E g G a A
// with assignment suppression (*), widths and the length modifiers hh h l
// ll q j z t L (l with c s [ stores wchar_t). As glibc does, a number's
// characters are taken as long as they may still continue it, and the
// value is that of their longest valid beginning ("1e+" reads as 1, all
// three characters consumed); nothing but the one character of lookahead
// goes back to the source. Returns the number of assignments, or -1 (EOF)
// when the input ended before the first assignment.
int scan(const ScanSource& source, const char* format, va_list arguments);

} // namespace banos::libc
