#include <stdio.h>

#include "../core/scan.h"
#include "../internal/stdio.h"

namespace libc = banos::libc;
namespace stdio = banos::libc::stdio;

namespace {

int get_from_string(void* context)
{
    auto*& cursor = *static_cast<const unsigned char**>(context);
    if (*cursor == '\0')
        return -1;
    return *cursor++;
}

void unget_to_string(void* context, int)
{
    auto*& cursor = *static_cast<const unsigned char**>(context);
    --cursor;
}

int get_from_stream(void* context)
{
    return stdio::get(static_cast<FILE*>(context));
}

void unget_to_stream(void* context, int character)
{
    stdio::unget(static_cast<FILE*>(context), character);
}

} // namespace

extern "C" {

int vsscanf(const char* __restrict string, const char* __restrict format, va_list arguments)
{
    auto* cursor = reinterpret_cast<const unsigned char*>(string);
    libc::ScanSource source { get_from_string, unget_to_string, &cursor };
    return libc::scan(source, format, arguments);
}

int sscanf(const char* __restrict string, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vsscanf(string, format, arguments);
    va_end(arguments);
    return result;
}

int vfscanf(FILE* __restrict stream, const char* __restrict format, va_list arguments)
{
    libc::ScanSource source { get_from_stream, unget_to_stream, stream };
    return libc::scan(source, format, arguments);
}

int fscanf(FILE* __restrict stream, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vfscanf(stream, format, arguments);
    va_end(arguments);
    return result;
}

int vscanf(const char* __restrict format, va_list arguments)
{
    return vfscanf(stdin, format, arguments);
}

int scanf(const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vfscanf(stdin, format, arguments);
    va_end(arguments);
    return result;
}
}
