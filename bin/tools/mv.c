/* mv source... target: rename files and directories (copying regular
 * files when the target is on another file system). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "copy.h"
#include "target.h"

const char tool_name[] = "mv";

static int move(const char *from, const char *to)
{
    if (rename(from, to) == 0)
        return 0;
    if (errno != EXDEV) {
        int err = errno;
        struct stat st;
        /* Name the path that is wrong: usually the source. */
        errno = err;
        if (lstat(from, &st) < 0) {
            warn_errno(from);
        } else {
            errno = err;
            warn_msg("cannot move %s to %s: %s", from, to, strerror(err));
        }
        return 1;
    }
    struct stat st;
    if (lstat(from, &st) < 0) {
        warn_errno(from);
        return 1;
    }
    if (!S_ISREG(st.st_mode)) {
        warn_msg("cannot move %s across file systems: not a regular file", from);
        return 1;
    }
    if (copy_file(from, to, st.st_mode & 0777) != 0)
        return 1;
    if (unlink(from) < 0) {
        warn_errno(from);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "f")) != -1)
        if (opt != 'f') /* -f: we never ask anyway */
            usage("source... target");
    if (argc - optind < 2)
        usage("source... target");
    return for_each_target(argc - optind - 1, argv + optind, argv[argc - 1], move);
}
