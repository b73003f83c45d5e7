/* The shell's global state: how it was started, the special parameters
 * ($?, $$, $!, $0 and the positional ones) and the control-flow requests
 * (break, continue, return) that unwind the executor. */
#ifndef SH_SHELL_H
#define SH_SHELL_H

#include <sys/types.h>

struct shell {
    int interactive;         /* reading commands from a terminal: prompts */
    int jobctl;              /* job control on: process groups + tcsetpgrp */
    int subshell;            /* this process is a forked copy of the shell */
    const char *script_name; /* for "sh: file: line N:" in error messages */
    int lineno;              /* line of the command being parsed/run */
    int last_status;         /* $? */
    pid_t pid;               /* $$: the pid of the original shell */
    pid_t last_bg;           /* $! */
    int xtrace;              /* set -x: print commands before running them */
    int errexit;             /* set -e: exit when a command fails */

    /* $0 and the positional parameters $1..$n (argv[0] is $1). */
    char *arg0;
    int argc;
    char **argv;
    /* The array `set` allocated for the current function or script frame
     * (argv points into it), freed when the frame ends or set runs again. */
    char **argv_alloc;

    /* Control flow: how many enclosing loops `break n` / `continue n`
     * still have to leave; `return` leaves the current function. */
    int loop_depth;
    int breaking;
    int continuing;
    int func_depth;
    int dot_depth; /* inside a `.` script: return is allowed */
    int returning;
};

extern struct shell shell;

/* Frees shell.argv_alloc (see builtin_vars.c). */
void positional_release(void);

/* Leaves the shell with the given status, flushing output first. */
__attribute__((noreturn)) void shell_exit(int status);

#endif
