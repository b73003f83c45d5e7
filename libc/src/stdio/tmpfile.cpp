#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern "C" FILE* tmpfile(void)
{
    char path[] = P_tmpdir "/tmpfile-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return nullptr;
    unlink(path);
    FILE* stream = fdopen(fd, "w+");
    if (stream == nullptr)
        close(fd);
    return stream;
}
