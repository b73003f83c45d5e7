/* /etc/inittab: what init starts. One entry per line, `action:command`:
 *
 *   # comment
 *   once:/bin/fsck-something -a     run to completion, in file order,
 *                                   before any respawn entry starts
 *   respawn:/bin/sh                 keep running: restart when it exits
 *
 * The command is split at blanks; a command with shell syntax (quotes,
 * $, |, ;, &, <, >) runs as /bin/sh -c 'command'. */
#ifndef INIT_INITTAB_H
#define INIT_INITTAB_H

#include <sys/types.h>
#include <time.h>

enum action { ONCE, RESPAWN };

struct entry {
    enum action action;
    char **argv;  /* NULL-terminated */
    char *text;   /* the command as written, for messages */
    int line;
    /* respawn bookkeeping */
    pid_t pid;            /* running child, or 0 */
    time_t started;       /* when it was last started */
    int quick_deaths;     /* exits in a row that came soon after the start */
    time_t restart_at;    /* when a dead entry may start again */
};

struct inittab {
    struct entry *entries;
    int count;
};

/* Reads path. Returns 0, or -1 with errno set if the file cannot be
 * read. Malformed lines are reported ("init: path:N: ...") and skipped. */
int inittab_read(const char *path, struct inittab *tab);
/* The table used without a file: respawn /bin/sh. */
void inittab_default(struct inittab *tab);

#endif
