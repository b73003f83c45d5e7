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
void* memrchr(const void* memory, int value, size_t count);
void* memmem(const void* haystack, size_t haystack_length, const void* needle, size_t needle_length);
void* mempcpy(void* __restrict destination, const void* __restrict source, size_t count);
void* memccpy(void* __restrict destination, const void* __restrict source, int stop, size_t count);

size_t strlen(const char* string);
size_t strnlen(const char* string, size_t limit);
int strcmp(const char* left, const char* right);
int strncmp(const char* left, const char* right, size_t count);
/* The "C" locale: strcoll is strcmp, strxfrm a copy. */
int strcoll(const char* left, const char* right);
size_t strxfrm(char* __restrict destination, const char* __restrict source, size_t count);
char* strchr(const char* string, int character);
char* strrchr(const char* string, int character);
char* strchrnul(const char* string, int character);
char* strstr(const char* haystack, const char* needle);
char* strpbrk(const char* string, const char* accept);
char* strcpy(char* __restrict destination, const char* __restrict source);
char* strncpy(char* __restrict destination, const char* __restrict source, size_t count);
char* stpcpy(char* __restrict destination, const char* __restrict source);
char* stpncpy(char* __restrict destination, const char* __restrict source, size_t count);
char* strcat(char* __restrict destination, const char* __restrict source);
char* strncat(char* __restrict destination, const char* __restrict source, size_t count);
/* BSD: copy or append within `size` bytes, always NUL-terminated (when
 * size > 0); return the length they tried to create. */
size_t strlcpy(char* __restrict destination, const char* __restrict source, size_t size);
size_t strlcat(char* __restrict destination, const char* __restrict source, size_t size);
size_t strspn(const char* string, const char* accept);
size_t strcspn(const char* string, const char* reject);
char* strtok(char* __restrict string, const char* __restrict delimiters);
char* strtok_r(char* __restrict string, const char* __restrict delimiters, char** __restrict state);
char* strsep(char** __restrict string, const char* __restrict delimiters);
/* malloc'd copies; NULL (errno ENOMEM) when there is no memory. */
char* strdup(const char* string);
char* strndup(const char* string, size_t limit);

/* Descriptions of this program ABI's errno values (from
 * abi-versions/common/error_codes.def), "Unknown error N" for others. */
char* strerror(int error);
/* XSI: 0, or ERANGE when the description does not fit (it is cut). */
int strerror_r(int error, char* buffer, size_t size);
/* "Interrupt", "Segmentation fault"... ; "Unknown signal N" for others. */
char* strsignal(int signal);

__END_DECLS

#endif
