/* A recursive-descent parser for the POSIX shell grammar (without
 * aliases). Syntax errors longjmp back to parse_command: everything is
 * allocated from the arena, so nothing leaks on the way out. */
#include "parser.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "lexer.h"
#include "shell.h"
#include "util.h"

struct parser {
    struct lexer lx;
    struct arena *a;
    jmp_buf fail;
    int final;
    int had_separator; /* the last item parsed ended with ; or & */
};

static const char *token_name(struct token t, char *buf, size_t size)
{
    switch (t.kind) {
    case T_EOF:
        return "end of file";
    case T_NEWLINE:
        return "newline";
    default:
        snprintf(buf, size, "%.*s", (int)(t.len > 40 ? 40 : t.len), t.start);
        return buf;
    }
}

__attribute__((noreturn)) static void syntax_error(struct parser *p, struct token t)
{
    if (!p->final && (p->lx.incomplete || t.kind == T_EOF))
        longjmp(p->fail, PARSE_INCOMPLETE);
    char buf[64];
    shell.lineno = t.lineno;
    sh_error("syntax error: unexpected %s%s%s", t.kind > T_NEWLINE ? "`" : "", token_name(t, buf, sizeof buf),
             t.kind > T_NEWLINE ? "'" : "");
    longjmp(p->fail, PARSE_ERROR);
}

static struct node *new_node(struct parser *p, enum node_kind kind, int lineno)
{
    struct node *n = arena_alloc(p->a, sizeof *n);
    n->kind = kind;
    n->lineno = lineno;
    return n;
}

static char *token_text(struct parser *p, struct token t)
{
    return arena_strndup(p->a, t.start, t.len);
}

static void skip_newlines(struct parser *p)
{
    while (lex_peek(&p->lx).kind == T_NEWLINE)
        lex_next(&p->lx);
}

static void expect_word(struct parser *p, const char *w)
{
    struct token t = lex_next(&p->lx);
    if (!tok_is(t, w))
        syntax_error(p, t);
}

static int is_reserved(struct token t)
{
    static const char *const words[] = {"if", "then", "else", "elif", "fi", "do", "done", "while",
                                        "until", "for", "case", "esac", "in", "{", "}", "!"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (tok_is(t, words[i]))
            return 1;
    return 0;
}

/* Tokens that end a compound list. */
static int ends_list(struct token t)
{
    return t.kind == T_EOF || t.kind == T_RPAREN || t.kind == T_DSEMI || tok_is(t, "then") || tok_is(t, "else") ||
           tok_is(t, "elif") || tok_is(t, "fi") || tok_is(t, "do") || tok_is(t, "done") || tok_is(t, "esac") ||
           tok_is(t, "}");
}

static struct node *parse_and_or(struct parser *p);
static struct node *parse_cmd(struct parser *p);

/* An and-or list with its separator, remembering its text for jobs. */
static struct node_list *parse_item(struct parser *p)
{
    struct node_list *item = arena_alloc(p->a, sizeof *item);
    const char *start = lex_peek(&p->lx).start;
    item->node = parse_and_or(p);
    const char *end = p->lx.last_end;
    item->text = arena_strndup(p->a, start, end > start ? (size_t)(end - start) : 0);
    struct token t = lex_peek(&p->lx);
    p->had_separator = t.kind == T_SEMI || t.kind == T_AMP;
    if (p->had_separator) {
        lex_next(&p->lx);
        item->async = t.kind == T_AMP;
    }
    return item;
}

/* The body of if/while/for/case/{ }/( ): and-or lists separated by ; & or
 * newlines, up to a closing reserved word. */
static struct node *parse_compound_list(struct parser *p)
{
    skip_newlines(p);
    struct node *list = new_node(p, N_LIST, lex_peek(&p->lx).lineno);
    struct node_list **tail = &list->u.list.items;
    while (!ends_list(lex_peek(&p->lx))) {
        struct node_list *item = parse_item(p);
        *tail = item;
        tail = &item->next;
        struct token t = lex_peek(&p->lx);
        if (t.kind == T_NEWLINE)
            skip_newlines(p);
        else if (!ends_list(t) && !p->had_separator)
            syntax_error(p, t);
    }
    if (!list->u.list.items)
        syntax_error(p, lex_peek(&p->lx));
    return list;
}

static struct node *parse_pipeline(struct parser *p)
{
    int bang = 0;
    if (tok_is(lex_peek(&p->lx), "!")) {
        lex_next(&p->lx);
        bang = 1;
    }
    struct node *first = parse_cmd(p);
    if (!bang && lex_peek(&p->lx).kind != T_PIPE)
        return first;
    struct node *n = new_node(p, N_PIPELINE, first->lineno);
    n->u.pipeline.bang = bang;
    struct node_list **tail = &n->u.pipeline.cmds;
    *tail = arena_alloc(p->a, sizeof **tail);
    (*tail)->node = first;
    tail = &(*tail)->next;
    while (lex_peek(&p->lx).kind == T_PIPE) {
        lex_next(&p->lx);
        skip_newlines(p);
        *tail = arena_alloc(p->a, sizeof **tail);
        (*tail)->node = parse_cmd(p);
        tail = &(*tail)->next;
    }
    return n;
}

static struct node *parse_and_or(struct parser *p)
{
    struct node *left = parse_pipeline(p);
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind != T_AND_IF && t.kind != T_OR_IF)
            return left;
        lex_next(&p->lx);
        skip_newlines(p);
        struct node *n = new_node(p, t.kind == T_AND_IF ? N_AND : N_OR, t.lineno);
        n->u.andor.left = left;
        n->u.andor.right = parse_pipeline(p);
        left = n;
    }
}

char *unquote_delimiter(struct arena *a, const char *text, int *quoted)
{
    size_t n = strlen(text);
    char *out = arena_alloc(a, n + 1);
    char *o = out;
    *quoted = 0;
    for (const char *s = text; *s; s++) {
        if (*s == '\'' || *s == '"') {
            *quoted = 1;
        } else if (*s == '\\' && s[1]) {
            *quoted = 1;
            *o++ = *++s;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

static int is_redirect_op(enum token_kind k)
{
    return k >= T_LESS && k <= T_DLESSDASH;
}

static struct redir *parse_redirect(struct parser *p)
{
    struct redir *r = arena_alloc(p->a, sizeof *r);
    struct token t = lex_next(&p->lx);
    r->fd = -1;
    if (t.kind == T_IO_NUMBER) {
        long fd = parse_number(token_text(p, t));
        if (fd < 0 || fd > 255) {
            shell.lineno = t.lineno;
            sh_error("bad file descriptor number %.*s", (int)t.len, t.start);
            longjmp(p->fail, PARSE_ERROR);
        }
        r->fd = (int)fd;
        t = lex_next(&p->lx);
    }
    static const struct {
        enum token_kind tok;
        enum redir_kind kind;
        int fd;
    } ops[] = {
        {T_LESS, R_IN, 0},        {T_GREAT, R_OUT, 1},       {T_DGREAT, R_APPEND, 1}, {T_CLOBBER, R_CLOBBER, 1},
        {T_LESSGREAT, R_RDWR, 0}, {T_LESSAND, R_DUPIN, 0},   {T_GREATAND, R_DUPOUT, 1}, {T_DLESS, R_HEREDOC, 0},
        {T_DLESSDASH, R_HEREDOC, 0},
    };
    size_t i = 0;
    while (i < sizeof ops / sizeof ops[0] && ops[i].tok != t.kind)
        i++;
    if (i == sizeof ops / sizeof ops[0])
        syntax_error(p, t);
    r->kind = ops[i].kind;
    if (r->fd < 0)
        r->fd = ops[i].fd;
    struct token target = lex_next(&p->lx);
    if (target.kind != T_WORD)
        syntax_error(p, target);
    r->target = token_text(p, target);
    if (r->kind == R_HEREDOC) {
        r->heredoc_strip = t.kind == T_DLESSDASH;
        r->target = unquote_delimiter(p->a, r->target, &r->heredoc_quoted);
        if (lex_add_heredoc(&p->lx, r) < 0) {
            sh_error("too many here-documents on one line");
            longjmp(p->fail, PARSE_ERROR);
        }
    }
    return r;
}

/* Redirections after a compound command: `done < file`. */
static void parse_trailing_redirects(struct parser *p, struct node *n)
{
    struct redir **tail = &n->redirs;
    while (is_redirect_op(lex_peek(&p->lx).kind) || lex_peek(&p->lx).kind == T_IO_NUMBER) {
        *tail = parse_redirect(p);
        tail = &(*tail)->next;
    }
}

static int is_assignment(struct token t)
{
    size_t n = 0;
    while (n < t.len && (t.start[n] == '_' || (t.start[n] >= 'a' && t.start[n] <= 'z') ||
                         (t.start[n] >= 'A' && t.start[n] <= 'Z') || (n > 0 && t.start[n] >= '0' && t.start[n] <= '9')))
        n++;
    return n > 0 && n < t.len && t.start[n] == '=';
}

static struct node *parse_simple(struct parser *p)
{
    struct node *n = new_node(p, N_SIMPLE, lex_peek(&p->lx).lineno);
    struct word **assigns = &n->u.simple.assigns, **words = &n->u.simple.words;
    struct redir **redirs = &n->redirs;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind == T_IO_NUMBER || is_redirect_op(t.kind)) {
            *redirs = parse_redirect(p);
            redirs = &(*redirs)->next;
        } else if (t.kind == T_WORD) {
            lex_next(&p->lx);
            struct word *w = arena_alloc(p->a, sizeof *w);
            w->text = token_text(p, t);
            if (!n->u.simple.words && is_assignment(t)) {
                *assigns = w;
                assigns = &w->next;
            } else {
                *words = w;
                words = &w->next;
            }
        } else {
            break;
        }
    }
    if (!n->u.simple.words && !n->u.simple.assigns && !n->redirs)
        syntax_error(p, lex_peek(&p->lx));
    return n;
}

static struct node *parse_if_rest(struct parser *p, int lineno)
{
    struct node *n = new_node(p, N_IF, lineno);
    n->u.if_.cond = parse_compound_list(p);
    expect_word(p, "then");
    n->u.if_.then_part = parse_compound_list(p);
    struct token t = lex_next(&p->lx);
    if (tok_is(t, "elif")) {
        n->u.if_.else_part = parse_if_rest(p, t.lineno);
        return n; /* the nested if consumed the fi */
    }
    if (tok_is(t, "else")) {
        n->u.if_.else_part = parse_compound_list(p);
        t = lex_next(&p->lx);
    }
    if (!tok_is(t, "fi"))
        syntax_error(p, t);
    return n;
}

static struct node *parse_do_group(struct parser *p)
{
    expect_word(p, "do");
    struct node *body = parse_compound_list(p);
    expect_word(p, "done");
    return body;
}

static struct node *parse_for(struct parser *p, int lineno)
{
    struct node *n = new_node(p, N_FOR, lineno);
    struct token name = lex_next(&p->lx);
    if (name.kind != T_WORD || !is_name(token_text(p, name)))
        syntax_error(p, name);
    n->u.for_.var = token_text(p, name);
    skip_newlines(p);
    struct token t = lex_peek(&p->lx);
    if (tok_is(t, "in")) {
        lex_next(&p->lx);
        n->u.for_.has_in = 1;
        struct word **tail = &n->u.for_.words;
        while (lex_peek(&p->lx).kind == T_WORD) {
            struct word *w = arena_alloc(p->a, sizeof *w);
            w->text = token_text(p, lex_next(&p->lx));
            *tail = w;
            tail = &w->next;
        }
        t = lex_next(&p->lx);
        if (t.kind != T_SEMI && t.kind != T_NEWLINE)
            syntax_error(p, t);
        skip_newlines(p);
    } else if (t.kind == T_SEMI) {
        lex_next(&p->lx);
        skip_newlines(p);
    }
    n->u.for_.body = parse_do_group(p);
    return n;
}

static struct node *parse_case(struct parser *p, int lineno)
{
    struct node *n = new_node(p, N_CASE, lineno);
    struct token subject = lex_next(&p->lx);
    if (subject.kind != T_WORD)
        syntax_error(p, subject);
    n->u.case_.subject = token_text(p, subject);
    skip_newlines(p);
    expect_word(p, "in");
    skip_newlines(p);
    struct case_item **tail = &n->u.case_.items;
    while (!tok_is(lex_peek(&p->lx), "esac")) {
        struct case_item *item = arena_alloc(p->a, sizeof *item);
        if (lex_peek(&p->lx).kind == T_LPAREN)
            lex_next(&p->lx);
        struct word **ptail = &item->patterns;
        for (;;) {
            struct token t = lex_next(&p->lx);
            if (t.kind != T_WORD)
                syntax_error(p, t);
            struct word *w = arena_alloc(p->a, sizeof *w);
            w->text = token_text(p, t);
            *ptail = w;
            ptail = &w->next;
            t = lex_next(&p->lx);
            if (t.kind == T_RPAREN)
                break;
            if (t.kind != T_PIPE)
                syntax_error(p, t);
        }
        skip_newlines(p);
        struct token t = lex_peek(&p->lx);
        if (t.kind != T_DSEMI && !tok_is(t, "esac"))
            item->body = parse_compound_list(p);
        *tail = item;
        tail = &item->next;
        t = lex_peek(&p->lx);
        if (t.kind == T_DSEMI) {
            lex_next(&p->lx);
            skip_newlines(p);
        } else if (!tok_is(t, "esac")) {
            syntax_error(p, t);
        }
    }
    lex_next(&p->lx);
    return n;
}

static struct node *parse_cmd(struct parser *p)
{
    struct token t = lex_peek(&p->lx);
    struct node *n;
    if (t.kind == T_LPAREN) {
        lex_next(&p->lx);
        n = new_node(p, N_SUBSHELL, t.lineno);
        n->u.group.body = parse_compound_list(p);
        struct token close = lex_next(&p->lx);
        if (close.kind != T_RPAREN)
            syntax_error(p, close);
    } else if (tok_is(t, "{")) {
        lex_next(&p->lx);
        n = new_node(p, N_GROUP, t.lineno);
        n->u.group.body = parse_compound_list(p);
        expect_word(p, "}");
    } else if (tok_is(t, "if")) {
        lex_next(&p->lx);
        n = parse_if_rest(p, t.lineno);
    } else if (tok_is(t, "while") || tok_is(t, "until")) {
        lex_next(&p->lx);
        n = new_node(p, tok_is(t, "while") ? N_WHILE : N_UNTIL, t.lineno);
        n->u.loop.cond = parse_compound_list(p);
        n->u.loop.body = parse_do_group(p);
    } else if (tok_is(t, "for")) {
        lex_next(&p->lx);
        n = parse_for(p, t.lineno);
    } else if (tok_is(t, "case")) {
        lex_next(&p->lx);
        n = parse_case(p, t.lineno);
    } else if (is_reserved(t)) {
        syntax_error(p, t);
    } else {
        n = parse_simple(p);
        struct word *w = n->u.simple.words;
        /* name() compound-command: a function definition. */
        if (w && !w->next && !n->u.simple.assigns && !n->redirs && lex_peek(&p->lx).kind == T_LPAREN &&
            is_name(w->text)) {
            lex_next(&p->lx);
            struct token close = lex_next(&p->lx);
            if (close.kind != T_RPAREN)
                syntax_error(p, close);
            skip_newlines(p);
            struct node *f = new_node(p, N_FUNCDEF, n->lineno);
            f->u.func.name = w->text;
            f->u.func.body = parse_cmd(p);
            f->u.func.arena = p->a;
            return f;
        }
        return n;
    }
    parse_trailing_redirects(p, n);
    return n;
}

/* The part of parse_command that may longjmp out. */
static void parse_top(struct parser *p, struct node **out)
{
    skip_newlines(p);
    struct token t = lex_peek(&p->lx);
    if (t.kind == T_EOF) {
        if (p->lx.incomplete)
            syntax_error(p, t);
        return;
    }
    struct node *list = new_node(p, N_LIST, t.lineno);
    struct node_list **tail = &list->u.list.items;
    for (;;) {
        struct node_list *item = parse_item(p);
        *tail = item;
        tail = &item->next;
        t = lex_peek(&p->lx);
        if (t.kind == T_NEWLINE || t.kind == T_EOF)
            break;
        if (!p->had_separator)
            syntax_error(p, t);
    }
    t = lex_next(&p->lx);
    if (p->lx.incomplete)
        syntax_error(p, t);
    *out = list;
}

enum parse_status parse_command(const char *src, size_t len, int lineno, int final, struct arena *a,
                                struct node **out, size_t *consumed, int *next_lineno)
{
    struct parser *p = xmalloc(sizeof *p);
    lexer_init(&p->lx, src, len, lineno, a);
    p->a = a;
    p->final = final;
    p->had_separator = 0;
    *out = NULL;
    int status = setjmp(p->fail);
    if (status == 0) {
        parse_top(p, out);
        status = PARSE_OK;
    }
    *consumed = (size_t)(p->lx.pos - src);
    *next_lineno = p->lx.lineno;
    free(p);
    return (enum parse_status)status;
}
