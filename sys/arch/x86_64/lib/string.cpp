// The C string primitives the compiler may call on its own.
#include <stddef.h>

#include "arch/x86_64/lib/block_ops.h"

extern "C" {

void* memcpy(void* destination, const void* source, size_t count)
{
    block_ops::copy(destination, source, count);
    return destination;
}

void* memmove(void* destination, const void* source, size_t count)
{
    auto* d = static_cast<unsigned char*>(destination);
    auto* s = static_cast<const unsigned char*>(source);
    if (d <= s || d >= s + count)
        return memcpy(destination, source, count);
    // Overlapping with the destination above: copy backwards.
    block_ops::copy_backward(d, s, count);
    return destination;
}

void* memset(void* destination, int value, size_t count)
{
    block_ops::fill(destination, value, count);
    return destination;
}

int memcmp(const void* a, const void* b, size_t count)
{
    auto* x = static_cast<const unsigned char*>(a);
    auto* y = static_cast<const unsigned char*>(b);
    for (size_t i = 0; i < count; ++i)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char* s)
{
    size_t n = 0;
    while (s[n])
        ++n;
    return n;
}

int strcmp(const char* a, const char* b)
{
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

} // extern "C"
