/* cat [-n] [file...]: copy files (or stdin, also for "-") to stdout.
 * -n numbers the lines. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "cat";

static int number_lines;
static long line_number = 1;
static int at_line_start = 1;

static int copy_numbered(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (at_line_start)
            printf("%6ld\t", line_number++);
        putchar(buf[i]);
        at_line_start = buf[i] == '\n';
    }
    return ferror(stdout) ? -1 : 0;
}

static int cat_fd(int fd, const char *name)
{
    char buf[8192];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            warn_errno(name);
            return 1;
        }
        if (n == 0)
            return 0;
        int r = number_lines ? copy_numbered(buf, (size_t)n) : write_all(1, buf, (size_t)n);
        if (r < 0) {
            warn_errno("write error");
            return 1;
        }
    }
}

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-n") == 0)
            number_lines = 1;
        else if (strcmp(argv[i], "-u") != 0) /* -u: we never buffer anyway */
            usage("[-nu] [file...]");
    }
    int status = 0;
    if (i == argc)
        status = cat_fd(0, "stdin");
    for (; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            status |= cat_fd(0, "stdin");
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            warn_errno(argv[i]);
            status = 1;
            continue;
        }
        status |= cat_fd(fd, argv[i]);
        close(fd);
    }
    if (fflush(stdout) != 0) {
        warn_errno("write error");
        status = 1;
    }
    return status;
}
