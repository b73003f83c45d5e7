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

namespace banos::libc {

void* memrchr(const void* memory, int value, size_t count)
{
    auto* bytes = static_cast<const unsigned char*>(memory);
    auto wanted = static_cast<unsigned char>(value);
    while (count-- > 0) {
        if (bytes[count] == wanted)
            return const_cast<unsigned char*>(bytes + count);
    }
    return nullptr;
}

void* memmem(const void* haystack, size_t haystack_length, const void* needle, size_t needle_length)
{
    auto* hay = static_cast<const unsigned char*>(haystack);
    auto* pin = static_cast<const unsigned char*>(needle);
    if (needle_length == 0)
        return const_cast<void*>(haystack);
    for (size_t i = 0; i + needle_length <= haystack_length; ++i) {
        if (hay[i] == pin[0] && memcmp(hay + i, pin, needle_length) == 0)
            return const_cast<unsigned char*>(hay + i);
    }
    return nullptr;
}

char* strchrnul(const char* string, int character)
{
    char wanted = static_cast<char>(character);
    while (*string != '\0' && *string != wanted)
        ++string;
    return const_cast<char*>(string);
}

char* strpbrk(const char* string, const char* accept)
{
    string += strcspn(string, accept);
    return *string != '\0' ? const_cast<char*>(string) : nullptr;
}

char* stpcpy(char* destination, const char* source)
{
    while ((*destination = *source++) != '\0')
        ++destination;
    return destination;
}

char* stpncpy(char* destination, const char* source, size_t count)
{
    size_t i = 0;
    for (; i < count && source[i] != '\0'; ++i)
        destination[i] = source[i];
    char* end = destination + i;
    for (; i < count; ++i)
        destination[i] = '\0';
    return end;
}

size_t strlcpy(char* destination, const char* source, size_t size)
{
    size_t length = strlen(source);
    if (size > 0) {
        size_t piece = length < size - 1 ? length : size - 1;
        memcpy(destination, source, piece);
        destination[piece] = '\0';
    }
    return length;
}

size_t strlcat(char* destination, const char* source, size_t size)
{
    size_t used = strnlen(destination, size);
    if (used == size)
        return size + strlen(source);
    return used + strlcpy(destination + used, source, size - used);
}

char* strtok_r(char* string, const char* delimiters, char** state)
{
    if (string == nullptr)
        string = *state;
    if (string == nullptr)
        return nullptr;
    string += strspn(string, delimiters);
    if (*string == '\0') {
        *state = nullptr;
        return nullptr;
    }
    char* end = string + strcspn(string, delimiters);
    if (*end != '\0') {
        *end = '\0';
        *state = end + 1;
    } else {
        *state = nullptr;
    }
    return string;
}

char* strsep(char** string, const char* delimiters)
{
    char* token = *string;
    if (token == nullptr)
        return nullptr;
    char* end = token + strcspn(token, delimiters);
    if (*end != '\0') {
        *end = '\0';
        *string = end + 1;
    } else {
        *string = nullptr;
    }
    return token;
}

namespace {

int lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

} // namespace

int strcasecmp(const char* left, const char* right)
{
    return strncasecmp(left, right, static_cast<size_t>(-1));
}

int strncasecmp(const char* left, const char* right, size_t count)
{
    auto* a = reinterpret_cast<const unsigned char*>(left);
    auto* b = reinterpret_cast<const unsigned char*>(right);
    for (size_t i = 0; i < count; ++i) {
        int difference = lower(a[i]) - lower(b[i]);
        if (difference != 0)
            return difference;
        if (a[i] == '\0')
            return 0;
    }
    return 0;
}

} // namespace banos::libc
