#include <errno.h>
#include <stdio.h>
#include <unistd.h>

extern "C" int remove(const char* path)
{
    if (unlink(path) == 0)
        return 0;
    if (errno != EISDIR && errno != EPERM)
        return -1;
    int saved = errno;
    if (rmdir(path) == 0)
        return 0;
    if (errno == ENOTDIR)
        errno = saved;
    return -1;
}

