#include "inittab.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xalloc(size_t size)
{
    void *p = calloc(1, size);
    if (!p) {
        fprintf(stderr, "init: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    char *p = xalloc(strlen(s) + 1);
    strcpy(p, s);
    return p;
}

/* argv for a command: split at blanks, or /bin/sh -c for shell syntax. */
static char **split_command(const char *command)
{
    if (strpbrk(command, "'\"$|;&<>`\\*?")) {
        char **argv = xalloc(4 * sizeof *argv);
        argv[0] = xstrdup("/bin/sh");
        argv[1] = xstrdup("-c");
        argv[2] = xstrdup(command);
        return argv;
    }
    size_t words = 0;
    for (const char *p = command; *p;) {
        while (isblank((unsigned char)*p))
            p++;
        if (!*p)
            break;
        words++;
        while (*p && !isblank((unsigned char)*p))
            p++;
    }
    char **argv = xalloc((words + 1) * sizeof *argv);
    size_t n = 0;
    for (const char *p = command; *p;) {
        while (isblank((unsigned char)*p))
            p++;
        if (!*p)
            break;
        const char *start = p;
        while (*p && !isblank((unsigned char)*p))
            p++;
        argv[n] = xalloc((size_t)(p - start) + 1);
        memcpy(argv[n], start, (size_t)(p - start));
        n++;
    }
    return argv;
}

static void add_entry(struct inittab *tab, enum action action, const char *command, int line)
{
    struct entry *grown = realloc(tab->entries, (size_t)(tab->count + 1) * sizeof *grown);
    if (!grown) {
        fprintf(stderr, "init: out of memory\n");
        exit(1);
    }
    tab->entries = grown;
    struct entry *e = &tab->entries[tab->count++];
    memset(e, 0, sizeof *e);
    e->action = action;
    e->text = xstrdup(command);
    e->argv = split_command(command);
    e->line = line;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

int inittab_read(const char *path, struct inittab *tab)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    tab->entries = NULL;
    tab->count = 0;
    char buf[1024];
    int line = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        char *s = trim(buf);
        if (!*s || *s == '#')
            continue;
        char *colon = strchr(s, ':');
        if (!colon) {
            fprintf(stderr, "init: %s:%d: expected action:command\n", path, line);
            continue;
        }
        *colon = '\0';
        char *action = trim(s), *command = trim(colon + 1);
        if (!*command) {
            fprintf(stderr, "init: %s:%d: no command\n", path, line);
        } else if (strcmp(action, "once") == 0) {
            add_entry(tab, ONCE, command, line);
        } else if (strcmp(action, "respawn") == 0) {
            add_entry(tab, RESPAWN, command, line);
        } else {
            fprintf(stderr, "init: %s:%d: unknown action '%s' (once or respawn)\n", path, line, action);
        }
    }
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

void inittab_default(struct inittab *tab)
{
    tab->entries = NULL;
    tab->count = 0;
    add_entry(tab, RESPAWN, "/bin/sh", 0);
}
