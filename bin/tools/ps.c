/* ps: list processes from /proc/<pid>/status ("Key:\tvalue" lines:
 * Name, State, Pid, PPid, Uid) as PID PPID USER STAT COMMAND, sorted by
 * pid. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

const char tool_name[] = "ps";

struct proc_info {
    long pid, ppid, uid;
    char state[16];
    char name[64];
};

/* The first word after "Key:" on the line starting with key. */
static int field(const char *text, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (strncmp(line, key, klen) != 0 || line[klen] != ':')
            continue;
        const char *v = line + klen + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        size_t n = 0;
        while (v[n] && v[n] != '\n' && v[n] != '\t' && (v[n] != ' ' || strcmp(key, "Name") == 0) && n + 1 < size) {
            out[n] = v[n];
            n++;
        }
        out[n] = '\0';
        return 1;
    }
    return 0;
}

static int read_status(const char *pid, struct proc_info *p)
{
    char path[64], text[2048];
    snprintf(path, sizeof path, "/proc/%s/status", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0; /* it exited meanwhile */
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char value[64];
    p->pid = atol(pid);
    p->ppid = field(text, "PPid", value, sizeof value) ? atol(value) : 0;
    p->uid = field(text, "Uid", value, sizeof value) ? atol(value) : -1;
    if (!field(text, "State", p->state, sizeof p->state))
        strcpy(p->state, "?");
    if (!field(text, "Name", p->name, sizeof p->name))
        strcpy(p->name, "?");
    return 1;
}

static int by_pid(const void *a, const void *b)
{
    long x = ((const struct proc_info *)a)->pid, y = ((const struct proc_info *)b)->pid;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != 'e' && argv[1][1] != 'A' && argv[1][1] != 'a')
        usage("[-eA]"); /* every process is always listed */
    DIR *d = opendir("/proc");
    if (!d) {
        warn_errno("/proc");
        return 1;
    }
    struct proc_info *procs = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!isdigit((unsigned char)e->d_name[0])) /* skips self, meminfo, ... */
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            procs = realloc(procs, cap * sizeof *procs);
            if (!procs) {
                warn_msg("out of memory");
                return 1;
            }
        }
        if (read_status(e->d_name, &procs[n]))
            n++;
    }
    closedir(d);
    if (n > 1)
        qsort(procs, n, sizeof *procs, by_pid);
    printf("%5s %5s %-8s %-4s %s\n", "PID", "PPID", "USER", "STAT", "COMMAND");
    for (size_t i = 0; i < n; i++) {
        char ubuf[32];
        const char *user = procs[i].uid >= 0 ? user_name((uid_t)procs[i].uid, ubuf, sizeof ubuf) : "?";
        printf("%5ld %5ld %-8s %-4s %s\n", procs[i].pid, procs[i].ppid, user, procs[i].state, procs[i].name);
    }
    free(procs);
    return 0;
}
