#ifndef __BANOS_STRING_H
#define __BANOS_STRING_H

#include <sys/cdefs.h>
#include <bits/size_t.h>
#include <bits/null.h>

__BEGIN_DECLS

void* memcpy(void* __restrict destination, const void* __restrict source, size_t count);
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
char* strcpy(char* __restrict destination, const char* __restrict source);
char* strncpy(char* __restrict destination, const char* __restrict source, size_t count);
char* strcat(char* __restrict destination, const char* __restrict source);
char* strncat(char* __restrict destination, const char* __restrict source, size_t count);
size_t strspn(const char* string, const char* accept);
size_t strcspn(const char* string, const char* reject);

/* Descriptions of this program ABI's errno values. */
char* strerror(int error);

__END_DECLS

#endif
