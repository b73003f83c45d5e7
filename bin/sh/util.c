#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell.h"

static void out_of_memory(void)
{
    static const char message[] = "sh: out of memory\n";
    write(2, message, sizeof message - 1);
    _exit(2);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sb_init(struct strbuf *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
}

void sb_free(struct strbuf *b)
{
    free(b->s);
    sb_init(b);
}

static void sb_reserve(struct strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_putc(struct strbuf *b, char c)
{
    sb_reserve(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

void sb_putn(struct strbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(struct strbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

char *sb_take(struct strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    sb_init(b);
    return s;
}

void sv_init(struct strvec *v)
{
    v->v = xmalloc(sizeof(char *));
    v->v[0] = NULL;
    v->len = 0;
    v->cap = 1;
}

void sv_push(struct strvec *v, char *s)
{
    if (v->len + 2 > v->cap) {
        v->cap = v->cap * 2 + 2;
        v->v = xrealloc(v->v, v->cap * sizeof(char *));
    }
    v->v[v->len++] = s;
    v->v[v->len] = NULL;
}

void sv_free(struct strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->v[i]);
    free(v->v);
    v->v = NULL;
    v->len = v->cap = 0;
}

void sh_error(const char *fmt, ...)
{
    /* stdout may hold builtin output that belongs before the error. */
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fputs("sh: ", stderr);
    if (shell.script_name && !shell.interactive && shell.lineno > 0)
        fprintf(stderr, "%s: line %d: ", shell.script_name, shell.lineno);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
}

int fd_copy_high(int fd)
{
    int copy = fcntl(fd, F_DUPFD, 10);
    if (copy < 0 && errno != EBADF)
        copy = dup(fd); /* no F_DUPFD: a low copy still works */
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);
    return copy;
}

int fd_is_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0 || errno != EBADF;
}

size_t name_length(const char *s)
{
    size_t n = 0;
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    return n;
}

int is_name(const char *s)
{
    size_t n = name_length(s);
    return n > 0 && s[n] == '\0';
}

long parse_number(const char *s)
{
    if (!*s)
        return -1;
    long n = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || n > 100000000L)
            return -1;
        n = n * 10 + (*s - '0');
    }
    return n;
}
