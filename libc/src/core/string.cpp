// The str* functions.
#include "memory.h"

namespace banos::libc {

size_t strlen(const char* string)
{
    size_t length = 0;
    while (string[length] != '\0')
        ++length;
    return length;
}

size_t strnlen(const char* string, size_t limit)
{
    size_t length = 0;
    while (length < limit && string[length] != '\0')
        ++length;
    return length;
}

int strcmp(const char* left, const char* right)
{
    auto* a = reinterpret_cast<const unsigned char*>(left);
    auto* b = reinterpret_cast<const unsigned char*>(right);
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b ? 0 : (*a < *b ? -1 : 1);
}

int strncmp(const char* left, const char* right, size_t count)
{
    auto* a = reinterpret_cast<const unsigned char*>(left);
    auto* b = reinterpret_cast<const unsigned char*>(right);
    for (size_t i = 0; i < count; ++i) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
        if (a[i] == '\0')
            return 0;
    }
    return 0;
}

char* strchr(const char* string, int character)
{
    char wanted = static_cast<char>(character);
    for (;; ++string) {
        if (*string == wanted)
            return const_cast<char*>(string);
        if (*string == '\0')
            return nullptr;
    }
}

char* strrchr(const char* string, int character)
{
    char wanted = static_cast<char>(character);
    const char* found = nullptr;
    for (;; ++string) {
        if (*string == wanted)
            found = string;
        if (*string == '\0')
            return const_cast<char*>(found);
    }
}

char* strstr(const char* haystack, const char* needle)
{
    size_t needle_length = strlen(needle);
    if (needle_length == 0)
        return const_cast<char*>(haystack);
    for (; *haystack != '\0'; ++haystack) {
        if (*haystack == *needle && strncmp(haystack, needle, needle_length) == 0)
            return const_cast<char*>(haystack);
    }
    return nullptr;
}

char* strcpy(char* destination, const char* source)
{
    char* to = destination;
    while ((*to++ = *source++) != '\0') { }
    return destination;
}

char* strncpy(char* destination, const char* source, size_t count)
{
    size_t i = 0;
    for (; i < count && source[i] != '\0'; ++i)
        destination[i] = source[i];
    for (; i < count; ++i)
        destination[i] = '\0';
    return destination;
}

char* strcat(char* destination, const char* source)
{
    strcpy(destination + strlen(destination), source);
    return destination;
}

char* strncat(char* destination, const char* source, size_t count)
{
    char* to = destination + strlen(destination);
    size_t i = 0;
    for (; i < count && source[i] != '\0'; ++i)
        to[i] = source[i];
    to[i] = '\0';
    return destination;
}

size_t strspn(const char* string, const char* accept)
{
    size_t length = 0;
    while (string[length] != '\0' && strchr(accept, string[length]) != nullptr)
        ++length;
    return length;
}

size_t strcspn(const char* string, const char* reject)
{
    size_t length = 0;
    while (string[length] != '\0' && strchr(reject, string[length]) == nullptr)
        ++length;
    return length;
}

} // namespace banos::libc
