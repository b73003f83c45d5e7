/* rmdir [-p] dir...: remove empty directories (-p: and their parents). */
#include <string.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "rmdir";

int main(int argc, char **argv)
{
    int parents = 0, opt;
    while ((opt = getopt(argc, argv, "p")) != -1) {
        if (opt == 'p')
            parents = 1;
        else
            usage("[-p] directory...");
    }
    if (optind == argc)
        usage("[-p] directory...");
    int status = 0;
    for (int i = optind; i < argc; i++) {
        if (rmdir(argv[i]) < 0) {
            warn_errno(argv[i]);
            status = 1;
            continue;
        }
        if (!parents)
            continue;
        char *path = argv[i];
        for (;;) {
            char *slash = strrchr(path, '/');
            while (slash && slash > path && slash[1] == '\0') { /* trailing slashes */
                *slash = '\0';
                slash = strrchr(path, '/');
            }
            if (!slash || slash == path)
                break;
            *slash = '\0';
            if (rmdir(path) < 0) {
                warn_errno(path);
                status = 1;
                break;
            }
        }
    }
    return status;
}
