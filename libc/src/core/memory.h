// Memory and string primitives behind <string.h>, in a namespace so the
// host unit tests can call them next to the host's own libc.
#pragma once

#include <stddef.h>

namespace banos::libc {

void* memcpy(void* destination, const void* source, size_t count);
void* memmove(void* destination, const void* source, size_t count);
void* memset(void* destination, int value, size_t count);
int memcmp(const void* left, const void* right, size_t count);
void* memchr(const void* memory, int value, size_t count);

size_t strlen(const char* string);
size_t strnlen(const char* string, size_t limit);
int strcmp(const char* left, const char* right);
int strncmp(const char* left, const char* right, size_t count);
char* strchr(const char* string, int character);
char* strrchr(const char* string, int character);
char* strstr(const char* haystack, const char* needle);
char* strcpy(char* destination, const char* source);
char* strncpy(char* destination, const char* source, size_t count);
char* strcat(char* destination, const char* source);
char* strncat(char* destination, const char* source, size_t count);
size_t strspn(const char* string, const char* accept);
size_t strcspn(const char* string, const char* reject);

void* memrchr(const void* memory, int value, size_t count);
void* memmem(const void* haystack, size_t haystack_length, const void* needle, size_t needle_length);
char* strchrnul(const char* string, int character);
char* strpbrk(const char* string, const char* accept);
char* stpcpy(char* destination, const char* source);
char* stpncpy(char* destination, const char* source, size_t count);
size_t strlcpy(char* destination, const char* source, size_t size);
size_t strlcat(char* destination, const char* source, size_t size);
char* strtok_r(char* string, const char* delimiters, char** state);
char* strsep(char** string, const char* delimiters);
int strcasecmp(const char* left, const char* right);
int strncasecmp(const char* left, const char* right, size_t count);

} // namespace banos::libc
