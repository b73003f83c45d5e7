#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

extern "C" void __assert_fail(const char* expression, const char* file, unsigned int line, const char* function)
{
    fflush(stdout);
    fprintf(stderr, "%s:%u: %s: assertion `%s' failed\n", file, line, function, expression);
    abort();
}
