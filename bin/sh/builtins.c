/* The builtin table, and the builtins small enough to need no file of
 * their own. */
#include "builtins.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/echo.h"
#include "../lib/testexpr.h"
#include "builtin_list.h"
#include "exec.h"
#include "functions.h"
#include "jobs.h"
#include "shell.h"
#include "util.h"

static int builtin_true(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int builtin_false(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 1;
}

static int builtin_test(int argc, char **argv)
{
    return test_main(argc, argv);
}

static int builtin_echo(int argc, char **argv)
{
    echo_write(argc, argv);
    if (fflush(stdout) != 0) {
        sh_error("echo: write error: %s", strerror(errno));
        clearerr(stdout);
        return 1;
    }
    return 0;
}

static int builtin_pwd(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) {
        sh_error("pwd: %s", strerror(errno));
        return 1;
    }
    puts(buf);
    return 0;
}

static int builtin_umask(int argc, char **argv)
{
    if (argc < 2) {
        mode_t old = umask(0);
        umask(old);
        printf("%04o\n", (unsigned)old);
        return 0;
    }
    char *end;
    long mode = strtol(argv[1], &end, 8);
    if (*end || mode < 0 || mode > 0777) {
        sh_error("umask: %s: invalid mode (octal expected)", argv[1]);
        return 1;
    }
    umask((mode_t)mode);
    return 0;
}

/* type name / command -v name: how a name would run. */
static int describe(const char *name, int verbose)
{
    if (function_find(name)) {
        printf(verbose ? "%s is a function\n" : "%s\n", name);
        return 0;
    }
    if (builtin_find(name) || strcmp(name, "exec") == 0) {
        printf(verbose ? "%s is a shell builtin\n" : "%s\n", name);
        return 0;
    }
    char *path = strchr(name, '/') ? (access(name, X_OK) == 0 ? xstrdup(name) : NULL) : find_in_path(name);
    if (path) {
        if (verbose)
            printf("%s is %s\n", name, path);
        else
            printf("%s\n", path);
        free(path);
        return 0;
    }
    if (verbose)
        sh_error("type: %s: not found", name);
    return 1;
}

static int builtin_type(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++)
        status |= describe(argv[i], 1);
    return status;
}

static int builtin_command(int argc, char **argv)
{
    if (argc >= 3 && (strcmp(argv[1], "-v") == 0 || strcmp(argv[1], "-V") == 0)) {
        int status = 0;
        for (int i = 2; i < argc; i++)
            status |= describe(argv[i], argv[1][1] == 'V');
        return status;
    }
    sh_error("command: usage: command -v|-V name...");
    return 2;
}

static const struct {
    const char *name;
    builtin_fn fn;
} builtins[] = {
    {":", builtin_true},
    {".", builtin_dot},
    {"[", builtin_test},
    {"bg", builtin_bg},
    {"break", builtin_break},
    {"cd", builtin_cd},
    {"command", builtin_command},
    {"continue", builtin_continue},
    {"echo", builtin_echo},
    {"eval", builtin_eval},
    {"exit", builtin_exit},
    {"export", builtin_export},
    {"false", builtin_false},
    {"fg", builtin_fg},
    {"jobs", builtin_jobs},
    {"pwd", builtin_pwd},
    {"read", builtin_read},
    {"return", builtin_return},
    {"set", builtin_set},
    {"shift", builtin_shift},
    {"source", builtin_dot},
    {"test", builtin_test},
    {"true", builtin_true},
    {"type", builtin_type},
    {"umask", builtin_umask},
    {"unset", builtin_unset},
    {"wait", builtin_wait},
};

builtin_fn builtin_find(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return builtins[i].fn;
    return NULL;
}
