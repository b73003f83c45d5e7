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
}
