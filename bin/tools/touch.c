/* touch [-c] file...: create files that do not exist (-c: do not).
 * banos has no call to set file times, so existing files are left as
 * they are. */
#include <fcntl.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "touch";

int main(int argc, char **argv)
{
    int opt, no_create = 0;
    while ((opt = getopt(argc, argv, "c")) != -1) {
        if (opt == 'c')
            no_create = 1;
        else
            usage("[-c] file...");
    }
    if (optind == argc)
        usage("[-c] file...");
    int status = 0;
    for (int i = optind; i < argc; i++) {
        if (no_create && access(argv[i], F_OK) < 0)
            continue;
        int fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
        if (fd < 0) {
            warn_errno(argv[i]);
            status = 1;
            continue;
        }
        close(fd);
    }
    return status;
}
