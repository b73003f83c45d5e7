#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/format.h"
#include "../internal/stdio.h"

extern "C" {

int vsnprintf(char* __restrict buffer, size_t size, const char* __restrict format, va_list arguments)
{
    int result = banos::libc::format_to_buffer(buffer, size, format, arguments);
    if (result < 0)
        errno = EOVERFLOW;
    return result;
}

int snprintf(char* __restrict buffer, size_t size, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vsnprintf(buffer, size, format, arguments);
    va_end(arguments);
    return result;
}

int vsprintf(char* __restrict buffer, const char* __restrict format, va_list arguments)
{
    return vsnprintf(buffer, SIZE_MAX, format, arguments);
}

int sprintf(char* __restrict buffer, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vsnprintf(buffer, SIZE_MAX, format, arguments);
    va_end(arguments);
    return result;
}
}

namespace {

struct GrowingBuffer {
    char* data;
    size_t length;
    size_t capacity;
    bool failed;
};

void append(void* context, const char* piece, size_t length)
{
    auto& buffer = *static_cast<GrowingBuffer*>(context);
    if (buffer.failed)
        return;
    if (buffer.length + length + 1 > buffer.capacity) {
        size_t capacity = buffer.capacity * 2;
        while (buffer.length + length + 1 > capacity)
            capacity *= 2;
        auto* grown = static_cast<char*>(realloc(buffer.data, capacity));
        if (grown == nullptr) {
            buffer.failed = true;
            return;
        }
        buffer.data = grown;
        buffer.capacity = capacity;
    }
    memcpy(buffer.data + buffer.length, piece, length);
    buffer.length += length;
}

} // namespace

extern "C" {

int vasprintf(char** __restrict result, const char* __restrict format, va_list arguments)
{
    GrowingBuffer buffer { static_cast<char*>(malloc(64)), 0, 64, false };
    if (buffer.data == nullptr)
        return -1;
    int length = banos::libc::format(append, &buffer, format, arguments);
    if (buffer.failed || length < 0) {
        free(buffer.data);
        if (length < 0)
            errno = EOVERFLOW;
        return -1;
    }
    buffer.data[buffer.length] = '\0';
    *result = buffer.data;
    return length;
}

int asprintf(char** __restrict result, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = vasprintf(result, format, arguments);
    va_end(arguments);
    return length;
}

int vdprintf(int fd, const char* __restrict format, va_list arguments)
{
    // A stream of its own for the descriptor, on the stack and off the
    // stream list: fully buffered, so few write() calls.
    char buffer[512];
    __banos_file stream;
    stream.fd = fd;
    stream.writable = true;
    stream.mode_decided = true;
    stream.buffer = buffer;
    stream.capacity = sizeof buffer;
    int length = banos::libc::stdio::print(&stream, format, arguments);
    if (!banos::libc::stdio::flush(&stream) || stream.error)
        return -1;
    if (length < 0)
        errno = EOVERFLOW;
    return length;
}

int dprintf(int fd, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = vdprintf(fd, format, arguments);
    va_end(arguments);
    return length;
}
}
