/* banos-install FILE...: install banos modules (superuser only). */
#include <banos.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "banos-install";

/* The whole file in one malloc'd block; NULL with errno set on failure. */
static unsigned char *read_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    unsigned char *data = NULL;
    if (fstat(fd, &st) != 0) {
        /* errno says why */
    } else if (!S_ISREG(st.st_mode)) {
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
    } else if (st.st_size == 0) {
        errno = ENOEXEC;
    } else if ((data = malloc((size_t)st.st_size)) != NULL) {
        size_t done = 0;
        while (done < (size_t)st.st_size) {
            ssize_t n = read(fd, data + done, (size_t)st.st_size - done);
            if (n <= 0) {
                errno = n < 0 ? errno : EIO;
                free(data);
                data = NULL;
                break;
            }
            done += (size_t)n;
        }
        *size = done;
    }
    int saved = errno;
    close(fd);
    errno = saved;
    return data;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage("FILE...");
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        size_t size = 0;
        errno = 0;
        unsigned char *image = read_file(argv[i], &size);
        if (!image) {
            warn_errno(argv[i]);
            status = 1;
            continue;
        }
        if (banos_install(image, size) != 0) {
            warn_errno(argv[i]);
            status = 1;
        }
        free(image);
    }
    return status;
}
