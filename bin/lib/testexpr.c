/* POSIX decides 0 to 4 arguments by their count (so `test -n` and
 * `test ! = x` mean what they should); longer expressions are parsed with
 * the classic precedence: ! binds tighter than -a, -a tighter than -o. */
#include "testexpr.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct test {
    char **args;
    int n, pos;
    const char *prog;
    int error;
};

static void test_error(struct test *t, const char *fmt, const char *arg)
{
    if (t->error)
        return;
    t->error = 1;
    fprintf(stderr, "%s: ", t->prog);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
}

static int is_unary(const char *op)
{
    return op[0] == '-' && op[1] && !op[2] && strchr("edfrwxszn" "LhbcpSgtu", op[1]);
}

static int is_binary(const char *op)
{
    static const char *const ops[] = {"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(op, ops[i]) == 0)
            return 1;
    return 0;
}

static long integer(struct test *t, const char *s)
{
    char *end;
    errno = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == s || *end || errno)
        test_error(t, "%s: integer expression expected", s);
    return v;
}

static int unary(struct test *t, const char *op, const char *arg)
{
    struct stat st;
    switch (op[1]) {
    case 'z':
        return !*arg;
    case 'n':
        return *arg != 0;
    case 't':
        return isatty((int)integer(t, arg));
    case 'r':
        return access(arg, R_OK) == 0;
    case 'w':
        return access(arg, W_OK) == 0;
    case 'x':
        return access(arg, X_OK) == 0;
    case 'L':
    case 'h':
        return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
    }
    if (stat(arg, &st) != 0)
        return 0;
    switch (op[1]) {
    case 'e':
        return 1;
    case 'f':
        return S_ISREG(st.st_mode);
    case 'd':
        return S_ISDIR(st.st_mode);
    case 's':
        return st.st_size > 0;
    case 'b':
        return S_ISBLK(st.st_mode);
    case 'c':
        return S_ISCHR(st.st_mode);
    case 'p':
        return S_ISFIFO(st.st_mode);
    case 'S':
        return S_ISSOCK(st.st_mode);
    case 'g':
        return (st.st_mode & S_ISGID) != 0;
    case 'u':
        return (st.st_mode & S_ISUID) != 0;
    }
    return 0;
}

static int binary(struct test *t, const char *l, const char *op, const char *r)
{
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
        return strcmp(l, r) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(l, r) != 0;
    if (strcmp(op, "<") == 0)
        return strcmp(l, r) < 0;
    if (strcmp(op, ">") == 0)
        return strcmp(l, r) > 0;
    long a = integer(t, l), b = integer(t, r);
    if (strcmp(op, "-eq") == 0)
        return a == b;
    if (strcmp(op, "-ne") == 0)
        return a != b;
    if (strcmp(op, "-lt") == 0)
        return a < b;
    if (strcmp(op, "-le") == 0)
        return a <= b;
    if (strcmp(op, "-gt") == 0)
        return a > b;
    return a >= b; /* -ge */
}

static const char *next(struct test *t)
{
    if (t->pos >= t->n) {
        test_error(t, "%s", "argument expected");
        return "";
    }
    return t->args[t->pos++];
}

static int or_expr(struct test *t);

static int primary(struct test *t)
{
    const char *a = next(t);
    if (t->pos < t->n && is_binary(t->args[t->pos]) && t->pos + 1 < t->n) {
        const char *op = t->args[t->pos++];
        return binary(t, a, op, next(t));
    }
    if (strcmp(a, "(") == 0 && t->pos < t->n) {
        int v = or_expr(t);
        if (t->pos >= t->n || strcmp(t->args[t->pos], ")") != 0)
            test_error(t, "%s", "missing )");
        else
            t->pos++;
        return v;
    }
    if (is_unary(a) && t->pos < t->n)
        return unary(t, a, next(t));
    return *a != 0;
}

static int not_expr(struct test *t)
{
    if (t->pos < t->n && strcmp(t->args[t->pos], "!") == 0) {
        t->pos++;
        return !not_expr(t);
    }
    return primary(t);
}

static int and_expr(struct test *t)
{
    int v = not_expr(t);
    while (t->pos < t->n && strcmp(t->args[t->pos], "-a") == 0) {
        t->pos++;
        v = not_expr(t) && v;
    }
    return v;
}

static int or_expr(struct test *t)
{
    int v = and_expr(t);
    while (t->pos < t->n && strcmp(t->args[t->pos], "-o") == 0) {
        t->pos++;
        v = and_expr(t) || v;
    }
    return v;
}

/* The POSIX rules for up to four arguments, args[0..n). */
static int by_count(struct test *t, char **a, int n)
{
    switch (n) {
    case 0:
        return 0;
    case 1:
        return *a[0] != 0;
    case 2:
        if (strcmp(a[0], "!") == 0)
            return !by_count(t, a + 1, 1);
        if (is_unary(a[0]))
            return unary(t, a[0], a[1]);
        break;
    case 3:
        if (is_binary(a[1]))
            return binary(t, a[0], a[1], a[2]);
        if (strcmp(a[1], "-a") == 0)
            return *a[0] && *a[2];
        if (strcmp(a[1], "-o") == 0)
            return *a[0] || *a[2];
        if (strcmp(a[0], "!") == 0)
            return !by_count(t, a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return *a[1] != 0;
        break;
    case 4:
        if (strcmp(a[0], "!") == 0)
            return !by_count(t, a + 1, 3);
        if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
            return by_count(t, a + 1, 2);
        break;
    }
    t->args = a;
    t->n = n;
    t->pos = 0;
    int v = or_expr(t);
    if (t->pos < t->n)
        test_error(t, "%s: unexpected operator", t->args[t->pos]);
    return v;
}

int test_main(int argc, char **argv)
{
    struct test t = {.prog = argv[0]};
    int n = argc - 1;
    if (strcmp(argv[0], "[") == 0) {
        if (n < 1 || strcmp(argv[n], "]") != 0) {
            fprintf(stderr, "[: missing ]\n");
            return 2;
        }
        n--;
    }
    int v = by_count(&t, argv + 1, n);
    return t.error ? 2 : !v;
}
