/* ln [-f] source... target: make hard links. -f removes an existing
 * target first. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "target.h"

const char tool_name[] = "ln";

static int force;

static int make_link(const char *from, const char *to)
{
    if (force && unlink(to) < 0 && errno != ENOENT) {
        warn_errno(to);
        return 1;
    }
    if (link(from, to) < 0) {
        int err = errno;
        if (err == EEXIST || err == EACCES || err == EPERM) {
            errno = err;
            warn_errno(err == EEXIST ? to : from);
        } else {
            warn_msg("cannot link %s to %s: %s", to, from, strerror(err));
        }
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "fs")) != -1) {
        if (opt == 'f') {
            force = 1;
        } else if (opt == 's') {
            warn_msg("symbolic links are not supported");
            return 1;
        } else {
            usage("[-f] source... target");
        }
    }
    if (argc - optind < 2)
        usage("[-f] source... target");
    return for_each_target(argc - optind - 1, argv + optind, argv[argc - 1], make_link);
}
