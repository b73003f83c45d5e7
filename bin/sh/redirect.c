#include "redirect.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "expand.h"
#include "util.h"

/* Keeps a copy of fd (above the range users name in redirections,
 * close-on-exec so commands never see it) before it is changed. */
static void save_fd(struct redir_undo *undo, int fd)
{
    if (!undo)
        return;
    for (int i = 0; i < undo->count; i++)
        if (undo->saved[i].fd == fd)
            return;
    int copy = fd_copy_high(fd);
    undo->saved = xrealloc(undo->saved, (size_t)(undo->count + 1) * sizeof *undo->saved);
    undo->saved[undo->count].fd = fd;
    undo->saved[undo->count].copy = copy;
    undo->count++;
}

void redirect_undo(struct redir_undo *undo)
{
    fflush(stdout);
    fflush(stderr);
    for (int i = undo->count - 1; i >= 0; i--) {
        struct redir_saved *s = &undo->saved[i];
        if (s->copy >= 0) {
            dup2(s->copy, s->fd);
            close(s->copy);
        } else {
            close(s->fd);
        }
    }
    free(undo->saved);
    undo->saved = NULL;
    undo->count = 0;
}

/* Moves newfd onto fd. */
static void install(int newfd, int fd)
{
    if (newfd != fd) {
        dup2(newfd, fd);
        close(newfd);
    }
}

/* A pipe holding the here-document. Bodies larger than a pipe is sure to
 * hold are written by a child, so we never block on our own pipe. */
static int heredoc_fd(struct redir *r)
{
    char *text = r->heredoc_quoted ? xstrdup(r->heredoc_body) : expand_heredoc(r->heredoc_body);
    if (!text)
        return -1;
    int p[2];
    if (pipe(p) < 0) {
        sh_error("pipe: %s", strerror(errno));
        free(text);
        return -1;
    }
    size_t len = strlen(text);
    if (len <= 512) {
        if (write(p[1], text, len) < 0) { /* cannot fail: the pipe is empty */
        }
    } else {
        fflush(stdout);
        fflush(stderr);
        pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            size_t done = 0;
            while (done < len) {
                ssize_t n = write(p[1], text + done, len - done);
                if (n <= 0)
                    _exit(1);
                done += (size_t)n;
            }
            _exit(0);
        }
        if (pid < 0)
            sh_error("fork: %s", strerror(errno));
    }
    close(p[1]);
    free(text);
    return p[0];
}

static int apply_one(struct redir *r, struct redir_undo *undo)
{
    if (r->kind == R_HEREDOC) {
        save_fd(undo, r->fd);
        int fd = heredoc_fd(r);
        if (fd < 0)
            return -1;
        install(fd, r->fd);
        return 0;
    }
    char *target = expand_string(r->target);
    if (!target)
        return -1;
    int result = 0;
    if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
        if (strcmp(target, "-") == 0) {
            save_fd(undo, r->fd);
            close(r->fd);
        } else {
            long from = parse_number(target);
            if (from < 0 || !fd_is_open((int)from)) {
                sh_error("%s: bad file descriptor", target);
                result = -1;
            } else if (from != r->fd) {
                save_fd(undo, r->fd);
                dup2((int)from, r->fd);
            }
        }
        free(target);
        return result;
    }
    int flags;
    switch (r->kind) {
    case R_IN:
        flags = O_RDONLY;
        break;
    case R_RDWR:
        flags = O_RDWR | O_CREAT;
        break;
    case R_APPEND:
        flags = O_WRONLY | O_CREAT | O_APPEND;
        break;
    default:
        flags = O_WRONLY | O_CREAT | O_TRUNC;
    }
    save_fd(undo, r->fd); /* first: open may return r->fd if it was closed */
    int fd = open(target, flags, 0666);
    if (fd < 0) {
        sh_error("cannot %s %s: %s", r->kind == R_IN ? "open" : "create", target, strerror(errno));
        result = -1;
    } else {
        install(fd, r->fd);
    }
    free(target);
    return result;
}

int redirect_apply(struct redir *r, struct redir_undo *undo)
{
    /* Output buffered for the old fds must go there, not to the new. */
    fflush(stdout);
    fflush(stderr);
    for (; r; r = r->next)
        if (apply_one(r, undo) < 0)
            return -1;
    return 0;
}
