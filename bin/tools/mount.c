/* mount -t TYPE SOURCE DIR: mount a new file system of TYPE on DIR
 * (superuser only). SOURCE is passed on; the types there are ignore it. */
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

#include "common.h"

const char tool_name[] = "mount";

int main(int argc, char **argv)
{
    if (argc != 5 || strcmp(argv[1], "-t") != 0)
        usage("-t TYPE SOURCE DIR");
    if (mount(argv[3], argv[4], argv[2], 0, NULL) != 0) {
        warn_errno(argv[4]);
        return 1;
    }
    return 0;
}
