/* Small helpers every part of the shell uses: allocation that cannot fail
 * (the shell has no sensible way to continue without memory), growable
 * strings and string vectors, and error printing with the "sh:" prefix. */
#ifndef SH_UTIL_H
#define SH_UTIL_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated string. */
struct strbuf {
    char *s;
    size_t len, cap;
};
void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
void sb_putc(struct strbuf *b, char c);
void sb_putn(struct strbuf *b, const char *s, size_t n);
void sb_puts(struct strbuf *b, const char *s);
char *sb_take(struct strbuf *b); /* returns the string, leaves b empty */

/* A growable NULL-terminated array of strings it owns. */
struct strvec {
    char **v;
    size_t len, cap;
};
void sv_init(struct strvec *v);
void sv_push(struct strvec *v, char *s); /* takes ownership of s */
void sv_free(struct strvec *v);

/* "sh: <message>" on stderr. */
void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Whether s is a valid variable name (letters, digits, underscore). */
int is_name(const char *s);
/* Length of the name at the start of s (0 if none). */
size_t name_length(const char *s);

/* A close-on-exec copy of fd numbered 10 or above (out of the way of the
 * fds redirections name), or any copy if that is not possible; -1 with
 * errno EBADF if fd is not open. */
int fd_copy_high(int fd);
/* Whether fd is an open file descriptor. */
int fd_is_open(int fd);

/* Parses a non-negative decimal integer; -1 if s is not one. */
long parse_number(const char *s);

#endif
