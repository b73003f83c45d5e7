#include "exec.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ast.h"
#include "builtins.h"
#include "expand.h"
#include "functions.h"
#include "jobs.h"
#include "pattern.h"
#include "redirect.h"
#include "run.h"
#include "shell.h"
#include "util.h"
#include "vars.h"

/* The source text of the and-or list being run, for job messages. */
static const char *current_text = "";
/* >0 while running a condition, where set -e does not apply. */
static int errexit_suppressed;

int unwinding(void)
{
    return shell.breaking || shell.continuing || shell.returning || shell_interrupted;
}

/* NAME=value words. mode: 0 set in the shell, 1 export (in the child of
 * an external command), 2 temporary (undone through backups). */
static int assign(struct word *w, int mode, struct var_backup **backups, int *nbackups)
{
    for (; w; w = w->next) {
        const char *eq = strchr(w->text, '=');
        char *name = xstrndup(w->text, (size_t)(eq - w->text));
        char *value = expand_string(eq + 1);
        if (!value) {
            free(name);
            return -1;
        }
        if (mode == 2) {
            *backups = xrealloc(*backups, (size_t)(*nbackups + 1) * sizeof **backups);
            var_backup(&(*backups)[(*nbackups)++], name);
        }
        if (shell.xtrace)
            fprintf(stderr, "+ %s=%s\n", name, value);
        var_set(name, value);
        if (mode != 0)
            var_export(name);
        free(name);
        free(value);
    }
    return 0;
}

static void undo_assign(struct var_backup *backups, int n)
{
    for (int i = n - 1; i >= 0; i--)
        var_restore(&backups[i]);
    free(backups);
}

/* Command words; after export, NAME=value arguments are not split. */
static int expand_command_words(struct word *w, struct strvec *argv)
{
    for (; w; w = w->next) {
        if (argv->len > 0 && strcmp(argv->v[0], "export") == 0 && name_length(w->text) &&
            w->text[name_length(w->text)] == '=') {
            char *s = expand_string(w->text);
            if (!s)
                return -1;
            sv_push(argv, s);
        } else if (expand_fields(w->text, argv) < 0) {
            return -1;
        }
    }
    return 0;
}

static void trace(struct strvec *argv)
{
    fprintf(stderr, "+");
    for (size_t i = 0; i < argv->len; i++)
        fprintf(stderr, " %s", argv->v[i]);
    fprintf(stderr, "\n");
}

/* In a fork (or with EX_EXIT): set up and become the command. */
__attribute__((noreturn)) static void become(struct node *n, struct strvec *argv)
{
    if (assign(n->u.simple.assigns, 1, NULL, NULL) < 0 || redirect_apply(n->redirs, NULL) < 0)
        shell_exit(1);
    exec_external(argv->v);
}

/* A builtin or function inside the shell: redirections and assignments
 * last as long as the command. */
static int run_inside(struct node *n, struct strvec *argv, builtin_fn fn)
{
    struct redir_undo undo = {0};
    struct var_backup *backups = NULL;
    int nbackups = 0;
    int status = 1;
    if (assign(n->u.simple.assigns, 2, &backups, &nbackups) == 0 && redirect_apply(n->redirs, &undo) == 0) {
        if (fn)
            status = fn((int)argv->len, argv->v);
        else
            status = function_call(argv->v[0], (int)argv->len, argv->v);
        fflush(stdout);
        fflush(stderr);
    }
    redirect_undo(&undo);
    undo_assign(backups, nbackups);
    return status;
}

/* `exec cmd` replaces the shell; `exec >file` redirects it for good. */
static int builtin_exec(struct node *n, struct strvec *argv)
{
    if (argv->len == 1) {
        if (assign(n->u.simple.assigns, 0, NULL, NULL) < 0 || redirect_apply(n->redirs, NULL) < 0)
            return 1;
        return 0;
    }
    struct strvec rest;
    sv_init(&rest);
    for (size_t i = 1; i < argv->len; i++)
        sv_push(&rest, xstrdup(argv->v[i]));
    become(n, &rest);
}

static int exec_simple(struct node *n, int flags)
{
    struct strvec argv;
    sv_init(&argv);
    shell.lineno = n->lineno;
    expand_cmdsubst_status = -1;
    if (expand_command_words(n->u.simple.words, &argv) < 0) {
        sv_free(&argv);
        return 1;
    }
    int status;
    if (argv.len == 0) {
        /* Only assignments and redirections. */
        struct redir_undo undo = {0};
        if (assign(n->u.simple.assigns, 0, NULL, NULL) < 0)
            status = 1;
        else if (redirect_apply(n->redirs, &undo) < 0)
            status = 1;
        else
            status = expand_cmdsubst_status >= 0 ? expand_cmdsubst_status : 0;
        redirect_undo(&undo);
    } else {
        if (shell.xtrace)
            trace(&argv);
        builtin_fn fn;
        if (strcmp(argv.v[0], "exec") == 0) {
            status = builtin_exec(n, &argv);
        } else if (function_find(argv.v[0])) {
            status = run_inside(n, &argv, NULL);
        } else if ((fn = builtin_find(argv.v[0])) != NULL) {
            status = run_inside(n, &argv, fn);
        } else if (flags & EX_EXIT) {
            become(n, &argv);
        } else {
            struct job *job = job_new(current_text);
            pid_t pid = job_fork(job, 1);
            if (pid == 0)
                become(n, &argv);
            if (pid < 0) {
                job_abandon(job);
                status = 1;
            } else {
                status = job_wait(job);
            }
        }
    }
    sv_free(&argv);
    return status;
}

static int exec_pipeline(struct node *n)
{
    struct node_list *cmds = n->u.pipeline.cmds;
    int status;
    if (!cmds->next) {
        errexit_suppressed += n->u.pipeline.bang;
        status = exec_node(cmds->node, 0);
        errexit_suppressed -= n->u.pipeline.bang;
    } else {
        struct job *job = job_new(current_text);
        int prev = -1, started = 0;
        for (struct node_list *c = cmds; c; c = c->next) {
            int p[2] = {-1, -1};
            if (c->next && pipe(p) < 0) {
                sh_error("pipe: %s", strerror(errno));
                break;
            }
            pid_t pid = job_fork(job, 1);
            if (pid == 0) {
                if (prev >= 0) {
                    dup2(prev, 0);
                    close(prev);
                }
                if (p[1] >= 0) {
                    close(p[0]);
                    dup2(p[1], 1);
                    close(p[1]);
                }
                shell_exit(exec_node(c->node, EX_EXIT));
            }
            if (prev >= 0)
                close(prev);
            if (p[1] >= 0)
                close(p[1]);
            prev = p[0];
            if (pid < 0)
                break;
            started++;
        }
        if (prev >= 0)
            close(prev);
        if (started) {
            status = job_wait(job);
        } else {
            job_abandon(job);
            status = 1;
        }
    }
    if (n->u.pipeline.bang)
        status = !status;
    return status;
}

/* cmd &: a forked copy of the shell runs the list, as a background job. */
static void run_async(struct node_list *item)
{
    int had_jobctl = shell.jobctl;
    struct job *job = job_new(item->text);
    pid_t pid = job_fork(job, 0);
    if (pid == 0) {
        if (!had_jobctl) {
            /* Without job control nothing else keeps ^C and the
             * terminal away from background commands. */
            signal(SIGINT, SIG_IGN);
            signal(SIGQUIT, SIG_IGN);
            int fd = open("/dev/null", O_RDONLY);
            if (fd > 0) {
                dup2(fd, 0);
                close(fd);
            }
        }
        shell_exit(exec_node(item->node, EX_EXIT));
    }
    if (pid < 0) {
        job_abandon(job);
        return;
    }
    shell.last_bg = pid;
    int id = job_background(job);
    if (shell.interactive)
        fprintf(stderr, "[%d] %ld\n", id, (long)pid);
}

static int exec_list(struct node *n)
{
    int status = 0;
    for (struct node_list *item = n->u.list.items; item; item = item->next) {
        const char *saved_text = current_text;
        current_text = item->text;
        if (item->async) {
            run_async(item);
            status = 0;
        } else {
            status = exec_node(item->node, 0);
        }
        current_text = saved_text;
        if (shell.errexit && status != 0 && !errexit_suppressed && !item->async &&
            item->node->kind != N_AND && item->node->kind != N_OR)
            shell_exit(status);
        if (unwinding())
            break;
    }
    return status;
}

static int condition(struct node *n)
{
    errexit_suppressed++;
    int status = exec_node(n, 0);
    errexit_suppressed--;
    return status;
}

/* After a loop body: 1 if the loop must stop. */
static int loop_should_stop(void)
{
    if (shell.breaking) {
        shell.breaking--;
        return 1;
    }
    if (shell.continuing) {
        if (--shell.continuing)
            return 1; /* continue n: the outer loop continues */
        return 0;
    }
    return shell.returning || shell_interrupted;
}

static int exec_loop(struct node *n)
{
    int status = 0;
    shell.loop_depth++;
    for (;;) {
        int c = condition(n->u.loop.cond);
        if (unwinding()) {
            if (loop_should_stop())
                break;
            continue;
        }
        if ((c == 0) != (n->kind == N_WHILE))
            break;
        status = exec_node(n->u.loop.body, 0);
        if (unwinding() && loop_should_stop())
            break;
    }
    shell.loop_depth--;
    return status;
}

static int exec_for(struct node *n)
{
    struct strvec words;
    sv_init(&words);
    if (n->u.for_.has_in) {
        if (expand_word_list(n->u.for_.words, &words) < 0) {
            sv_free(&words);
            return 1;
        }
    } else {
        for (int i = 0; i < shell.argc; i++)
            sv_push(&words, xstrdup(shell.argv[i]));
    }
    int status = 0;
    shell.loop_depth++;
    for (size_t i = 0; i < words.len; i++) {
        var_set(n->u.for_.var, words.v[i]);
        status = exec_node(n->u.for_.body, 0);
        if (unwinding() && loop_should_stop())
            break;
    }
    shell.loop_depth--;
    sv_free(&words);
    return status;
}

static int exec_case(struct node *n)
{
    char *subject = expand_string(n->u.case_.subject);
    if (!subject)
        return 1;
    int status = 0;
    for (struct case_item *item = n->u.case_.items; item; item = item->next) {
        for (struct word *w = item->patterns; w; w = w->next) {
            char *pat = expand_pattern(w->text);
            int match = pat && pattern_match(pat, subject);
            free(pat);
            if (match) {
                status = item->body ? exec_node(item->body, 0) : 0;
                free(subject);
                return status;
            }
        }
    }
    free(subject);
    return 0;
}

static int exec_subshell(struct node *n, int flags)
{
    if (flags & EX_EXIT) {
        if (redirect_apply(n->redirs, NULL) < 0)
            shell_exit(1);
        shell_exit(exec_node(n->u.group.body, 0));
    }
    struct job *job = job_new(current_text);
    pid_t pid = job_fork(job, 1);
    if (pid == 0) {
        if (redirect_apply(n->redirs, NULL) < 0)
            shell_exit(1);
        shell_exit(exec_node(n->u.group.body, 0));
    }
    if (pid < 0) {
        job_abandon(job);
        return 1;
    }
    return job_wait(job);
}

static int exec_compound(struct node *n, int flags)
{
    switch (n->kind) {
    case N_SIMPLE:
        return exec_simple(n, flags);
    case N_PIPELINE:
        return exec_pipeline(n);
    case N_AND:
    case N_OR: {
        errexit_suppressed++;
        int status = exec_node(n->u.andor.left, 0);
        errexit_suppressed--;
        if (unwinding())
            return status;
        if ((status == 0) == (n->kind == N_AND))
            status = exec_node(n->u.andor.right, 0);
        return status;
    }
    case N_LIST:
        return exec_list(n);
    case N_IF: {
        int c = condition(n->u.if_.cond);
        if (unwinding())
            return c;
        if (c == 0)
            return exec_node(n->u.if_.then_part, 0);
        return n->u.if_.else_part ? exec_node(n->u.if_.else_part, 0) : 0;
    }
    case N_WHILE:
    case N_UNTIL:
        return exec_loop(n);
    case N_FOR:
        return exec_for(n);
    case N_CASE:
        return exec_case(n);
    case N_SUBSHELL:
        return exec_subshell(n, flags);
    case N_GROUP:
        return exec_node(n->u.group.body, 0);
    case N_FUNCDEF:
        function_define(n);
        return 0;
    }
    return 1;
}

int exec_node(struct node *n, int flags)
{
    if (!n)
        return 0;
    int status;
    if (n->redirs && n->kind != N_SIMPLE && n->kind != N_SUBSHELL) {
        struct redir_undo undo = {0};
        status = redirect_apply(n->redirs, &undo) < 0 ? 1 : exec_compound(n, flags);
        redirect_undo(&undo);
    } else {
        status = exec_compound(n, flags);
    }
    shell.last_status = status;
    return status;
}

int command_subst(const char *src, size_t len, struct strbuf *out)
{
    int p[2];
    if (pipe(p) < 0) {
        sh_error("pipe: %s", strerror(errno));
        return 1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        sh_error("fork: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return 1;
    }
    if (pid == 0) {
        close(p[0]);
        if (p[1] != 1) {
            dup2(p[1], 1);
            close(p[1]);
        }
        jobs_enter_subshell();
        shell_exit(run_string(src, len));
    }
    close(p[1]);
    char buf[4096];
    for (;;) {
        ssize_t n = read(p[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        sb_putn(out, buf, (size_t)n);
    }
    close(p[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return 1;
    }
    return status_from_wait(status);
}
