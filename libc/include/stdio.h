/* Buffered streams over file descriptors. stdout is line-buffered on a
 * terminal and fully buffered otherwise, stderr unbuffered, stdin buffered;
 * reading from a stream that is not fully buffered first flushes every
 * line-buffered output stream (so prompts appear). exit flushes everything. */
#ifndef __BANOS_STDIO_H
#define __BANOS_STDIO_H

#include <sys/cdefs.h>
#include <stdarg.h>
#include <bits/size_t.h>
#include <bits/ssize_t.h>
#include <bits/null.h>
#include <bits/types.h>

#define EOF (-1)
#define BUFSIZ 4096
#define FOPEN_MAX 64
#define FILENAME_MAX 4096
#define L_tmpnam 32
#define TMP_MAX 238328
#define P_tmpdir "/tmp"

#include <bits/seek.h>

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

typedef struct __banos_file FILE;
typedef off_t fpos_t;

__BEGIN_DECLS

extern FILE* const stdin;
extern FILE* const stdout;
extern FILE* const stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

/* Modes: r w a, each with + (update), b (ignored), x (O_EXCL), e
 * (O_CLOEXEC); new files get mode 0666 minus the umask. */
FILE* fopen(const char* __restrict path, const char* __restrict mode);
FILE* fdopen(int fd, const char* mode);
FILE* freopen(const char* __restrict path, const char* __restrict mode, FILE* __restrict stream);
/* Flushes, closes the descriptor and frees the stream (never stdin,
 * stdout or stderr themselves, which stay usable as closed streams). */
int fclose(FILE* stream);
/* Flushes one stream, or every stream when given NULL. */
int fflush(FILE* stream);
int setvbuf(FILE* __restrict stream, char* __restrict buffer, int mode, size_t size);
void setbuf(FILE* __restrict stream, char* __restrict buffer);
void setlinebuf(FILE* stream);
int fileno(FILE* stream);

size_t fread(void* __restrict data, size_t size, size_t count, FILE* __restrict stream);
size_t fwrite(const void* __restrict data, size_t size, size_t count, FILE* __restrict stream);
int fgetc(FILE* stream);
int getc(FILE* stream);
int getchar(void);
/* As many characters as the stream's push-back area holds (at least 1). */
int ungetc(int character, FILE* stream);
char* fgets(char* __restrict line, int size, FILE* __restrict stream);
ssize_t getline(char** __restrict line, size_t* __restrict size, FILE* __restrict stream);
ssize_t getdelim(char** __restrict line, size_t* __restrict size, int delimiter, FILE* __restrict stream);
int fputc(int character, FILE* stream);
int putc(int character, FILE* stream);
int putchar(int character);
int fputs(const char* __restrict string, FILE* __restrict stream);
int puts(const char* string);

int fseek(FILE* stream, long offset, int whence);
int fseeko(FILE* stream, off_t offset, int whence);
long ftell(FILE* stream);
off_t ftello(FILE* stream);
void rewind(FILE* stream);
int fgetpos(FILE* __restrict stream, fpos_t* __restrict position);
int fsetpos(FILE* stream, const fpos_t* position);
int feof(FILE* stream);
int ferror(FILE* stream);
void clearerr(FILE* stream);

/* Every conversion of C17 including the floating ones (exactly rounded);
 * see libc/src/core/format.h. */
int printf(const char* __restrict format, ...) __BANOS_PRINTF(1, 2);
int fprintf(FILE* __restrict stream, const char* __restrict format, ...) __BANOS_PRINTF(2, 3);
int dprintf(int fd, const char* __restrict format, ...) __BANOS_PRINTF(2, 3);
int sprintf(char* __restrict buffer, const char* __restrict format, ...) __BANOS_PRINTF(2, 3);
int snprintf(char* __restrict buffer, size_t size, const char* __restrict format, ...) __BANOS_PRINTF(3, 4);
int asprintf(char** __restrict result, const char* __restrict format, ...) __BANOS_PRINTF(2, 3);
int vprintf(const char* __restrict format, va_list arguments) __BANOS_PRINTF(1, 0);
int vfprintf(FILE* __restrict stream, const char* __restrict format, va_list arguments) __BANOS_PRINTF(2, 0);
int vdprintf(int fd, const char* __restrict format, va_list arguments) __BANOS_PRINTF(2, 0);
int vsprintf(char* __restrict buffer, const char* __restrict format, va_list arguments) __BANOS_PRINTF(2, 0);
int vsnprintf(char* __restrict buffer, size_t size, const char* __restrict format, va_list arguments)
    __BANOS_PRINTF(3, 0);
int vasprintf(char** __restrict result, const char* __restrict format, va_list arguments) __BANOS_PRINTF(2, 0);

/* See libc/src/core/scan.h. */
int scanf(const char* __restrict format, ...) __BANOS_SCANF(1, 2);
int fscanf(FILE* __restrict stream, const char* __restrict format, ...) __BANOS_SCANF(2, 3);
int sscanf(const char* __restrict string, const char* __restrict format, ...) __BANOS_SCANF(2, 3);
int vscanf(const char* __restrict format, va_list arguments) __BANOS_SCANF(1, 0);
int vfscanf(FILE* __restrict stream, const char* __restrict format, va_list arguments) __BANOS_SCANF(2, 0);
int vsscanf(const char* __restrict string, const char* __restrict format, va_list arguments) __BANOS_SCANF(2, 0);

void perror(const char* prefix);
/* unlink, or rmdir for a directory. */
int remove(const char* path);
int rename(const char* from, const char* to);
#ifdef BANOS_HAS_SLOT_renameat
int renameat(int from_dirfd, const char* from, int to_dirfd, const char* to);
#endif
/* A new file under P_tmpdir, already unlinked, opened "w+". */
FILE* tmpfile(void);

/* A pipe to or from /bin/sh -c command; pclose waits for it. */
FILE* popen(const char* command, const char* mode);
int pclose(FILE* stream);

__END_DECLS

#endif
