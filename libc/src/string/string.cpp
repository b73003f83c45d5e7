#include <string.h>

#include "../core/memory.h"

namespace libc = banos::libc;

extern "C" {

size_t strlen(const char* string) { return libc::strlen(string); }
size_t strnlen(const char* string, size_t limit) { return libc::strnlen(string, limit); }
int strcmp(const char* left, const char* right) { return libc::strcmp(left, right); }
int strncmp(const char* left, const char* right, size_t count) { return libc::strncmp(left, right, count); }
char* strchr(const char* string, int character) { return libc::strchr(string, character); }
char* strrchr(const char* string, int character) { return libc::strrchr(string, character); }
char* strstr(const char* haystack, const char* needle) { return libc::strstr(haystack, needle); }
char* strcpy(char* __restrict destination, const char* __restrict source) { return libc::strcpy(destination, source); }

char* strncpy(char* __restrict destination, const char* __restrict source, size_t count)
{
    return libc::strncpy(destination, source, count);
}

char* strcat(char* __restrict destination, const char* __restrict source) { return libc::strcat(destination, source); }

char* strncat(char* __restrict destination, const char* __restrict source, size_t count)
{
    return libc::strncat(destination, source, count);
}

size_t strspn(const char* string, const char* accept) { return libc::strspn(string, accept); }
size_t strcspn(const char* string, const char* reject) { return libc::strcspn(string, reject); }
}
