// The mem* functions. Whole 8-byte words move through __builtin_memcpy of a
// constant size, which the compiler turns into a single load or store (no
// call); libc is built with -fno-tree-loop-distribute-patterns so the byte
// loops do not turn back into calls to these very functions.
#include "memory.h"

#include <stdint.h>

namespace banos::libc {

namespace {

using Word = uint64_t;
constexpr size_t word_size = sizeof(Word);

} // namespace

void* memcpy(void* destination, const void* source, size_t count)
{
    auto* to = static_cast<unsigned char*>(destination);
    auto* from = static_cast<const unsigned char*>(source);
    for (; count >= word_size; count -= word_size, to += word_size, from += word_size) {
        Word word;
        __builtin_memcpy(&word, from, word_size);
        __builtin_memcpy(to, &word, word_size);
    }
    while (count-- > 0)
        *to++ = *from++;
    return destination;
}

void* memmove(void* destination, const void* source, size_t count)
{
    auto* to = static_cast<unsigned char*>(destination);
    auto* from = static_cast<const unsigned char*>(source);
    if (reinterpret_cast<uintptr_t>(to) - reinterpret_cast<uintptr_t>(from) >= count)
        return memcpy(destination, source, count); // no overlap, or the destination is below
    // The destination overlaps the source from above: copy backwards.
    to += count;
    from += count;
    for (; count >= word_size; count -= word_size) {
        to -= word_size;
        from -= word_size;
        Word word;
        __builtin_memcpy(&word, from, word_size);
        __builtin_memcpy(to, &word, word_size);
    }
    while (count-- > 0)
        *--to = *--from;
    return destination;
}

void* memset(void* destination, int value, size_t count)
{
    auto* to = static_cast<unsigned char*>(destination);
    auto byte = static_cast<unsigned char>(value);
    Word pattern = byte * (~Word(0) / 0xff);
    for (; count >= word_size; count -= word_size, to += word_size)
        __builtin_memcpy(to, &pattern, word_size);
    while (count-- > 0)
        *to++ = byte;
    return destination;
}

int memcmp(const void* left, const void* right, size_t count)
{
    auto* a = static_cast<const unsigned char*>(left);
    auto* b = static_cast<const unsigned char*>(right);
    for (size_t i = 0; i < count; ++i) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

void* memchr(const void* memory, int value, size_t count)
{
    auto* bytes = static_cast<const unsigned char*>(memory);
    auto wanted = static_cast<unsigned char>(value);
    for (size_t i = 0; i < count; ++i) {
        if (bytes[i] == wanted)
            return const_cast<unsigned char*>(bytes + i);
    }
    return nullptr;
}

} // namespace banos::libc
