#pragma once
// Text helpers the sample modules share, compiled into each module (the
// kernel exports no formatting): decimal numbers, labelled number lines
// and reads of a text at an offset.
#include "abi-versions/modules/api.h"

namespace module_text {

// Writes `value` in decimal at `out` (room for 20 digits); returns the length.
static inline size_t decimal(char* out, uint64_t value)
{
    char digits[20];
    size_t n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    for (size_t i = 0; i < n; ++i)
        out[i] = digits[n - 1 - i];
    return n;
}

// Writes "<label> <value>\n" at `out` (room for the label and 22 more
// bytes); returns the length.
static inline size_t labelled_line(char* out, const char* label, uint64_t value)
{
    size_t length = strlen(label);
    memcpy(out, label, length);
    out[length++] = ' ';
    length += decimal(out + length, value);
    out[length++] = '\n';
    return length;
}

// A read of `count` bytes at `offset` from a text of `length` bytes: the
// bytes copied, 0 at or past the end.
static inline int64_t read_text(const char* text, size_t length, uint64_t offset, void* buffer, uint64_t count)
{
    if (offset >= length)
        return 0;
    uint64_t n = length - offset < count ? length - offset : count;
    memcpy(buffer, text + offset, n);
    return static_cast<int64_t>(n);
}

} // namespace module_text
