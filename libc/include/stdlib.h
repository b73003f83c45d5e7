#ifndef __BANOS_STDLIB_H
#define __BANOS_STDLIB_H

#include <sys/cdefs.h>
#include <bits/size_t.h>
#include <bits/null.h>
#include <bits/wchar.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX 1

/* How many functions atexit (and C++'s __cxa_atexit) can register. */
#define __BANOS_ATEXIT_MAX 64

typedef struct {
    int quot;
    int rem;
} div_t;
typedef struct {
    long quot;
    long rem;
} ldiv_t;
typedef struct {
    long long quot;
    long long rem;
} lldiv_t;

__BEGIN_DECLS

/* Memory: see libc/src/core/heap.h. Requests under 64 KiB come from 1 MiB
 * arenas, larger ones get mappings of their own; free gives both back to
 * the system as soon as they are unused. Alignment is 16. Freeing a
 * pointer malloc did not return aborts with a message. */
void* malloc(size_t size);
void* calloc(size_t count, size_t size);
void* realloc(void* pointer, size_t size);
/* OpenBSD: realloc(pointer, count * size), failing with ENOMEM on overflow. */
void* reallocarray(void* pointer, size_t count, size_t size);
void free(void* pointer);
void* aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void** result, size_t alignment, size_t size);
void* memalign(size_t alignment, size_t size);
size_t malloc_usable_size(void* pointer);

/* Runs the atexit handlers (last registered first), then the fini_array,
 * flushes every stdio stream, and ends the process. */
__BANOS_NORETURN void exit(int status);
/* Ends the process at once: no handlers, no flushing. */
__BANOS_NORETURN void _Exit(int status);
/* Raises SIGABRT (unblocked, and again with the default action if a handler
 * returns); if the process still lives, ends it with status 127. */
__BANOS_NORETURN void abort(void);
/* 0 on success, -1 when the table of __BANOS_ATEXIT_MAX entries is full. */
int atexit(void (*function)(void));

int atoi(const char* string);
long atol(const char* string);
long long atoll(const char* string);
double atof(const char* string);
long strtol(const char* __restrict string, char** __restrict end, int base);
unsigned long strtoul(const char* __restrict string, char** __restrict end, int base);
long long strtoll(const char* __restrict string, char** __restrict end, int base);
unsigned long long strtoull(const char* __restrict string, char** __restrict end, int base);
/* Correctly rounded (to nearest); ERANGE on overflow and underflow. */
double strtod(const char* __restrict string, char** __restrict end);
float strtof(const char* __restrict string, char** __restrict end);
long double strtold(const char* __restrict string, char** __restrict end);

int abs(int value);
long labs(long value);
long long llabs(long long value);
div_t div(int numerator, int denominator);
ldiv_t ldiv(long numerator, long denominator);
lldiv_t lldiv(long long numerator, long long denominator);

/* A linear congruential generator; srand(1) is the initial state. */
int rand(void);
void srand(unsigned int seed);
int rand_r(unsigned int* state);
long random(void);
void srandom(unsigned int seed);

void qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*));
void qsort_r(void* base, size_t count, size_t size, int (*compare)(const void*, const void*, void*),
    void* context);
void* bsearch(const void* key, const void* base, size_t count, size_t size,
    int (*compare)(const void*, const void*));

char* getenv(const char* name);
/* setenv copies; putenv keeps the string itself in the environment. */
int setenv(const char* name, const char* value, int overwrite);
int unsetenv(const char* name);
int putenv(char* string);
int clearenv(void);

/* Replaces the trailing XXXXXX and creates the file (O_EXCL, mode 0600). */
int mkstemp(char* pattern);
char* mkdtemp(char* pattern);
/* /bin/sh -c command, waited for; the status as waitpid gives it. */
int system(const char* command);
/* A canonical absolute path: ".", ".." and repeated slashes resolved
 * textually from the working directory (there are no symbolic links to
 * follow); the file must exist. */
char* realpath(const char* __restrict path, char* __restrict resolved);

/* The "C" locale's multibyte characters are single bytes. */
int mblen(const char* string, size_t count);
int mbtowc(wchar_t* __restrict wide, const char* __restrict string, size_t count);
int wctomb(char* string, wchar_t wide);
size_t mbstowcs(wchar_t* __restrict wide, const char* __restrict string, size_t count);
size_t wcstombs(char* __restrict string, const wchar_t* __restrict wide, size_t count);

__END_DECLS

#endif
