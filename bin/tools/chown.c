/* chown owner[:group] file...: change the owner (and group) of files, by
 * name or number. chown :group changes only the group. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "chown";

int main(int argc, char **argv)
{
    if (argc < 3)
        usage("owner[:group] file...");
    char *spec = argv[1];
    char *colon = strchr(spec, ':');
    if (!colon)
        colon = strchr(spec, '.');
    if (colon)
        *colon = '\0';
    long uid = -1, gid = -1;
    if (*spec) {
        uid = lookup_uid(spec);
        if (uid < 0) {
            warn_msg("%s: unknown user", spec);
            return 1;
        }
    }
    if (colon && colon[1]) {
        gid = lookup_gid(colon + 1);
        if (gid < 0) {
            warn_msg("%s: unknown group", colon + 1);
            return 1;
        }
    }
    int status = 0;
    for (int i = 2; i < argc; i++) {
        if (chown(argv[i], (uid_t)uid, (gid_t)gid) < 0) {
            warn_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
