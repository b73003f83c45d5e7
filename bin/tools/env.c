/* env [-i] [-u name] [name=value...] [command [arg...]]: run a command
 * in a changed environment, or print the environment. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "env";

extern char **environ;

/* The new environment is built as our own array (then installed in
 * environ for execvp), so it does not depend on how setenv manages
 * memory. */
static char **vars;
static size_t count;

static size_t name_len(const char *entry)
{
    const char *eq = strchr(entry, '=');
    return eq ? (size_t)(eq - entry) : strlen(entry);
}

static void remove_var(const char *name, size_t len)
{
    for (size_t i = 0; i < count; i++) {
        if (name_len(vars[i]) == len && strncmp(vars[i], name, len) == 0) {
            vars[i] = vars[--count];
            vars[count] = NULL;
            return;
        }
    }
}

static void add_var(char *entry)
{
    remove_var(entry, name_len(entry));
    vars[count++] = entry;
    vars[count] = NULL;
}

int main(int argc, char **argv)
{
    size_t total = (size_t)argc + 1;
    for (char **e = environ; *e; e++)
        total++;
    vars = calloc(total, sizeof *vars);
    if (!vars) {
        warn_msg("out of memory");
        return 1;
    }
    for (char **e = environ; *e; e++)
        vars[count++] = *e;

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0) {
            count = 0;
            vars[0] = NULL;
        } else if (strcmp(argv[i], "-u") == 0 && i + 1 < argc) {
            i++;
            remove_var(argv[i], strlen(argv[i]));
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            usage("[-i] [-u name] [name=value...] [command [arg...]]");
        }
    }
    for (; i < argc && strchr(argv[i], '=') && argv[i][0] != '='; i++)
        add_var(argv[i]);
    if (i == argc) {
        for (size_t k = 0; k < count; k++)
            puts(vars[k]);
        return 0;
    }
    environ = vars;
    execvp(argv[i], argv + i);
    int err = errno;
    warn_errno(argv[i]);
    return err == ENOENT ? 127 : 126;
}
