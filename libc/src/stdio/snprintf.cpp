#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/format.h"

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
