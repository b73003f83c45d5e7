#ifndef __BANOS_STDLIB_H
#define __BANOS_STDLIB_H

#include <sys/cdefs.h>
#include <bits/size_t.h>
#include <bits/null.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* How many functions atexit (and C++'s __cxa_atexit) can register. */
#define __BANOS_ATEXIT_MAX 32

__BEGIN_DECLS

/* Runs the atexit handlers (last registered first), then the fini_array,
 * flushes stdio, and ends the process. */
__BANOS_NORETURN void exit(int status);
/* Ends the process at once: no handlers, no flushing. */
__BANOS_NORETURN void _Exit(int status);
/* Ends the process at once with status 134 (128 + SIGABRT's usual number);
 * there are no signals yet. */
__BANOS_NORETURN void abort(void);
/* 0 on success, -1 when the table of __BANOS_ATEXIT_MAX entries is full. */
int atexit(void (*function)(void));

int atoi(const char* string);
long atol(const char* string);
long long atoll(const char* string);
long strtol(const char* __restrict string, char** __restrict end, int base);
unsigned long strtoul(const char* __restrict string, char** __restrict end, int base);
long long strtoll(const char* __restrict string, char** __restrict end, int base);
unsigned long long strtoull(const char* __restrict string, char** __restrict end, int base);

int abs(int value);
long labs(long value);
long long llabs(long long value);

char* getenv(const char* name);

__END_DECLS

#endif
