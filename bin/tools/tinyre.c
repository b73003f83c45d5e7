/* The pattern compiles into a tree: alternatives of sequences of
 * quantified atoms. Matching is backtracking with explicit
 * continuations ("what must match after this atom"), which handles
 * quantified groups and alternation without a separate automaton. */
#include "tinyre.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/charclass.h"

enum kind { CHAR, ANY, SET, BOL, EOL, GROUP };

struct alt;

struct node {
    enum kind kind;
    int min, max; /* repetitions; max -1 = unbounded */
    unsigned char c;
    unsigned char set[32]; /* bitmap of bytes */
    struct alt *group;
};

struct seq {
    struct node *nodes;
    int n, cap;
};

struct alt {
    struct seq *seqs;
    int n, cap;
};

struct tinyre {
    struct alt *top;
    int icase;
};

struct parser {
    const char *p;
    int extended, icase, depth;
    const char *error;
    jmp_buf fail;
};

static void *xcalloc(struct parser *ps, size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        ps->error = "out of memory";
        longjmp(ps->fail, 1);
    }
    return p;
}

static void *grow(struct parser *ps, void *p, int *cap, int n, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? *cap * 2 : 4;
    void *q = realloc(p, (size_t)*cap * size);
    if (!q) {
        ps->error = "out of memory";
        longjmp(ps->fail, 1);
    }
    return q;
}

__attribute__((noreturn)) static void fail(struct parser *ps, const char *msg)
{
    ps->error = msg;
    longjmp(ps->fail, 1);
}

static void set_bit(unsigned char *set, int c)
{
    set[(unsigned char)c >> 3] |= (unsigned char)(1 << (c & 7));
}

static int has_bit(const unsigned char *set, int c)
{
    return set[(unsigned char)c >> 3] & (1 << (c & 7));
}

/* After '[': fills n->set. */
static void parse_bracket(struct parser *ps, struct node *n)
{
    int negate = 0;
    if (*ps->p == '^') {
        negate = 1;
        ps->p++;
    }
    const char *first = ps->p;
    while (*ps->p && (*ps->p != ']' || ps->p == first)) {
        if (ps->p[0] == '[' && ps->p[1] == ':') {
            const char *close = strstr(ps->p + 2, ":]");
            if (!close)
                fail(ps, "unterminated [: class");
            char_class test = char_class_find(ps->p + 2, (size_t)(close - ps->p - 2));
            if (!test)
                fail(ps, "unknown character class");
            for (int c = 1; c < 256; c++)
                if (test(c))
                    set_bit(n->set, c);
            ps->p = close + 2;
            continue;
        }
        unsigned char lo = (unsigned char)*ps->p++, hi = lo;
        if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
            hi = (unsigned char)ps->p[1];
            ps->p += 2;
        }
        for (int c = lo; c <= hi; c++)
            set_bit(n->set, c);
    }
    if (*ps->p != ']')
        fail(ps, "unterminated [");
    ps->p++;
    if (ps->icase)
        for (int c = 1; c < 256; c++)
            if (has_bit(n->set, c)) {
                set_bit(n->set, tolower(c));
                set_bit(n->set, toupper(c));
            }
    if (negate)
        for (int i = 0; i < 32; i++)
            n->set[i] = (unsigned char)~n->set[i];
    n->set[0] &= (unsigned char)~1; /* never NUL */
    n->kind = SET;
}

static struct alt *parse_alt(struct parser *ps);

/* Whether the text at p closes a group / separates alternatives. */
static int at_close(struct parser *ps)
{
    return ps->extended ? *ps->p == ')' && ps->depth > 0 : ps->p[0] == '\\' && ps->p[1] == ')';
}

static int at_bar(struct parser *ps)
{
    return ps->extended ? *ps->p == '|' : ps->p[0] == '\\' && ps->p[1] == '|';
}

static int parse_count(struct parser *ps)
{
    if (!isdigit((unsigned char)*ps->p))
        return -1;
    long n = strtol(ps->p, (char **)&ps->p, 10);
    if (n > 1000)
        fail(ps, "repetition count too large");
    return (int)n;
}

/* A quantifier after an atom, if any. */
static void parse_quantifier(struct parser *ps, struct node *n)
{
    for (;;) {
        const char *p = ps->p;
        int min, max;
        if (*p == '*') {
            min = 0, max = -1;
            ps->p++;
        } else if (ps->extended ? *p == '+' : (p[0] == '\\' && p[1] == '+')) {
            min = 1, max = -1;
            ps->p += ps->extended ? 1 : 2;
        } else if (ps->extended ? *p == '?' : (p[0] == '\\' && p[1] == '?')) {
            min = 0, max = 1;
            ps->p += ps->extended ? 1 : 2;
        } else if (ps->extended ? *p == '{' : (p[0] == '\\' && p[1] == '{')) {
            ps->p += ps->extended ? 1 : 2;
            min = parse_count(ps);
            if (min < 0)
                fail(ps, "invalid repetition count");
            max = min;
            if (*ps->p == ',') {
                ps->p++;
                max = parse_count(ps);
            }
            if (ps->extended ? *ps->p != '}' : (ps->p[0] != '\\' || ps->p[1] != '}'))
                fail(ps, "unterminated {");
            ps->p += ps->extended ? 1 : 2;
            if (max >= 0 && max < min)
                fail(ps, "invalid repetition count");
        } else {
            return;
        }
        /* x** or x{2}{3}: multiply out, conservatively. */
        if (n->min == 1 && n->max == 1) {
            n->min = min;
            n->max = max;
        } else {
            n->min = n->min * min;
            n->max = n->max < 0 || max < 0 ? -1 : n->max * max;
        }
    }
}

/* In a BRE, $ anchors only at the end of the pattern or of a group or
 * alternative; elsewhere it is an ordinary character. */
static int bre_dollar_is_anchor(const char *p)
{
    return p[1] == '\0' || (p[1] == '\\' && (p[2] == ')' || p[2] == '|'));
}

static struct seq parse_seq(struct parser *ps)
{
    struct seq q = {0};
    int start = 1;
    while (*ps->p && !at_close(ps) && !at_bar(ps)) {
        q.nodes = grow(ps, q.nodes, &q.cap, q.n, sizeof *q.nodes);
        struct node *n = &q.nodes[q.n];
        memset(n, 0, sizeof *n);
        n->min = n->max = 1;
        char c = *ps->p;
        int quantifiable = 1;
        if (c == '^' && (ps->extended || start)) {
            n->kind = BOL;
            ps->p++;
            quantifiable = ps->extended;
        } else if (c == '$' && (ps->extended || bre_dollar_is_anchor(ps->p))) {
            n->kind = EOL;
            ps->p++;
            quantifiable = ps->extended;
        } else if (c == '.') {
            n->kind = ANY;
            ps->p++;
        } else if (c == '[') {
            ps->p++;
            parse_bracket(ps, n);
        } else if ((ps->extended && c == '(') || (!ps->extended && c == '\\' && ps->p[1] == '(')) {
            ps->p += ps->extended ? 1 : 2;
            ps->depth++;
            n->kind = GROUP;
            n->group = parse_alt(ps);
            if (!at_close(ps))
                fail(ps, "unmatched (");
            ps->p += ps->extended ? 1 : 2;
            ps->depth--;
        } else if (c == '*' && start && !ps->extended) {
            n->kind = CHAR; /* a leading * is literal in a BRE */
            n->c = '*';
            ps->p++;
        } else if (ps->extended && (c == '*' || c == '+' || c == '?' || c == '{') && start) {
            fail(ps, "repetition operator without operand");
        } else if (c == '\\') {
            if (!ps->p[1])
                fail(ps, "trailing backslash");
            n->kind = CHAR;
            n->c = (unsigned char)ps->p[1];
            ps->p += 2;
        } else {
            n->kind = CHAR;
            n->c = (unsigned char)c;
            ps->p++;
        }
        if (n->kind == CHAR && ps->icase) {
            n->kind = SET;
            set_bit(n->set, tolower(n->c));
            set_bit(n->set, toupper(n->c));
        }
        q.n++;
        start = 0;
        if (quantifiable)
            parse_quantifier(ps, n);
    }
    return q;
}

static struct alt *parse_alt(struct parser *ps)
{
    struct alt *a = xcalloc(ps, 1, sizeof *a);
    for (;;) {
        a->seqs = grow(ps, a->seqs, &a->cap, a->n, sizeof *a->seqs);
        a->seqs[a->n++] = parse_seq(ps);
        if (!at_bar(ps))
            return a;
        ps->p += ps->extended ? 1 : 2;
    }
}

static void free_alt(struct alt *a)
{
    if (!a)
        return;
    for (int i = 0; i < a->n; i++) {
        for (int j = 0; j < a->seqs[i].n; j++)
            free_alt(a->seqs[i].nodes[j].group);
        free(a->seqs[i].nodes);
    }
    free(a->seqs);
    free(a);
}

struct tinyre *tinyre_compile(const char *pattern, int extended, int icase, const char **error)
{
    struct parser ps = {.p = pattern, .extended = extended, .icase = icase};
    /* Parts already built are lost on a syntax error: grep exits then. */
    if (setjmp(ps.fail)) {
        *error = ps.error;
        return NULL;
    }
    struct alt *top = parse_alt(&ps);
    if (*ps.p)
        fail(&ps, extended ? "unmatched )" : "unmatched \\)");
    struct tinyre *re = calloc(1, sizeof *re);
    if (!re) {
        free_alt(top);
        *error = "out of memory";
        return NULL;
    }
    re->top = top;
    re->icase = icase;
    return re;
}

void tinyre_free(struct tinyre *re)
{
    if (re) {
        free_alt(re->top);
        free(re);
    }
}

/* Matching. */

enum cont_kind { K_SEQ, K_REP };

struct cont {
    enum cont_kind kind;
    const struct seq *seq; /* K_SEQ: continue seq at idx */
    int idx;
    const struct node *node; /* K_REP: node matched count times, */
    int count;               /* the last one starting at start */
    const char *start;
    const struct cont *next;
};

struct matcher {
    const char *line;
};

static int match_cont(const struct matcher *m, const struct cont *k, const char *s);

static int match_seq(const struct matcher *m, const struct seq *q, int i, const char *s, const struct cont *k);

static int match_one(const struct matcher *m, const struct node *n, const char *s, const struct cont *k)
{
    switch (n->kind) {
    case CHAR:
        return *s && (unsigned char)*s == n->c && match_cont(m, k, s + 1);
    case ANY:
        return *s && match_cont(m, k, s + 1);
    case SET:
        return *s && has_bit(n->set, (unsigned char)*s) && match_cont(m, k, s + 1);
    case BOL:
        return s == m->line && match_cont(m, k, s);
    case EOL:
        return *s == '\0' && match_cont(m, k, s);
    case GROUP:
        for (int i = 0; i < n->group->n; i++)
            if (match_seq(m, &n->group->seqs[i], 0, s, k))
                return 1;
        return 0;
    }
    return 0;
}

/* n has matched count times so far: greedily try one more, else go on. */
static int match_rep(const struct matcher *m, const struct node *n, int count, const char *s, const struct cont *after)
{
    if (n->max < 0 || count < n->max) {
        struct cont again = {.kind = K_REP, .node = n, .count = count + 1, .start = s, .next = after};
        if (match_one(m, n, s, &again))
            return 1;
    }
    return count >= n->min && match_cont(m, after, s);
}

static int match_seq(const struct matcher *m, const struct seq *q, int i, const char *s, const struct cont *k)
{
    if (i == q->n)
        return match_cont(m, k, s);
    struct cont rest = {.kind = K_SEQ, .seq = q, .idx = i + 1, .next = k};
    return match_rep(m, &q->nodes[i], 0, s, &rest);
}

static int match_cont(const struct matcher *m, const struct cont *k, const char *s)
{
    if (!k)
        return 1;
    if (k->kind == K_SEQ)
        return match_seq(m, k->seq, k->idx, s, k->next);
    /* An iteration that matched nothing must not repeat forever. */
    if (s == k->start)
        return k->count >= k->node->min ? match_cont(m, k->next, s) : match_rep(m, k->node, k->node->min, s, k->next);
    return match_rep(m, k->node, k->count, s, k->next);
}

int tinyre_search(const struct tinyre *re, const char *line)
{
    struct matcher m = {.line = line};
    const char *s = line;
    do {
        for (int i = 0; i < re->top->n; i++)
            if (match_seq(&m, &re->top->seqs[i], 0, s, NULL))
                return 1;
    } while (*s++);
    return 0;
}
