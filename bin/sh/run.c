#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "exec.h"
#include "expand.h"
#include "jobs.h"
#include "parser.h"
#include "shell.h"
#include "util.h"
#include "vars.h"

struct source {
    int fd;
    int interactive;
    int byte_mode; /* read one byte at a time: the fd is shared with commands */
    int eof;
    char buf[512];
    size_t pos, len;
};

/* Appends one line of input (with its newline, unless the input ended)
 * to b. Returns 1 if something was read, 0 at end of input, -1 when ^C
 * interrupted the read. */
static int read_line(struct source *s, struct strbuf *b)
{
    int got = 0;
    for (;;) {
        if (s->pos == s->len) {
            ssize_t n = read(s->fd, s->buf, s->byte_mode ? 1 : sizeof s->buf);
            if (n < 0 && errno == EINTR) {
                if (got_sigint) {
                    got_sigint = 0;
                    return -1;
                }
                continue;
            }
            if (n <= 0) {
                s->eof = 1;
                return got;
            }
            s->pos = 0;
            s->len = (size_t)n;
        }
        char c = s->buf[s->pos++];
        got = 1;
        if (c == '\0')
            continue; /* cannot live in a C string */
        sb_putc(b, c);
        if (c == '\n')
            return 1;
    }
}

static void prompt(const char *name, const char *fallback)
{
    const char *ps = var_get(name);
    char *expanded = ps ? expand_string(ps) : NULL;
    fputs(expanded ? expanded : ps ? ps : fallback, stderr);
    fflush(stderr);
    free(expanded);
}

/* The read-parse-run loop. src is NULL when running the string str. */
static int run_loop(struct source *src, const char *str, size_t len)
{
    struct strbuf buf;
    sb_init(&buf);
    size_t pos = 0;
    /* eval and $(...) text sits on the line being run: count from there. */
    int lineno = str && shell.lineno > 0 ? shell.lineno : 1;
    if (str)
        sb_putn(&buf, str, len);
    for (;;) {
        if (pos >= buf.len) {
            if (!src || src->eof)
                break;
            buf.len = pos = 0;
            if (src->interactive) {
                jobs_notify();
                prompt("PS1", geteuid() == 0 ? "# " : "$ ");
            }
            got_sigint = 0;
            int r = read_line(src, &buf);
            if (r < 0) {
                fputc('\n', stderr);
                buf.len = 0;
                continue;
            }
            if (r == 0)
                break;
        }
        struct arena *a = arena_new();
        struct node *node;
        size_t consumed;
        int next_lineno;
        enum parse_status st = parse_command(buf.s + pos, buf.len - pos, lineno, !src || src->eof, a, &node,
                                             &consumed, &next_lineno);
        if (st == PARSE_INCOMPLETE) {
            arena_unref(a);
            if (src->interactive)
                prompt("PS2", "> ");
            if (read_line(src, &buf) < 0) {
                fputc('\n', stderr);
                buf.len = pos = 0;
            }
            continue;
        }
        if (st == PARSE_ERROR) {
            arena_unref(a);
            shell.last_status = 2;
            if (!src || !src->interactive)
                break;
            pos = buf.len;
            continue;
        }
        pos += consumed;
        lineno = next_lineno;
        if (node) {
            shell_interrupted = 0;
            exec_node(node, 0);
        }
        arena_unref(a);
        if (shell.returning && (shell.func_depth || shell.dot_depth))
            break;
    }
    sb_free(&buf);
    return shell.last_status;
}

int run_string(const char *src, size_t len)
{
    return run_loop(NULL, src, len);
}

int run_fd(int fd, int interactive)
{
    struct source s = {.fd = fd, .interactive = interactive, .byte_mode = fd == 0 && !interactive};
    return run_loop(&s, NULL, 0);
}

int run_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    if (fd < 0) {
        sh_error("cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    /* Out of the way of the fds commands use, and not inherited. */
    int high = fd_copy_high(fd);
    if (high >= 0) {
        close(fd);
        fd = high;
    }
    int status = run_fd(fd, 0);
    close(fd);
    return status;
}
