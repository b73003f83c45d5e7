/* Builtins about variables and parameters: export, unset, set, shift,
 * read. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin_list.h"
#include "functions.h"
#include "jobs.h"
#include "shell.h"
#include "util.h"
#include "vars.h"

/* 'value' with embedded quotes written as '\'' so it can be read back. */
static void print_quoted(const char *value)
{
    putchar('\'');
    for (; *value; value++) {
        if (*value == '\'')
            fputs("'\\''", stdout);
        else
            putchar(*value);
    }
    putchar('\'');
}

static void print_export(const char *name, const char *value, int exported)
{
    if (!exported)
        return;
    printf("export %s", name);
    if (value) {
        putchar('=');
        print_quoted(value);
    }
    putchar('\n');
}

static void print_var(const char *name, const char *value, int exported)
{
    (void)exported;
    if (!value)
        return;
    printf("%s=", name);
    print_quoted(value);
    putchar('\n');
}

int builtin_export(int argc, char **argv)
{
    int status = 0;
    int i = 1;
    if (i < argc && strcmp(argv[i], "-p") == 0)
        i++;
    if (i == argc) {
        var_each_sorted(print_export);
        return 0;
    }
    for (; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        if (!is_name(name)) {
            sh_error("export: %s: bad variable name", argv[i]);
            status = 1;
        } else {
            if (eq)
                var_set(name, eq + 1);
            var_export(name);
        }
        free(name);
    }
    return status;
}

int builtin_unset(int argc, char **argv)
{
    int functions = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-f") == 0)
            functions = 1;
        else if (strcmp(argv[i], "-v") == 0)
            functions = 0;
        else {
            sh_error("unset: %s: invalid option", argv[i]);
            return 2;
        }
    }
    for (; i < argc; i++) {
        if (functions)
            function_unset(argv[i]);
        else
            var_unset(argv[i]);
    }
    return 0;
}

void positional_release(void)
{
    if (!shell.argv_alloc)
        return;
    for (char **a = shell.argv_alloc; *a; a++)
        free(*a);
    free(shell.argv_alloc);
    shell.argv_alloc = NULL;
}

static void set_positional(int argc, char **argv)
{
    /* argv may point into the old array: copy before releasing it. */
    char **copy = xmalloc((size_t)(argc + 1) * sizeof *copy);
    for (int i = 0; i < argc; i++)
        copy[i] = xstrdup(argv[i]);
    copy[argc] = NULL;
    positional_release();
    shell.argv_alloc = copy;
    shell.argc = argc;
    shell.argv = copy;
}

int builtin_set(int argc, char **argv)
{
    if (argc == 1) {
        var_each_sorted(print_var);
        return 0;
    }
    int i = 1;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            set_positional(argc - i, argv + i);
            return 0;
        }
        int on = argv[i][0] == '-';
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'x')
                shell.xtrace = on;
            else if (*o == 'e')
                shell.errexit = on;
            else {
                sh_error("set: %c%c: invalid option", argv[i][0], *o);
                return 2;
            }
        }
    }
    if (i < argc)
        set_positional(argc - i, argv + i);
    return 0;
}

int builtin_shift(int argc, char **argv)
{
    long n = argc > 1 ? parse_number(argv[1]) : 1;
    if (n < 0 || n > shell.argc) {
        sh_error("shift: can't shift that many");
        return 1;
    }
    shell.argc -= (int)n;
    shell.argv += n;
    return 0;
}

/* Reads one line from fd 0, a byte at a time so the rest of the input
 * stays for whoever reads next. */
static int read_input_line(struct strbuf *line, int raw)
{
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (got_sigint)
                return -1;
            continue;
        }
        if (n <= 0)
            return line->len ? 0 : -1; /* a last line without newline counts, but fails */
        if (c == '\\' && !raw) {
            n = read(0, &c, 1);
            if (n <= 0)
                return -1;
            if (c == '\n')
                continue; /* line continuation */
            sb_putc(line, '\001'); /* marks the next char as escaped */
        } else if (c == '\n') {
            return 1;
        }
        sb_putc(line, c);
    }
}

static const char *ifs_chars(void)
{
    const char *v = var_get("IFS");
    return v ? v : " \t\n";
}

int builtin_read(int argc, char **argv)
{
    int raw = 0, i = 1;
    const char *prompt = NULL;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-r") == 0)
            raw = 1;
        else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
            prompt = argv[++i];
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            sh_error("read: %s: invalid option", argv[i]);
            return 2;
        }
    }
    if (prompt && isatty(0)) {
        fputs(prompt, stderr);
        fflush(stderr);
    }
    struct strbuf line;
    sb_init(&line);
    int r = read_input_line(&line, raw);
    const char *ifs = ifs_chars();
    const char *p = line.s ? line.s : "";
    static char *reply[] = {"REPLY", NULL};
    char **names = i < argc ? argv + i : reply;
    for (; *names; names++) {
        /* Leading IFS whitespace is skipped before every field. */
        while (*p && strchr(ifs, *p) && strchr(" \t\n", *p))
            p++;
        struct strbuf value;
        sb_init(&value);
        int last = names[1] == NULL;
        size_t trailing = 0; /* unescaped IFS whitespace at the end of value */
        while (*p) {
            if (*p == '\001' && p[1]) {
                sb_putc(&value, p[1]);
                p += 2;
                trailing = 0;
                continue;
            }
            if (strchr(ifs, *p)) {
                if (!last) {
                    p++;
                    break;
                }
                trailing = strchr(" \t\n", *p) ? trailing + 1 : 0;
            } else {
                trailing = 0;
            }
            sb_putc(&value, *p++);
        }
        if (last) {
            value.len -= trailing;
            if (value.s)
                value.s[value.len] = '\0';
        }
        var_set(*names, value.s ? value.s : "");
        sb_free(&value);
    }
    sb_free(&line);
    return r > 0 ? 0 : 1;
}
