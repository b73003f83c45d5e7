/* su [-] [user] [-c command]: run a shell as another user (root by
 * default). Only root may do it: there are no passwords on banos, so for
 * anyone else the answer is "permission denied". "-" starts a login shell
 * in the user's home directory. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "su";

int main(int argc, char **argv)
{
    int login = 0, i = 1;
    const char *command = NULL, *user = "root";
    for (; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0 || strcmp(argv[i], "-l") == 0) {
            login = 1;
        } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            command = argv[++i];
        } else if (argv[i][0] == '-') {
            usage("[-] [user] [-c command]");
        } else {
            user = argv[i];
        }
    }
    struct passwd *pw = getpwnam(user);
    if (!pw) {
        warn_msg("user %s does not exist", user);
        return 1;
    }
    if (geteuid() != 0) {
        warn_msg("permission denied");
        return 1;
    }
    /* Group first: after setuid we could no longer change it. */
    if (setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
        warn_errno("cannot change user");
        return 1;
    }
    const char *shell = pw->pw_shell && *pw->pw_shell ? pw->pw_shell : "/bin/sh";
    setenv("HOME", pw->pw_dir, 1);
    setenv("USER", pw->pw_name, 1);
    setenv("LOGNAME", pw->pw_name, 1);
    setenv("SHELL", shell, 1);
    if (login && chdir(pw->pw_dir) < 0)
        warn_errno(pw->pw_dir);

    char *args[4];
    int n = 0;
    args[n++] = login ? "-sh" : "sh";
    if (command) {
        args[n++] = "-c";
        args[n++] = (char *)command;
    }
    args[n] = NULL;
    execv(shell, args);
    warn_errno(shell);
    return errno == ENOENT ? 127 : 126;
}
