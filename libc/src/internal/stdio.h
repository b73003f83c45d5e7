// The FILE structure and the stream primitives the stdio functions share.
#pragma once

#include <stddef.h>
#include <stdio.h>

#include "visibility.h"

enum class BufferMode { Unbuffered, Line, Full };

struct __banos_file {
    int fd;
    BufferMode mode;
    bool error;
    char* buffer;
    size_t capacity;
    size_t length;
};

namespace banos::libc::stdio {

// Writes through the stream's buffer; false (and the error flag set) when
// the underlying write failed.
bool write(FILE* stream, const char* data, size_t length) LIBC_HIDDEN;
// Hands the buffered bytes to write(); false on failure.
bool flush(FILE* stream) LIBC_HIDDEN;
// Flushes every stream (exit does this).
void flush_all() LIBC_HIDDEN;
// vfprintf without the return-value conventions: the format() result.
int print(FILE* stream, const char* format, va_list arguments) LIBC_HIDDEN;

} // namespace banos::libc::stdio
