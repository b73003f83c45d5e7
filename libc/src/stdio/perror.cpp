#include <errno.h>
#include <stdio.h>
#include <string.h>

extern "C" void perror(const char* prefix)
{
    const char* description = strerror(errno);
    if (prefix != nullptr && prefix[0] != '\0')
        fprintf(stderr, "%s: %s\n", prefix, description);
    else
        fprintf(stderr, "%s\n", description);
}
