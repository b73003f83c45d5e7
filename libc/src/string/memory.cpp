#include <string.h>

#include "../core/memory.h"

namespace libc = banos::libc;

extern "C" {

void* memcpy(void* __restrict destination, const void* __restrict source, size_t count)
{
    return libc::memcpy(destination, source, count);
}

void* memmove(void* destination, const void* source, size_t count)
{
    return libc::memmove(destination, source, count);
}

void* memset(void* destination, int value, size_t count)
{
    return libc::memset(destination, value, count);
}

int memcmp(const void* left, const void* right, size_t count)
{
    return libc::memcmp(left, right, count);
}

void* memchr(const void* memory, int value, size_t count)
{
    return libc::memchr(memory, value, count);
}

void* memrchr(const void* memory, int value, size_t count)
{
    return libc::memrchr(memory, value, count);
}

void* memmem(const void* haystack, size_t haystack_length, const void* needle, size_t needle_length)
{
    return libc::memmem(haystack, haystack_length, needle, needle_length);
}

void* mempcpy(void* __restrict destination, const void* __restrict source, size_t count)
{
    return static_cast<char*>(libc::memcpy(destination, source, count)) + count;
}

void* memccpy(void* __restrict destination, const void* __restrict source, int stop, size_t count)
{
    auto* to = static_cast<unsigned char*>(destination);
    auto* from = static_cast<const unsigned char*>(source);
    auto wanted = static_cast<unsigned char>(stop);
    for (size_t i = 0; i < count; ++i) {
        to[i] = from[i];
        if (from[i] == wanted)
            return to + i + 1;
    }
    return nullptr;
}
}
