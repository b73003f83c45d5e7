#include "common.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void warn_errno(const char *what)
{
    int err = errno;
    fflush(stdout);
    fprintf(stderr, "%s: %s: %s\n", tool_name, what, strerror(err));
}

void warn_msg(const char *fmt, ...)
{
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", tool_name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void usage(const char *args)
{
    fprintf(stderr, "usage: %s %s\n", tool_name, args);
    exit(2);
}

int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

const char *user_name(uid_t uid, char *buf, size_t size)
{
    struct passwd *pw = getpwuid(uid);
    if (pw)
        return pw->pw_name;
    snprintf(buf, size, "%lu", (unsigned long)uid);
    return buf;
}

const char *group_name(gid_t gid, char *buf, size_t size)
{
    struct group *gr = getgrgid(gid);
    if (gr)
        return gr->gr_name;
    snprintf(buf, size, "%lu", (unsigned long)gid);
    return buf;
}

static long number(const char *s)
{
    if (!*s)
        return -1;
    char *end;
    long n = strtol(s, &end, 10);
    return *end || n < 0 ? -1 : n;
}

long lookup_uid(const char *s)
{
    struct passwd *pw = getpwnam(s);
    return pw ? (long)pw->pw_uid : number(s);
}

long lookup_gid(const char *s)
{
    struct group *gr = getgrnam(s);
    return gr ? (long)gr->gr_gid : number(s);
}

void mode_string(mode_t mode, char *buf)
{
    char type = '-';
    if (S_ISDIR(mode))
        type = 'd';
    else if (S_ISCHR(mode))
        type = 'c';
    else if (S_ISBLK(mode))
        type = 'b';
    else if (S_ISFIFO(mode))
        type = 'p';
    else if (S_ISLNK(mode))
        type = 'l';
    else if (S_ISSOCK(mode))
        type = 's';
    buf[0] = type;
    static const char rwx[] = "rwxrwxrwx";
    for (int i = 0; i < 9; i++)
        buf[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
    if (mode & S_ISUID)
        buf[3] = buf[3] == 'x' ? 's' : 'S';
    if (mode & S_ISGID)
        buf[6] = buf[6] == 'x' ? 's' : 'S';
    if (mode & S_ISVTX)
        buf[9] = buf[9] == 'x' ? 't' : 'T';
    buf[10] = '\0';
}

char *path_join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    char *p = malloc(dl + nl + 2);
    if (!p) {
        fprintf(stderr, "%s: out of memory\n", tool_name);
        exit(1);
    }
    memcpy(p, dir, dl);
    size_t at = dl;
    if (dl == 0 || dir[dl - 1] != '/')
        p[at++] = '/';
    memcpy(p + at, name, nl + 1);
    return p;
}

const char *base_name(const char *path, char *buf, size_t size)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    size_t start = len;
    while (start > 0 && path[start - 1] != '/')
        start--;
    size_t n = len - start;
    if (n >= size)
        n = size - 1;
    memcpy(buf, path + start, n);
    buf[n] = '\0';
    return buf;
}
