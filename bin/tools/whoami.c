/* whoami: print the name of the effective user. */
#include <stdio.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "whoami";

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        usage("");
    char buf[32];
    puts(user_name(geteuid(), buf, sizeof buf));
    return 0;
}
