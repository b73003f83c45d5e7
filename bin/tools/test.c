/* test expression: evaluate a condition (see lib/testexpr.c); the same
 * code is the shell's test and [ builtin. */
#include "../lib/testexpr.h"

const char tool_name[] = "test";

int main(int argc, char **argv)
{
    return test_main(argc, argv);
}
