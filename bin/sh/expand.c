/* The expander walks a word's raw text once, appending characters to a
 * buffer together with a flag per character that says how it got there:
 * literal (unquoted source text), split (result of an unquoted expansion)
 * or quoted. Field splitting only cuts at split characters, pathname
 * expansion only honours unquoted pattern characters, and quote removal
 * has already happened because quotes are never copied. */
#include "expand.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "ast.h"
#include "exec.h"
#include "glob.h"
#include "pattern.h"
#include "scan.h"
#include "shell.h"
#include "util.h"
#include "vars.h"

int expand_cmdsubst_status = -1;

enum { Q_LIT, Q_SPLIT, Q_QUOTED };
enum { X_FIELDS, X_STRING, X_PATTERN };
enum { CTX_UNQUOTED, CTX_DQUOTE, CTX_HEREDOC };

struct xbuf {
    struct strbuf s;
    char *flags;
    size_t fcap;
    int have_field; /* a quote was seen: the field exists even if empty */
    int mode;
    struct strvec *out;
    const char *word_start;
    int error;
    int empty_at; /* "$@" expanded to nothing inside the current quotes */
};

static void xb_put(struct xbuf *x, char c, int flag)
{
    if (x->s.len + 1 >= x->fcap) {
        x->fcap = x->fcap ? x->fcap * 2 : 64;
        x->flags = xrealloc(x->flags, x->fcap);
    }
    x->flags[x->s.len] = (char)flag;
    sb_putc(&x->s, c);
}

static void xb_puts(struct xbuf *x, const char *s, int flag)
{
    while (*s)
        xb_put(x, *s++, flag);
}

/* An expansion result: split-able when unquoted. */
static void xb_value(struct xbuf *x, const char *s, int ctx)
{
    xb_puts(x, s, ctx == CTX_UNQUOTED ? Q_SPLIT : Q_QUOTED);
}

static const char *ifs(void)
{
    const char *v = var_get("IFS");
    return v ? v : " \t\n";
}

static int is_ifs_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Ends one field: pathname expansion if it has unquoted magic. */
static void emit_field(struct xbuf *x, struct strbuf *text, struct strbuf *pat, int magic)
{
    if (magic) {
        char *p = sb_take(pat);
        if (glob_expand(p, x->out) == 0)
            sv_push(x->out, sb_take(text));
        free(p);
    } else {
        sv_push(x->out, sb_take(text));
    }
    sb_free(text);
    sb_free(pat);
}

/* Field splitting of the buffer into x->out (X_FIELDS mode). */
static void split_fields(struct xbuf *x)
{
    const char *sep = ifs();
    struct strbuf text, pat;
    sb_init(&text);
    sb_init(&pat);
    int in_field = x->have_field, magic = 0;
    for (size_t i = 0; i < x->s.len; i++) {
        char c = x->s.s[i];
        int flag = x->flags[i];
        if (flag == Q_SPLIT && c && strchr(sep, c)) {
            if (is_ifs_space(c)) {
                if (in_field)
                    emit_field(x, &text, &pat, magic);
            } else {
                emit_field(x, &text, &pat, magic);
                /* whitespace around a non-space separator belongs to it */
                while (i + 1 < x->s.len && x->flags[i + 1] == Q_SPLIT && is_ifs_space(x->s.s[i + 1]) &&
                       strchr(sep, x->s.s[i + 1]))
                    i++;
            }
            in_field = 0;
            magic = 0;
            continue;
        }
        in_field = 1;
        sb_putc(&text, c);
        if (flag == Q_QUOTED && strchr("*?[\\", c))
            sb_putc(&pat, '\\');
        else if (flag != Q_QUOTED && (c == '*' || c == '?' || c == '['))
            magic = 1;
        else if (flag != Q_QUOTED && c == '\\')
            sb_putc(&pat, '\\');
        sb_putc(&pat, c);
    }
    if (in_field)
        emit_field(x, &text, &pat, magic);
    sb_free(&text);
    sb_free(&pat);
}

static void xb_reset(struct xbuf *x)
{
    x->s.len = 0;
    if (x->s.s)
        x->s.s[0] = '\0';
    x->have_field = 0;
}

/* A field boundary forced by "$@" (or a space where there are no
 * fields). */
static void xb_break(struct xbuf *x)
{
    if (x->mode == X_FIELDS) {
        split_fields(x);
        xb_reset(x);
    } else {
        xb_put(x, ' ', Q_QUOTED);
    }
}

static int expand_part(struct xbuf *x, const char *p, const char *end, int ctx);

/* Expands a nested piece of text (the word of ${x:-word}, the inside of
 * $((...))) as a string. */
static char *expand_sub(const char *p, const char *end, int mode, int ctx)
{
    struct xbuf x = {.mode = mode, .word_start = p};
    sb_init(&x.s);
    int r = expand_part(&x, p, end, ctx == CTX_HEREDOC ? CTX_DQUOTE : ctx);
    char *result = NULL;
    if (r == 0) {
        struct strbuf out;
        sb_init(&out);
        for (size_t i = 0; i < x.s.len; i++) {
            char c = x.s.s[i];
            if (mode == X_PATTERN && x.flags[i] == Q_QUOTED && strchr("*?[\\", c))
                sb_putc(&out, '\\');
            sb_putc(&out, c);
        }
        result = sb_take(&out);
    }
    sb_free(&x.s);
    free(x.flags);
    return result;
}

/* $0, $1.., $#, $?, $$, $!, $-, or a variable. NULL when unset. The
 * result lives in buf or in the variable table. */
static const char *param_value(const char *name, char *buf, size_t size)
{
    if (name[1] == '\0') {
        switch (name[0]) {
        case '?':
            snprintf(buf, size, "%d", shell.last_status);
            return buf;
        case '$':
            snprintf(buf, size, "%ld", (long)shell.pid);
            return buf;
        case '!':
            if (!shell.last_bg)
                return NULL;
            snprintf(buf, size, "%ld", (long)shell.last_bg);
            return buf;
        case '#':
            snprintf(buf, size, "%d", shell.argc);
            return buf;
        case '-':
            snprintf(buf, size, "%s", shell.interactive ? "i" : "");
            return buf;
        case '0':
            return shell.arg0;
        }
    }
    if (name[0] >= '0' && name[0] <= '9') {
        long n = parse_number(name);
        return n >= 1 && n <= shell.argc ? shell.argv[n - 1] : NULL;
    }
    return var_get(name);
}

/* $@ and $*. */
static void expand_positional(struct xbuf *x, char which, int ctx)
{
    if (which == '@' && shell.argc == 0 && ctx != CTX_UNQUOTED)
        x->empty_at = 1;
    if (which == '*' && ctx != CTX_UNQUOTED) {
        const char *sep = ifs();
        for (int i = 0; i < shell.argc; i++) {
            if (i > 0 && *sep)
                xb_put(x, *sep, Q_QUOTED);
            xb_puts(x, shell.argv[i], Q_QUOTED);
        }
        return;
    }
    for (int i = 0; i < shell.argc; i++) {
        if (i > 0) {
            xb_break(x);
            if (ctx != CTX_UNQUOTED)
                x->have_field = 1;
        }
        xb_value(x, shell.argv[i], ctx);
    }
}

/* ${#x}, ${x:-w} and friends, ${x%p} and friends. p points after "${",
 * end at the closing "}". */
static int expand_brace(struct xbuf *x, const char *p, const char *end, int ctx)
{
    int length = 0;
    if (*p == '#' && p + 1 < end) {
        length = 1;
        p++;
    }
    size_t n;
    if (strchr("@*#?$!-0", *p) && p < end)
        n = 1;
    else if (*p >= '1' && *p <= '9')
        for (n = 0; p + n < end && p[n] >= '0' && p[n] <= '9'; n++)
            ;
    else
        n = name_length(p);
    if (n == 0 || n > (size_t)(end - p)) {
        sh_error("${%.*s}: bad substitution", (int)(end - p), p);
        return -1;
    }
    char *name = xstrndup(p, n);
    p += n;
    char buf[32];
    const char *value = param_value(name, buf, sizeof buf);
    if (name[0] == '@' || name[0] == '*')
        value = shell.argc ? "" : NULL;
    int result = 0;

    if (length) {
        if (p != end) {
            sh_error("${#%s...}: bad substitution", name);
            result = -1;
        } else {
            size_t len = value ? strlen(value) : 0;
            if (name[0] == '@' || name[0] == '*')
                len = (size_t)shell.argc;
            snprintf(buf, sizeof buf, "%zu", len);
            xb_value(x, buf, ctx);
        }
        free(name);
        return result;
    }

    if (p == end) {
        if (name[0] == '@' || name[0] == '*')
            expand_positional(x, name[0], ctx);
        else if (value)
            xb_value(x, value, ctx);
        free(name);
        return 0;
    }

    int colon = *p == ':';
    if (colon)
        p++;
    char op = *p++;
    int doubled = 0;
    if ((op == '%' || op == '#') && !colon && p < end && *p == op) {
        doubled = 1;
        p++;
    }
    int unset_or_null = !value || (colon && !*value);
    switch (op) {
    case '-':
    case '=':
    case '+':
    case '?':
        if (op == '+' ? !unset_or_null : unset_or_null) {
            if (op == '=' || op == '?') {
                char *word = expand_sub(p, end, X_STRING, ctx);
                if (!word) {
                    result = -1;
                } else if (op == '?') {
                    sh_error("%s: %s", name, *word ? word : "parameter not set");
                    result = -1;
                    if (!shell.interactive)
                        shell_exit(1);
                } else if (!is_name(name)) {
                    sh_error("%s: cannot assign in this way", name);
                    result = -1;
                } else {
                    var_set(name, word);
                    xb_value(x, word, ctx);
                }
                free(word);
            } else {
                result = expand_part(x, p, end, ctx);
            }
        } else if (op != '+') {
            if (name[0] == '@' || name[0] == '*')
                expand_positional(x, name[0], ctx);
            else
                xb_value(x, value, ctx);
        }
        break;
    case '%':
    case '#':
        if (colon) {
            sh_error("${%s:%c...}: bad substitution", name, op);
            result = -1;
            break;
        } else {
            /* The pattern is a pattern even inside "${x%...}". */
            char *pat = expand_sub(p, end, X_PATTERN, CTX_UNQUOTED);
            if (!pat) {
                result = -1;
                break;
            }
            const char *v = value ? value : "";
            size_t len = strlen(v), keep_from = 0, keep_len = len;
            /* Try the shortest (or longest) prefix/suffix that matches. */
            for (size_t i = 0; i <= len; i++) {
                size_t k = doubled ? len - i : i;
                if (op == '#' && pattern_match_n(pat, v, k)) {
                    keep_from = k;
                    keep_len = len - k;
                    break;
                }
                if (op == '%' && pattern_match(pat, v + len - k)) {
                    keep_len = len - k;
                    break;
                }
            }
            char *kept = xstrndup(v + keep_from, keep_len);
            xb_value(x, kept, ctx);
            free(kept);
            free(pat);
        }
        break;
    default:
        sh_error("${%s%s%c...}: bad substitution", name, colon ? ":" : "", op);
        result = -1;
    }
    free(name);
    return result;
}

static void strip_newlines_and_add(struct xbuf *x, struct strbuf *out, int ctx)
{
    while (out->len && out->s[out->len - 1] == '\n')
        out->s[--out->len] = '\0';
    for (size_t i = 0; i < out->len; i++)
        if (out->s[i]) /* NUL bytes cannot be in a string */
            xb_put(x, out->s[i], ctx == CTX_UNQUOTED ? Q_SPLIT : Q_QUOTED);
}

static void command_substitution(struct xbuf *x, const char *src, size_t len, int ctx)
{
    struct strbuf out;
    sb_init(&out);
    expand_cmdsubst_status = command_subst(src, len, &out);
    shell.last_status = expand_cmdsubst_status;
    strip_newlines_and_add(x, &out, ctx);
    sb_free(&out);
}

/* `...`: backslash keeps its meaning only before $ ` \ (and " inside
 * double quotes); the rest is a command like $(...). */
static void backquote(struct xbuf *x, const char *p, const char *end, int ctx)
{
    struct strbuf cmd;
    sb_init(&cmd);
    for (; p < end; p++) {
        if (*p == '\\' && p + 1 < end && (strchr("$`\\", p[1]) || (ctx != CTX_UNQUOTED && p[1] == '"')))
            p++;
        sb_putc(&cmd, *p);
    }
    command_substitution(x, cmd.s ? cmd.s : "", cmd.len, ctx);
    sb_free(&cmd);
}

static const char *expand_dollar(struct xbuf *x, const char *p, const char *end, int ctx)
{
    const char *after = scan_dollar(p, end);
    if (!after) { /* cannot happen for text the lexer accepted */
        xb_put(x, '$', ctx == CTX_UNQUOTED ? Q_LIT : Q_QUOTED);
        return p + 1;
    }
    if (p[1] == '(' && p[2] == '(' && after - p >= 5 && after[-2] == ')') {
        char *expr = expand_sub(p + 3, after - 2, X_STRING, CTX_DQUOTE);
        long value;
        if (!expr || arith_eval(expr, &value) < 0) {
            x->error = 1;
        } else {
            char buf[32];
            snprintf(buf, sizeof buf, "%ld", value);
            xb_value(x, buf, ctx);
        }
        free(expr);
        return after;
    }
    if (p[1] == '(') {
        command_substitution(x, p + 2, (size_t)(after - 1 - (p + 2)), ctx);
        return after;
    }
    if (p[1] == '{') {
        if (expand_brace(x, p + 2, after - 1, ctx) < 0)
            x->error = 1;
        return after;
    }
    size_t n = 0;
    if (p + 1 < end)
        n = name_length(p + 1);
    if (n == 0 && p + 1 < end && strchr("@*#?$!-0123456789", p[1]))
        n = 1;
    if (n == 0) { /* a lone $ */
        xb_put(x, '$', ctx == CTX_UNQUOTED ? Q_LIT : Q_QUOTED);
        return p + 1;
    }
    char *name = xstrndup(p + 1, n);
    if (name[0] == '@' || name[0] == '*') {
        expand_positional(x, name[0], ctx);
    } else {
        char buf[32];
        const char *value = param_value(name, buf, sizeof buf);
        if (value)
            xb_value(x, value, ctx);
    }
    free(name);
    return p + 1 + n;
}

/* ~ and ~user at the start of a word. Returns how much it consumed. */
static size_t tilde(struct xbuf *x, const char *p, const char *end)
{
    const char *q = p + 1;
    while (q < end && *q != '/') {
        if (strchr("\\'\"$`", *q))
            return 0; /* quoted or expanded user names are left alone */
        q++;
    }
    const char *home = NULL;
    if (q == p + 1) {
        home = var_get("HOME");
    } else {
        char *user = xstrndup(p + 1, (size_t)(q - p - 1));
        struct passwd *pw = getpwnam(user);
        free(user);
        if (pw)
            home = pw->pw_dir;
    }
    if (!home)
        return 0;
    xb_puts(x, home, Q_QUOTED);
    return (size_t)(q - p);
}

static int expand_part(struct xbuf *x, const char *p, const char *end, int ctx)
{
    int lit = ctx == CTX_UNQUOTED ? Q_LIT : Q_QUOTED;
    while (p < end && !x->error) {
        char c = *p;
        if (c == '~' && p == x->word_start && ctx == CTX_UNQUOTED) {
            size_t n = tilde(x, p, end);
            if (n) {
                p += n;
                continue;
            }
        }
        if (c == '\'' && ctx == CTX_UNQUOTED) {
            const char *close = scan_squote(p + 1, end);
            if (!close)
                close = end + 1;
            for (const char *q = p + 1; q < close - 1; q++)
                xb_put(x, *q, Q_QUOTED);
            x->have_field = 1;
            p = close;
        } else if (c == '"' && ctx == CTX_UNQUOTED) {
            const char *close = scan_dquote(p + 1, end);
            if (!close)
                close = end + 1;
            int had = x->have_field;
            size_t len_before = x->s.len;
            x->have_field = 1;
            x->empty_at = 0;
            if (expand_part(x, p + 1, close - 1, CTX_DQUOTE) < 0)
                return -1;
            /* "$@" with no parameters is no field at all. */
            if (x->empty_at && x->s.len == len_before)
                x->have_field = had;
            p = close;
        } else if (c == '\\') {
            if (p + 1 >= end) {
                xb_put(x, '\\', lit);
                p++;
            } else if (p[1] == '\n') {
                p += 2;
            } else if (ctx == CTX_UNQUOTED || strchr(ctx == CTX_DQUOTE ? "$`\"\\" : "$`\\", p[1])) {
                xb_put(x, p[1], Q_QUOTED);
                p += 2;
            } else {
                xb_put(x, '\\', Q_QUOTED);
                p++;
            }
        } else if (c == '$') {
            p = expand_dollar(x, p, end, ctx);
        } else if (c == '`') {
            const char *close = scan_backquote(p + 1, end);
            if (!close)
                close = end + 1;
            backquote(x, p + 1, close - 1, ctx);
            p = close;
        } else {
            xb_put(x, c, lit);
            p++;
        }
    }
    return x->error ? -1 : 0;
}

int expand_fields(const char *word, struct strvec *out)
{
    struct xbuf x = {.mode = X_FIELDS, .out = out, .word_start = word};
    sb_init(&x.s);
    int r = expand_part(&x, word, word + strlen(word), CTX_UNQUOTED);
    if (r == 0)
        split_fields(&x);
    sb_free(&x.s);
    free(x.flags);
    return r;
}

int expand_word_list(struct word *words, struct strvec *out)
{
    for (; words; words = words->next)
        if (expand_fields(words->text, out) < 0)
            return -1;
    return 0;
}

char *expand_string(const char *word)
{
    return expand_sub(word, word + strlen(word), X_STRING, CTX_UNQUOTED);
}

char *expand_pattern(const char *word)
{
    return expand_sub(word, word + strlen(word), X_PATTERN, CTX_UNQUOTED);
}

char *expand_heredoc(const char *body)
{
    struct xbuf x = {.mode = X_STRING, .word_start = NULL};
    sb_init(&x.s);
    int r = expand_part(&x, body, body + strlen(body), CTX_HEREDOC);
    char *result = r == 0 ? sb_take(&x.s) : NULL;
    sb_free(&x.s);
    free(x.flags);
    return result;
}
