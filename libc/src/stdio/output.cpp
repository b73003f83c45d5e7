// The character and string output functions.
#include <stdio.h>

#include "../core/memory.h"
#include "../internal/stdio.h"

namespace stdio = banos::libc::stdio;

extern "C" {

int fputc(int character, FILE* stream)
{
    char byte = static_cast<char>(character);
    return stdio::write(stream, &byte, 1) ? static_cast<unsigned char>(byte) : EOF;
}

int putc(int character, FILE* stream)
{
    return fputc(character, stream);
}

int putchar(int character)
{
    return fputc(character, stdout);
}

int fputs(const char* __restrict string, FILE* __restrict stream)
{
    return stdio::write(stream, string, banos::libc::strlen(string)) ? 0 : EOF;
}

int puts(const char* string)
{
    if (!stdio::write(stdout, string, banos::libc::strlen(string)) || !stdio::write(stdout, "\n", 1))
        return EOF;
    return 0;
}

size_t fwrite(const void* __restrict data, size_t size, size_t count, FILE* __restrict stream)
{
    if (size == 0 || count == 0)
        return 0;
    if (count > static_cast<size_t>(-1) / size)
        count = static_cast<size_t>(-1) / size;
    return stdio::write(stream, static_cast<const char*>(data), size * count) ? count : 0;
}

}
