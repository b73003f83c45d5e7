/* mkdir [-p] [-m mode] dir...: make directories. -p makes missing
 * parents and accepts directories that already exist. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "mkdir";

static int make_parents(char *path, mode_t mode)
{
    /* Each prefix ending before a slash, then the whole path. */
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (mkdir(path, saved ? 0777 : mode) < 0 && !(errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
            if (errno == EEXIST)
                errno = ENOTDIR;
            warn_errno(path);
            *p = saved;
            return 1;
        }
        *p = saved;
        if (!saved)
            return 0;
        while (p[1] == '/')
            p++;
        if (p[1] == '\0')
            return 0;
    }
}

int main(int argc, char **argv)
{
    int parents = 0, opt;
    mode_t mode = 0777;
    while ((opt = getopt(argc, argv, "pm:")) != -1) {
        if (opt == 'p') {
            parents = 1;
        } else if (opt == 'm') {
            char *end;
            long m = strtol(optarg, &end, 8);
            if (*end || m < 0 || m > 07777) {
                warn_msg("invalid mode '%s' (octal expected)", optarg);
                return 2;
            }
            mode = (mode_t)m;
        } else {
            usage("[-p] [-m mode] directory...");
        }
    }
    if (optind == argc)
        usage("[-p] [-m mode] directory...");
    int status = 0;
    for (int i = optind; i < argc; i++) {
        if (parents) {
            char *copy = strdup(argv[i]);
            status |= make_parents(copy, mode);
            free(copy);
        } else if (mkdir(argv[i], mode) < 0) {
            warn_errno(argv[i]);
            status = 1;
        }
        /* An explicit -m is not subject to the umask. */
        if (mode != 0777 && chmod(argv[i], mode) < 0 && !status) {
            warn_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
