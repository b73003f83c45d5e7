/* echo [-neE] [string...]: print the arguments (see lib/echo.c); the same
 * code is the shell's echo builtin. */
#include <stdio.h>

#include "../lib/echo.h"
#include "common.h"

const char tool_name[] = "echo";

int main(int argc, char **argv)
{
    echo_write(argc, argv);
    if (fflush(stdout) != 0) {
        warn_errno("write error");
        return 1;
    }
    return 0;
}
