/* Precedence climbing over the C operator table; `skip` is set while
 * evaluating the side of && || ?: that does not count, so it neither
 * assigns nor reports division by zero. */
#include "arith.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "vars.h"

struct arith {
    const char *p;
    const char *expr;
    int skip;
    jmp_buf fail;
};

__attribute__((noreturn)) static void arith_error(struct arith *a, const char *what)
{
    sh_error("arithmetic: %s in \"%s\"", what, a->expr);
    longjmp(a->fail, 1);
}

static void blanks(struct arith *a)
{
    while (isspace((unsigned char)*a->p))
        a->p++;
}

/* Consumes op if it comes next (and is not the start of a longer one). */
static int accept(struct arith *a, const char *op)
{
    blanks(a);
    size_t n = strlen(op);
    if (strncmp(a->p, op, n) != 0)
        return 0;
    /* "<" must not take the "<" of "<<" or "<=", "&" not of "&&", ... */
    char next = a->p[n];
    if (n == 1 && (next == '=' || next == op[0]) && strchr("<>&|=!", op[0]))
        return 0;
    if (n == 1 && next == '=' && strchr("+-*/%^", op[0]))
        return 0;
    if (n == 2 && next == '=' && (op[0] == '<' || op[0] == '>') && op[0] == op[1])
        return 0;
    a->p += n;
    return 1;
}

static long number_value(struct arith *a, const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return 0;
    char *end;
    long v = strtol(s, &end, 0);
    while (isspace((unsigned char)*end))
        end++;
    if (*end)
        arith_error(a, "bad number");
    return v;
}

static long assignment(struct arith *a);
static long step(struct arith *a, const char *name, long delta, int postfix);

static long primary(struct arith *a)
{
    blanks(a);
    if (accept(a, "(")) {
        long v = assignment(a);
        if (!accept(a, ")"))
            arith_error(a, "missing )");
        return v;
    }
    if (isdigit((unsigned char)*a->p)) {
        char *end;
        long v = strtol(a->p, &end, 0);
        if (isalnum((unsigned char)*end) || *end == '_')
            arith_error(a, "bad number");
        a->p = end;
        return v;
    }
    size_t n = name_length(a->p);
    if (n) {
        char *name = xstrndup(a->p, n);
        a->p += n;
        const char *q = a->p;
        while (isspace((unsigned char)*q))
            q++;
        if ((q[0] == '+' || q[0] == '-') && q[1] == q[0]) {
            a->p = q + 2;
            long v = step(a, name, q[0] == '+' ? 1 : -1, 1);
            free(name);
            return v;
        }
        const char *value = var_get(name);
        free(name);
        return value ? number_value(a, value) : 0;
    }
    arith_error(a, *a->p ? "syntax error" : "missing operand");
}

/* name++, name--, ++name, --name: delta is +1 or -1; returns the value
 * before (postfix) or after (prefix) the change. */
static long step(struct arith *a, const char *name, long delta, int postfix)
{
    const char *old = var_get(name);
    long before = old ? number_value(a, old) : 0;
    if (!a->skip) {
        char buf[32];
        snprintf(buf, sizeof buf, "%ld", before + delta);
        var_set(name, buf);
    }
    return postfix ? before : before + delta;
}

/* ++name / --name, when a name follows. */
static int prefix_step(struct arith *a, long *value)
{
    blanks(a);
    if ((a->p[0] != '+' && a->p[0] != '-') || a->p[1] != a->p[0])
        return 0;
    const char *q = a->p + 2;
    while (isspace((unsigned char)*q))
        q++;
    size_t n = name_length(q);
    if (!n)
        return 0;
    char *name = xstrndup(q, n);
    long delta = a->p[0] == '+' ? 1 : -1;
    a->p = q + n;
    *value = step(a, name, delta, 0);
    free(name);
    return 1;
}

static long unary(struct arith *a)
{
    long stepped;
    if (prefix_step(a, &stepped))
        return stepped;
    if (accept(a, "+"))
        return unary(a);
    if (accept(a, "-"))
        return -unary(a);
    if (accept(a, "!"))
        return !unary(a);
    if (accept(a, "~"))
        return ~unary(a);
    return primary(a);
}

static long apply(struct arith *a, const char *op, long l, long r)
{
    switch (op[0]) {
    case '*':
        return l * r;
    case '/':
    case '%':
        if (r == 0) {
            if (a->skip)
                return 0;
            arith_error(a, "division by zero");
        }
        return op[0] == '/' ? l / r : l % r;
    case '+':
        return l + r;
    case '-':
        return l - r;
    case '<':
        return op[1] == '<' ? l << r : op[1] == '=' ? l <= r : l < r;
    case '>':
        return op[1] == '>' ? l >> r : op[1] == '=' ? l >= r : l > r;
    case '=':
        return l == r;
    case '!':
        return l != r;
    case '&':
        return l & r;
    case '^':
        return l ^ r;
    case '|':
        return l | r;
    }
    return 0;
}

/* Binary operators by level, lowest precedence first (after && and ||). */
static const char *const levels[][5] = {
    {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
};
#define LEVELS (int)(sizeof levels / sizeof levels[0])

static long binary(struct arith *a, int level)
{
    if (level == LEVELS)
        return unary(a);
    long l = binary(a, level + 1);
    for (;;) {
        const char *op = NULL;
        for (int i = 0; i < 5 && levels[level][i]; i++)
            if (accept(a, levels[level][i])) {
                op = levels[level][i];
                break;
            }
        if (!op)
            return l;
        long r = binary(a, level + 1);
        l = apply(a, op, l, r);
    }
}

static long logical_and(struct arith *a)
{
    long l = binary(a, 0);
    while (accept(a, "&&")) {
        int skip = a->skip;
        a->skip |= !l;
        long r = binary(a, 0);
        a->skip = skip;
        l = l && r;
    }
    return l;
}

static long logical_or(struct arith *a)
{
    long l = logical_and(a);
    while (accept(a, "||")) {
        int skip = a->skip;
        a->skip |= l != 0;
        long r = logical_and(a);
        a->skip = skip;
        l = l || r;
    }
    return l;
}

static long conditional(struct arith *a)
{
    long c = logical_or(a);
    if (!accept(a, "?"))
        return c;
    int skip = a->skip;
    a->skip = skip || !c;
    long t = assignment(a);
    if (!accept(a, ":"))
        arith_error(a, "missing :");
    a->skip = skip || c;
    long f = conditional(a);
    a->skip = skip;
    return c ? t : f;
}

static long assignment(struct arith *a)
{
    blanks(a);
    size_t n = name_length(a->p);
    if (n) {
        static const char *const ops[] = {"=", "+=", "-=", "*=", "/=", "%="};
        const char *after = a->p + n;
        while (isspace((unsigned char)*after))
            after++;
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
            size_t len = strlen(ops[i]);
            if (strncmp(after, ops[i], len) != 0 || after[len] == '=')
                continue;
            char *name = xstrndup(a->p, n);
            a->p = after + len;
            long v = assignment(a);
            if (ops[i][0] != '=') {
                const char *old = var_get(name);
                char opname[2] = {ops[i][0], '\0'};
                v = apply(a, opname, old ? number_value(a, old) : 0, v);
            }
            if (!a->skip) {
                char buf[32];
                snprintf(buf, sizeof buf, "%ld", v);
                var_set(name, buf);
            }
            free(name);
            return v;
        }
    }
    return conditional(a);
}

int arith_eval(const char *expr, long *result)
{
    struct arith a = {.p = expr, .expr = expr, .skip = 0};
    if (setjmp(a.fail))
        return -1;
    blanks(&a);
    if (!*a.p) {
        *result = 0;
        return 0;
    }
    *result = assignment(&a);
    blanks(&a);
    if (*a.p)
        arith_error(&a, "syntax error");
    return 0;
}
