/* Output streams over write(): stdout is line-buffered, stderr unbuffered.
 * There is no input side and no fopen yet. */
#ifndef __BANOS_STDIO_H
#define __BANOS_STDIO_H

#include <sys/cdefs.h>
#include <stdarg.h>
#include <bits/size_t.h>
#include <bits/null.h>

#define EOF (-1)
#define BUFSIZ 1024

typedef struct __banos_file FILE;

__BEGIN_DECLS

extern FILE* const stdin;
extern FILE* const stdout;
extern FILE* const stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

int printf(const char* __restrict format, ...) __BANOS_PRINTF(1, 2);
int fprintf(FILE* __restrict stream, const char* __restrict format, ...) __BANOS_PRINTF(2, 3);
int vprintf(const char* __restrict format, va_list arguments) __BANOS_PRINTF(1, 0);
int vfprintf(FILE* __restrict stream, const char* __restrict format, va_list arguments) __BANOS_PRINTF(2, 0);
int snprintf(char* __restrict buffer, size_t size, const char* __restrict format, ...) __BANOS_PRINTF(3, 4);
int vsnprintf(char* __restrict buffer, size_t size, const char* __restrict format, va_list arguments)
    __BANOS_PRINTF(3, 0);
int sprintf(char* __restrict buffer, const char* __restrict format, ...) __BANOS_PRINTF(2, 3);
int vsprintf(char* __restrict buffer, const char* __restrict format, va_list arguments) __BANOS_PRINTF(2, 0);

int fputc(int character, FILE* stream);
int putc(int character, FILE* stream);
int putchar(int character);
int fputs(const char* __restrict string, FILE* __restrict stream);
int puts(const char* string);
size_t fwrite(const void* __restrict data, size_t size, size_t count, FILE* __restrict stream);
/* Flushes one stream, or every stream when given NULL. */
int fflush(FILE* stream);
int ferror(FILE* stream);
void clearerr(FILE* stream);
void perror(const char* prefix);

__END_DECLS

#endif
