/* Builtins that change the flow of the shell: exit, break, continue,
 * return, eval and `.`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin_list.h"
#include "exec.h"
#include "run.h"
#include "shell.h"
#include "util.h"

int builtin_exit(int argc, char **argv)
{
    int status = shell.last_status;
    if (argc > 1) {
        char *end;
        long n = strtol(argv[1], &end, 10);
        if (!*argv[1] || *end) {
            sh_error("exit: %s: numeric argument required", argv[1]);
            shell_exit(2);
        }
        status = (int)(n & 0xff);
    }
    shell_exit(status);
}

static int loop_control(int argc, char **argv, int *counter)
{
    long n = argc > 1 ? parse_number(argv[1]) : 1;
    if (n < 1) {
        sh_error("%s: %s: loop count out of range", argv[0], argv[1]);
        return 1;
    }
    if (shell.loop_depth == 0)
        return 0; /* outside loops it does nothing */
    *counter = n > shell.loop_depth ? shell.loop_depth : (int)n;
    return 0;
}

int builtin_break(int argc, char **argv)
{
    return loop_control(argc, argv, &shell.breaking);
}

int builtin_continue(int argc, char **argv)
{
    return loop_control(argc, argv, &shell.continuing);
}

int builtin_return(int argc, char **argv)
{
    if (!shell.func_depth && !shell.dot_depth) {
        sh_error("return: can only return from a function or sourced script");
        return 1;
    }
    int status = shell.last_status;
    if (argc > 1) {
        char *end;
        long n = strtol(argv[1], &end, 10);
        if (!*argv[1] || *end) {
            sh_error("return: %s: numeric argument required", argv[1]);
            n = 2;
        }
        status = (int)(n & 0xff);
    }
    shell.returning = 1;
    shell.last_status = status;
    return status;
}

int builtin_eval(int argc, char **argv)
{
    struct strbuf src;
    sb_init(&src);
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            sb_putc(&src, ' ');
        sb_puts(&src, argv[i]);
    }
    shell.last_status = 0;
    int status = run_string(src.s ? src.s : "", src.len);
    sb_free(&src);
    return status;
}

int builtin_dot(int argc, char **argv)
{
    if (argc < 2) {
        sh_error("%s: filename argument required", argv[0]);
        return 2;
    }
    char *path = NULL;
    if (strchr(argv[1], '/')) {
        path = xstrdup(argv[1]);
    } else {
        path = find_in_path(argv[1]);
        if (!path && access(argv[1], R_OK) == 0)
            path = xstrdup(argv[1]);
    }
    if (!path) {
        sh_error("%s: %s: not found", argv[0], argv[1]);
        return 1;
    }
    /* Arguments after the file become its positional parameters. */
    int saved_argc = shell.argc;
    char **saved_argv = shell.argv, **saved_alloc = shell.argv_alloc;
    if (argc > 2) {
        shell.argc = argc - 2;
        shell.argv = argv + 2;
        shell.argv_alloc = NULL;
    }
    shell.dot_depth++;
    shell.last_status = 0;
    int status = run_file(path);
    shell.dot_depth--;
    if (shell.returning) {
        shell.returning = 0;
        status = shell.last_status;
    }
    if (argc > 2) {
        positional_release();
        shell.argc = saved_argc;
        shell.argv = saved_argv;
        shell.argv_alloc = saved_alloc;
    }
    free(path);
    return status < 0 ? 1 : status;
}
