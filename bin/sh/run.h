/* Reading commands from a source (terminal, script, string) and running
 * them one complete command at a time. */
#ifndef SH_RUN_H
#define SH_RUN_H

#include <stddef.h>

/* Runs every command of src (eval, sh -c, command substitution). */
int run_string(const char *src, size_t len);
/* Runs the commands read from fd: a script (the shell's own fd) or
 * standard input (interactive with prompts if `interactive`). */
int run_fd(int fd, int interactive);
/* Opens and runs a script file; -1 (reported) if it cannot be opened. */
int run_file(const char *path);

#endif
