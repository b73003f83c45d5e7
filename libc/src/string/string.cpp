#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/memory.h"

namespace libc = banos::libc;

extern "C" {

size_t strlen(const char* string) { return libc::strlen(string); }
size_t strnlen(const char* string, size_t limit) { return libc::strnlen(string, limit); }
int strcmp(const char* left, const char* right) { return libc::strcmp(left, right); }
int strncmp(const char* left, const char* right, size_t count) { return libc::strncmp(left, right, count); }
int strcoll(const char* left, const char* right) { return libc::strcmp(left, right); }

size_t strxfrm(char* __restrict destination, const char* __restrict source, size_t count)
{
    size_t length = libc::strlen(source);
    if (length < count)
        libc::memcpy(destination, source, length + 1);
    return length;
}

char* strchr(const char* string, int character) { return libc::strchr(string, character); }
char* strrchr(const char* string, int character) { return libc::strrchr(string, character); }
char* strchrnul(const char* string, int character) { return libc::strchrnul(string, character); }
char* strstr(const char* haystack, const char* needle) { return libc::strstr(haystack, needle); }
char* strpbrk(const char* string, const char* accept) { return libc::strpbrk(string, accept); }
char* strcpy(char* __restrict destination, const char* __restrict source) { return libc::strcpy(destination, source); }

char* strncpy(char* __restrict destination, const char* __restrict source, size_t count)
{
    return libc::strncpy(destination, source, count);
}

char* stpcpy(char* __restrict destination, const char* __restrict source) { return libc::stpcpy(destination, source); }

char* stpncpy(char* __restrict destination, const char* __restrict source, size_t count)
{
    return libc::stpncpy(destination, source, count);
}

char* strcat(char* __restrict destination, const char* __restrict source) { return libc::strcat(destination, source); }

char* strncat(char* __restrict destination, const char* __restrict source, size_t count)
{
    return libc::strncat(destination, source, count);
}

size_t strlcpy(char* __restrict destination, const char* __restrict source, size_t size)
{
    return libc::strlcpy(destination, source, size);
}

size_t strlcat(char* __restrict destination, const char* __restrict source, size_t size)
{
    return libc::strlcat(destination, source, size);
}

size_t strspn(const char* string, const char* accept) { return libc::strspn(string, accept); }
size_t strcspn(const char* string, const char* reject) { return libc::strcspn(string, reject); }

char* strtok_r(char* __restrict string, const char* __restrict delimiters, char** __restrict state)
{
    return libc::strtok_r(string, delimiters, state);
}

char* strtok(char* __restrict string, const char* __restrict delimiters)
{
    static char* state;
    return libc::strtok_r(string, delimiters, &state);
}

char* strsep(char** __restrict string, const char* __restrict delimiters) { return libc::strsep(string, delimiters); }

char* strdup(const char* string)
{
    size_t size = libc::strlen(string) + 1;
    auto* copy = static_cast<char*>(malloc(size));
    if (copy != nullptr)
        libc::memcpy(copy, string, size);
    return copy;
}

char* strndup(const char* string, size_t limit)
{
    size_t length = libc::strnlen(string, limit);
    auto* copy = static_cast<char*>(malloc(length + 1));
    if (copy != nullptr) {
        libc::memcpy(copy, string, length);
        copy[length] = '\0';
    }
    return copy;
}

int strcasecmp(const char* left, const char* right) { return libc::strcasecmp(left, right); }
int strncasecmp(const char* left, const char* right, size_t count) { return libc::strncasecmp(left, right, count); }

int ffs(int value)
{
    return value == 0 ? 0 : __builtin_ctz(static_cast<unsigned>(value)) + 1;
}
}
