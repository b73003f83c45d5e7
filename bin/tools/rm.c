/* rm [-rf] file...: remove files; -r directories and their contents,
 * -f no complaint about missing files. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "rm";

static int recursive, force;

static int remove_path(const char *path);

static int remove_contents(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        warn_errno(dir);
        return 1;
    }
    /* Collect the names first: removing while reading a directory is not
     * something every file system promises to handle. */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = realloc(names, cap * sizeof *names);
            if (!names) {
                warn_msg("out of memory");
                exit(1);
            }
        }
        names[n++] = path_join(dir, e->d_name);
    }
    closedir(d);
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        status |= remove_path(names[i]);
        free(names[i]);
    }
    free(names);
    return status;
}

static int remove_path(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (force && errno == ENOENT)
            return 0;
        warn_errno(path);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!recursive) {
            errno = EISDIR;
            warn_errno(path);
            return 1;
        }
        if (remove_contents(path) != 0)
            return 1;
        if (rmdir(path) < 0) {
            warn_errno(path);
            return 1;
        }
        return 0;
    }
    if (unlink(path) < 0) {
        warn_errno(path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "rRf")) != -1) {
        if (opt == 'r' || opt == 'R')
            recursive = 1;
        else if (opt == 'f')
            force = 1;
        else
            usage("[-rf] file...");
    }
    if (optind == argc) {
        if (force)
            return 0;
        usage("[-rf] file...");
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        char base[256];
        base_name(argv[i], base, sizeof base);
        if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
            warn_msg("refusing to remove '.' or '..': %s", argv[i]);
            status = 1;
            continue;
        }
        status |= remove_path(argv[i]);
    }
    return status;
}
