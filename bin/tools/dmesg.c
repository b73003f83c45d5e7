/* dmesg: print the kernel log, which banos shows as /proc/kmsg. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "dmesg";

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        usage("");
    int fd = open("/proc/kmsg", O_RDONLY);
    if (fd < 0) {
        warn_errno("/proc/kmsg");
        return 1;
    }
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_errno("/proc/kmsg");
            close(fd);
            return 1;
        }
        if (n == 0)
            break;
        if (write_all(1, buf, (size_t)n) < 0) {
            warn_errno("write error");
            close(fd);
            return 1;
        }
    }
    close(fd);
    return 0;
}
