/* cp [-r] source... target: copy files; -r (or -R) copies directories
 * with their contents. Permission bits are kept. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "copy.h"
#include "target.h"

const char tool_name[] = "cp";

static int recursive;

static int copy_path(const char *from, const char *to);

static int copy_dir(const char *from, const char *to, mode_t mode)
{
    struct stat st;
    if (mkdir(to, mode | 0700) < 0 && !(errno == EEXIST && stat(to, &st) == 0 && S_ISDIR(st.st_mode))) {
        warn_errno(to);
        return 1;
    }
    DIR *d = opendir(from);
    if (!d) {
        warn_errno(from);
        return 1;
    }
    int status = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *src = path_join(from, e->d_name);
        char *dst = path_join(to, e->d_name);
        status |= copy_path(src, dst);
        free(src);
        free(dst);
    }
    closedir(d);
    chmod(to, mode); /* now that it is filled, the real permissions */
    return status;
}

static int copy_path(const char *from, const char *to)
{
    struct stat st, dst;
    if (stat(from, &st) < 0) {
        warn_errno(from);
        return 1;
    }
    if (stat(to, &dst) == 0 && dst.st_dev == st.st_dev && dst.st_ino == st.st_ino) {
        warn_msg("%s and %s are the same file", from, to);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!recursive) {
            warn_msg("%s: is a directory (use -r)", from);
            return 1;
        }
        return copy_dir(from, to, st.st_mode & 07777);
    }
    return copy_file(from, to, st.st_mode & 0777);
}

/* Copying a directory into itself would never end. */
static int copy_checked(const char *from, const char *to)
{
    size_t n = strlen(from);
    if (recursive && strncmp(to, from, n) == 0 && to[n] == '/') {
        warn_msg("cannot copy %s into itself", from);
        return 1;
    }
    return copy_path(from, to);
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "rRp")) != -1) {
        if (opt == 'r' || opt == 'R')
            recursive = 1;
        else if (opt != 'p') /* permissions are always kept */
            usage("[-r] source... target");
    }
    if (argc - optind < 2)
        usage("[-r] source... target");
    return for_each_target(argc - optind - 1, argv + optind, argv[argc - 1], copy_checked);
}
