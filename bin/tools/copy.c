#include "copy.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "common.h"

int copy_file(const char *from, const char *to, mode_t mode)
{
    int in = open(from, O_RDONLY);
    if (in < 0) {
        warn_errno(from);
        return 1;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (out < 0) {
        warn_errno(to);
        close(in);
        return 1;
    }
    char buf[8192];
    int status = 0;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_errno(from);
            status = 1;
            break;
        }
        if (n == 0)
            break;
        if (write_all(out, buf, (size_t)n) < 0) {
            warn_errno(to);
            status = 1;
            break;
        }
    }
    close(in);
    if (close(out) < 0 && !status) {
        warn_errno(to);
        status = 1;
    }
    return status;
}
