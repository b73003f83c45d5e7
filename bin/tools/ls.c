/* ls [-1aAdFln] [file...]: list directory contents, sorted by name.
 *   -l long format (mode, links, owner, group, size, time, name)
 *   -n like -l with numeric owner and group
 *   -a all entries, -A all but . and ..
 *   -1 one per line (the default when stdout is not a terminal)
 *   -d list directories themselves, -F append / * | to names */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "ls";

static int opt_long, opt_numeric, opt_all, opt_almost_all, opt_one, opt_dir, opt_classify;

struct entry {
    char *name; /* as shown */
    char *path; /* for stat */
    struct stat st;
    int have_stat;
};

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    int n = cols ? atoi(cols) : 0;
    return n > 0 ? n : 80;
}

static char classify(const struct entry *e)
{
    if (!opt_classify || !e->have_stat)
        return 0;
    mode_t m = e->st.st_mode;
    if (S_ISDIR(m))
        return '/';
    if (S_ISFIFO(m))
        return '|';
    if (S_ISLNK(m))
        return '@';
    if (S_ISREG(m) && (m & 0111))
        return '*';
    return 0;
}

static void format_time(time_t t, char *buf, size_t size)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&t);
    if (!tm) {
        snprintf(buf, size, "?");
        return;
    }
    /* Older than six months (or in the future): the year instead of the time. */
    const time_t half_year = 183L * 24 * 3600;
    if (t > now + 3600 || now - t > half_year)
        strftime(buf, size, "%b %e  %Y", tm);
    else
        strftime(buf, size, "%b %e %H:%M", tm);
}

static int digits(unsigned long long n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

static void print_long(struct entry *entries, size_t n)
{
    int wlinks = 1, wowner = 1, wgroup = 1, wsize = 1;
    char ubuf[32], gbuf[32];
    for (size_t i = 0; i < n; i++) {
        struct stat *st = &entries[i].st;
        if (!entries[i].have_stat)
            continue;
        int w = digits((unsigned long long)st->st_nlink);
        wlinks = w > wlinks ? w : wlinks;
        const char *u = opt_numeric ? (snprintf(ubuf, sizeof ubuf, "%lu", (unsigned long)st->st_uid), ubuf)
                                    : user_name(st->st_uid, ubuf, sizeof ubuf);
        const char *g = opt_numeric ? (snprintf(gbuf, sizeof gbuf, "%lu", (unsigned long)st->st_gid), gbuf)
                                    : group_name(st->st_gid, gbuf, sizeof gbuf);
        wowner = (int)strlen(u) > wowner ? (int)strlen(u) : wowner;
        wgroup = (int)strlen(g) > wgroup ? (int)strlen(g) : wgroup;
        w = digits((unsigned long long)st->st_size);
        wsize = w > wsize ? w : wsize;
    }
    for (size_t i = 0; i < n; i++) {
        struct entry *e = &entries[i];
        if (!e->have_stat) {
            printf("?????????? ? ? ? ? ? %s\n", e->name);
            continue;
        }
        char mode[11], when[32];
        mode_string(e->st.st_mode, mode);
        format_time(e->st.st_mtime, when, sizeof when);
        const char *u = opt_numeric ? (snprintf(ubuf, sizeof ubuf, "%lu", (unsigned long)e->st.st_uid), ubuf)
                                    : user_name(e->st.st_uid, ubuf, sizeof ubuf);
        const char *g = opt_numeric ? (snprintf(gbuf, sizeof gbuf, "%lu", (unsigned long)e->st.st_gid), gbuf)
                                    : group_name(e->st.st_gid, gbuf, sizeof gbuf);
        char c = classify(e);
        printf("%s %*lu %-*s %-*s %*llu %s %s", mode, wlinks, (unsigned long)e->st.st_nlink, wowner, u, wgroup, g,
               wsize, (unsigned long long)e->st.st_size, when, e->name);
        if (c)
            putchar(c);
        putchar('\n');
    }
}

/* Names down the columns, as many columns as fit the terminal. */
static void print_columns(struct entry *entries, size_t n)
{
    size_t widest = 1;
    for (size_t i = 0; i < n; i++) {
        size_t w = strlen(entries[i].name) + (classify(&entries[i]) != 0);
        widest = w > widest ? w : widest;
    }
    size_t colw = widest + 2;
    size_t cols = (size_t)terminal_width() / colw;
    if (cols < 1)
        cols = 1;
    size_t rows = (n + cols - 1) / cols;
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            size_t i = c * rows + r;
            if (i >= n)
                break;
            char k = classify(&entries[i]);
            int len = printf("%s", entries[i].name);
            if (k)
                len += printf("%c", k);
            if ((c + 1) * rows + r < n)
                printf("%*s", (int)(colw - (size_t)len), "");
        }
        putchar('\n');
    }
}

static void print_entries(struct entry *entries, size_t n)
{
    if (n > 1)
        qsort(entries, n, sizeof *entries, compare_entries);
    if (opt_long) {
        print_long(entries, n);
    } else if (opt_one || !isatty(1)) {
        for (size_t i = 0; i < n; i++) {
            char c = classify(&entries[i]);
            printf(c ? "%s%c\n" : "%s\n", entries[i].name, c);
        }
    } else {
        print_columns(entries, n);
    }
}

static void free_entries(struct entry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(entries[i].name);
        free(entries[i].path);
    }
    free(entries);
}

static int need_stat(void)
{
    return opt_long || opt_classify;
}

static int list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        warn_errno(dir);
        return 1;
    }
    struct entry *entries = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.' && !opt_all) {
            int dots = strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
            if (!opt_almost_all || dots)
                continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            struct entry *grown = realloc(entries, cap * sizeof *entries);
            if (!grown) {
                warn_msg("out of memory");
                exit(1);
            }
            entries = grown;
        }
        struct entry *e = &entries[n++];
        e->name = strdup(name);
        e->path = path_join(dir, name);
        e->have_stat = need_stat() && lstat(e->path, &e->st) == 0;
        if (need_stat() && !e->have_stat)
            warn_errno(e->path);
    }
    int status = 0;
    if (errno) {
        warn_errno(dir);
        status = 1;
    }
    closedir(d);
    print_entries(entries, n);
    free_entries(entries, n);
    return status;
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "1aAdFln")) != -1) {
        switch (opt) {
        case '1': opt_one = 1; break;
        case 'a': opt_all = 1; break;
        case 'A': opt_almost_all = 1; break;
        case 'd': opt_dir = 1; break;
        case 'F': opt_classify = 1; break;
        case 'l': opt_long = 1; break;
        case 'n': opt_long = opt_numeric = 1; break;
        default: usage("[-1aAdFln] [file...]");
        }
    }
    static char *dot[] = {".", NULL};
    char **args = optind < argc ? argv + optind : dot;
    int nargs = optind < argc ? argc - optind : 1;

    /* Plain files (and -d directories) first, together; then each directory. */
    int status = 0;
    struct entry *files = calloc((size_t)nargs, sizeof *files);
    char **dirs = calloc((size_t)nargs, sizeof *dirs);
    size_t nfiles = 0, ndirs = 0;
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        if (lstat(args[i], &st) < 0) {
            warn_errno(args[i]);
            status = 1;
            continue;
        }
        if (S_ISDIR(st.st_mode) && !opt_dir) {
            dirs[ndirs++] = args[i];
        } else {
            files[nfiles].name = strdup(args[i]);
            files[nfiles].path = strdup(args[i]);
            files[nfiles].st = st;
            files[nfiles].have_stat = 1;
            nfiles++;
        }
    }
    if (nfiles)
        print_entries(files, nfiles);
    free_entries(files, nfiles);
    qsort(dirs, ndirs, sizeof *dirs, compare_names);
    for (size_t i = 0; i < ndirs; i++) {
        if (nargs > 1)
            printf("%s%s:\n", nfiles || i ? "\n" : "", dirs[i]);
        status |= list_dir(dirs[i]);
    }
    free(dirs);
    if (fflush(stdout) != 0) {
        warn_errno("write error");
        status = 1;
    }
    return status;
}
