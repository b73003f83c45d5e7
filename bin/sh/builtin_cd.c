/* cd [dir | -]: no argument means $HOME, - means $OLDPWD. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "builtin_list.h"
#include "util.h"
#include "vars.h"

int builtin_cd(int argc, char **argv)
{
    if (argc > 2) {
        sh_error("cd: too many arguments");
        return 2;
    }
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    int print = 0;
    if (!dir) {
        sh_error("cd: HOME not set");
        return 1;
    }
    if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (!dir) {
            sh_error("cd: OLDPWD not set");
            return 1;
        }
        print = 1;
    }
    char old[4096];
    if (!getcwd(old, sizeof old))
        old[0] = '\0';
    if (chdir(dir) < 0) {
        sh_error("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    char now[4096];
    if (old[0])
        var_set("OLDPWD", old);
    if (getcwd(now, sizeof now)) {
        var_set("PWD", now);
        if (print)
            puts(now);
    }
    return 0;
}
