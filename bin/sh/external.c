/* Finding and starting external commands: PATH search, execve, and the
 * fallback for files that are not binaries (scripts without #!). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exec.h"
#include "run.h"
#include "shell.h"
#include "util.h"
#include "vars.h"

static const char *search_path(void)
{
    const char *path = var_get("PATH");
    return path ? path : "/bin:/usr/bin";
}

/* The next "dir/name" of the PATH list at *cursor (an empty entry is the
 * current directory), or NULL at the end. */
static char *next_candidate(const char **cursor, const char *name)
{
    const char *p = *cursor;
    if (!p)
        return NULL;
    const char *colon = strchr(p, ':');
    size_t n = colon ? (size_t)(colon - p) : strlen(p);
    *cursor = colon ? colon + 1 : NULL;
    struct strbuf full;
    sb_init(&full);
    if (n == 0)
        sb_putc(&full, '.');
    else
        sb_putn(&full, p, n);
    sb_putc(&full, '/');
    sb_puts(&full, name);
    return sb_take(&full);
}

char *find_in_path(const char *name)
{
    const char *cursor = search_path();
    char *full;
    while ((full = next_candidate(&cursor, name)) != NULL) {
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
            return full;
        free(full);
    }
    return NULL;
}

/* The file is not a binary: it is a script for us. This process is
 * already a copy of the shell, so run it here. */
__attribute__((noreturn)) static void run_as_script(const char *path, char **argv)
{
    shell.arg0 = xstrdup(path);
    shell.script_name = shell.arg0;
    int argc = 0;
    while (argv[argc])
        argc++;
    shell.argc = argc - 1;
    shell.argv = argv + 1;
    int status = run_file(path);
    shell_exit(status < 0 ? 127 : status);
}

void exec_external(char **argv)
{
    char **env = var_environ();
    const char *name = argv[0];
    if (strchr(name, '/')) {
        execve(name, argv, env);
        int err = errno;
        struct stat st;
        int is_dir = stat(name, &st) == 0 && S_ISDIR(st.st_mode);
        if (err == ENOEXEC && !is_dir)
            run_as_script(name, argv);
        if (is_dir)
            err = EISDIR;
        sh_error("%s: %s", name, strerror(err));
        shell_exit(err == ENOENT ? 127 : 126);
    }
    int denied = 0;
    const char *cursor = search_path();
    char *full;
    while ((full = next_candidate(&cursor, name)) != NULL) {
        execve(full, argv, env);
        struct stat st;
        if (errno == ENOEXEC && stat(full, &st) == 0 && S_ISREG(st.st_mode))
            run_as_script(full, argv);
        if (errno == EACCES)
            denied = 1; /* keep looking: a later directory may have it */
        free(full);
    }
    if (denied) {
        sh_error("%s: Permission denied", name);
        shell_exit(126);
    }
    sh_error("%s: command not found", name);
    shell_exit(127);
}
