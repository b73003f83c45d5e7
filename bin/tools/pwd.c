/* pwd: print the current directory. */
#include <stdio.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "pwd";

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != 'L' && argv[1][1] != 'P')
        usage("[-LP]");
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) {
        warn_errno("getcwd");
        return 1;
    }
    puts(buf);
    return 0;
}
