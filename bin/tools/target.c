#include "target.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

int for_each_target(int nsources, char **sources, const char *target,
                    int (*fn)(const char *source, const char *destination))
{
    struct stat st;
    int target_is_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
    if (nsources > 1 && !target_is_dir) {
        errno = ENOTDIR;
        warn_errno(target);
        return 1;
    }
    int status = 0;
    for (int i = 0; i < nsources; i++) {
        char *destination;
        if (target_is_dir) {
            char base[256];
            destination = path_join(target, base_name(sources[i], base, sizeof base));
        } else {
            destination = strdup(target);
        }
        status |= fn(sources[i], destination);
        free(destination);
    }
    return status;
}
