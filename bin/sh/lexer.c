#include "lexer.h"

#include <string.h>

#include "arena.h"
#include "ast.h"
#include "scan.h"
#include "util.h"

void lexer_init(struct lexer *lx, const char *src, size_t len, int lineno, struct arena *a)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->pos = lx->last_end = src;
    lx->end = src + len;
    lx->lineno = lineno;
    lx->arena = a;
}

int lex_add_heredoc(struct lexer *lx, struct redir *r)
{
    if (lx->npending == LEX_MAX_HEREDOCS)
        return -1;
    lx->pending[lx->npending++] = r;
    return 0;
}

int tok_is(struct token t, const char *w)
{
    return t.kind == T_WORD && t.len == strlen(w) && memcmp(t.start, w, t.len) == 0;
}

static int is_meta(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' ||
           c == '(' || c == ')';
}

static int count_newlines(const char *from, const char *to)
{
    int n = 0;
    for (; from < to; from++)
        n += *from == '\n';
    return n;
}

/* Reads the bodies of the pending here-documents, one line at a time from
 * lx->pos, each up to a line equal to its delimiter. */
static int read_heredocs(struct lexer *lx)
{
    for (int i = 0; i < lx->npending; i++) {
        struct redir *r = lx->pending[i];
        struct strbuf body;
        sb_init(&body);
        for (;;) {
            if (lx->pos >= lx->end) {
                sb_free(&body);
                return -1;
            }
            const char *nl = memchr(lx->pos, '\n', (size_t)(lx->end - lx->pos));
            const char *line_end = nl ? nl : lx->end;
            const char *line = lx->pos;
            if (r->heredoc_strip)
                while (line < line_end && *line == '\t')
                    line++;
            size_t n = (size_t)(line_end - line);
            lx->pos = nl ? nl + 1 : lx->end;
            lx->lineno++;
            if (n == strlen(r->target) && memcmp(line, r->target, n) == 0)
                break;
            if (!nl) { /* a last line without newline that is not the delimiter */
                sb_free(&body);
                return -1;
            }
            sb_putn(&body, line, n);
            sb_putc(&body, '\n');
        }
        r->heredoc_body = arena_strndup(lx->arena, body.s ? body.s : "", body.len);
        sb_free(&body);
    }
    lx->npending = 0;
    return 0;
}

struct operator {
    const char *text;
    enum token_kind kind;
};

/* Longest first, so "<<-" wins over "<<" and "<". */
static const struct operator operators[] = {
    {"<<-", T_DLESSDASH}, {"&&", T_AND_IF}, {"||", T_OR_IF},    {";;", T_DSEMI},  {"<<", T_DLESS},
    {">>", T_DGREAT},     {"<&", T_LESSAND}, {">&", T_GREATAND}, {"<>", T_LESSGREAT}, {">|", T_CLOBBER},
    {"&", T_AMP},         {"|", T_PIPE},    {";", T_SEMI},      {"(", T_LPAREN},  {")", T_RPAREN},
    {"<", T_LESS},        {">", T_GREAT},
};

static struct token lex_scan(struct lexer *lx)
{
    struct token t = {T_EOF, NULL, 0, 0};
    const char *p = lx->pos;

    /* Blanks, line continuations and comments separate tokens. */
    for (;;) {
        if (p < lx->end && (*p == ' ' || *p == '\t')) {
            p++;
        } else if (p + 1 < lx->end && p[0] == '\\' && p[1] == '\n') {
            p += 2;
            lx->lineno++;
        } else if (p + 1 == lx->end && p[0] == '\\') {
            lx->incomplete = 1;
            lx->pos = p;
            t.start = p;
            return t;
        } else if (p < lx->end && *p == '#') {
            while (p < lx->end && *p != '\n')
                p++;
        } else {
            break;
        }
    }
    t.start = p;
    t.lineno = lx->lineno;
    if (p >= lx->end) {
        if (lx->npending)
            lx->incomplete = 1;
        lx->pos = p;
        return t;
    }

    if (*p == '\n') {
        t.kind = T_NEWLINE;
        t.len = 1;
        lx->pos = p + 1;
        lx->lineno++;
        if (lx->npending && read_heredocs(lx) < 0) {
            lx->incomplete = 1;
            t.kind = T_EOF;
        }
        return t;
    }

    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t n = strlen(operators[i].text);
        if ((size_t)(lx->end - p) >= n && memcmp(p, operators[i].text, n) == 0) {
            t.kind = operators[i].kind;
            t.len = n;
            lx->pos = p + n;
            return t;
        }
    }

    /* A word: everything up to an unquoted metacharacter. */
    const char *q = p;
    while (q < lx->end && !is_meta(*q)) {
        const char *next;
        switch (*q) {
        case '\\':
            next = q + 1 < lx->end ? q + 2 : NULL;
            break;
        case '\'':
            next = scan_squote(q + 1, lx->end);
            break;
        case '"':
            next = scan_dquote(q + 1, lx->end);
            break;
        case '`':
            next = scan_backquote(q + 1, lx->end);
            break;
        case '$':
            next = scan_dollar(q, lx->end);
            break;
        default:
            next = q + 1;
        }
        if (!next) {
            lx->incomplete = 1;
            lx->pos = lx->end;
            t.kind = T_EOF;
            return t;
        }
        q = next;
    }
    t.kind = T_WORD;
    t.len = (size_t)(q - p);
    lx->lineno += count_newlines(p, q);
    lx->pos = q;

    int digits = 1;
    for (const char *d = p; d < q; d++)
        if (*d < '0' || *d > '9')
            digits = 0;
    if (digits && q < lx->end && (*q == '<' || *q == '>'))
        t.kind = T_IO_NUMBER;
    return t;
}

struct token lex_peek(struct lexer *lx)
{
    if (!lx->have_peek) {
        lx->peeked = lex_scan(lx);
        lx->have_peek = 1;
    }
    return lx->peeked;
}

struct token lex_next(struct lexer *lx)
{
    struct token t = lex_peek(lx);
    lx->have_peek = 0;
    if (t.kind != T_EOF)
        lx->last_end = t.start + t.len;
    return t;
}
