/* Applying a command's redirections, and undoing them afterwards when the
 * command ran inside the shell itself (builtins, functions, compound
 * commands). */
#ifndef SH_REDIRECT_H
#define SH_REDIRECT_H

struct redir;

struct redir_saved {
    int fd;
    int copy; /* -1: fd was closed before */
};

struct redir_undo {
    struct redir_saved *saved;
    int count;
};

/* Applies the list. With undo non-NULL, remembers how to restore every fd
 * it changes. Returns 0, or -1 after reporting an error (what was already
 * applied stays until redirect_undo). */
int redirect_apply(struct redir *r, struct redir_undo *undo);
/* Restores the fds (in reverse order) and frees undo's memory. */
void redirect_undo(struct redir_undo *undo);

#endif
