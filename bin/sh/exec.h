/* Running syntax trees: commands, pipelines, lists and compound commands,
 * plus command substitution and command lookup. */
#ifndef SH_EXEC_H
#define SH_EXEC_H

#include <stddef.h>

struct node;
struct strbuf;

/* EX_EXIT: this process is a fork that exits after the node, so an
 * external command may replace it instead of forking again. */
#define EX_EXIT 1

/* Runs n and returns its exit status (also stored in $?). */
int exec_node(struct node *n, int flags);
/* Runs src in a subshell with its output captured into out; returns the
 * exit status. */
int command_subst(const char *src, size_t len, struct strbuf *out);
/* Replaces the process with the command argv (PATH search, script
 * fallback); on failure reports it and exits 126 or 127. */
__attribute__((noreturn)) void exec_external(char **argv);
/* The path a command name resolves to in PATH (malloc'd), or NULL. */
char *find_in_path(const char *name);
/* Whether break/continue/return or an interrupt is unwinding. */
int unwinding(void);

#endif
