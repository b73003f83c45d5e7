/* Files and directories: open flags, stat in the ABI's layout, links,
 * renames, permissions, the working directory, dup and fcntl, and
 * directory reading. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

static int compare_strings(const void* left, const void* right)
{
    return strcmp(*(char* const*)left, *(char* const*)right);
}

static int only_files(const struct dirent* entry)
{
    return entry->d_name[0] != '.';
}

void test_files(void)
{
    const char* path = test_path("file");
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0640);
    CHECK("files.open_create", fd >= 0 && write(fd, "0123456789", 10) == 10);
    errno = 0;
    CHECK("files.open_exclusive", open(path, O_WRONLY | O_CREAT | O_EXCL, 0640) == -1 && errno == EEXIST);
    CHECK("files.lseek", lseek(fd, 2, SEEK_SET) == 2 && write(fd, "ab", 2) == 2 && lseek(fd, 0, SEEK_END) == 10
            && lseek(fd, -1, SEEK_CUR) == 9);
    CHECK("files.ftruncate", ftruncate(fd, 6) == 0 && lseek(fd, 0, SEEK_END) == 6);
    CHECK("files.close", close(fd) == 0 && close(fd) == -1 && errno == EBADF);

    struct stat status;
    memset(&status, 0xff, sizeof status);
    time_t now = time(NULL);
    mode_t mask = umask(0);
    umask(mask);
    CHECK("files.stat", stat(path, &status) == 0 && S_ISREG(status.st_mode) && (status.st_mode & 0777) == (0640 & ~mask)
            && status.st_size == 6 && status.st_nlink == 1 && status.st_uid == getuid() && status.st_blksize > 0
            && status.st_mtime <= now + 1 && status.st_mtime >= now - 60);
#if defined(BANOS_PROGRAM_ABI_V2)
    CHECK("files.stat_nanoseconds", status.st_mtim.tv_nsec >= 0 && status.st_mtim.tv_nsec < 1000000000);
    struct stat relative;
    int directory = open(test_directory, O_RDONLY | O_DIRECTORY);
    CHECK("files.fstatat", fstatat(directory, "file", &relative, 0) == 0 && relative.st_ino == status.st_ino);
    int made = openat(directory, "at-file", O_WRONLY | O_CREAT, 0600);
    CHECK("files.openat", made >= 0 && close(made) == 0 && faccessat(directory, "at-file", R_OK, 0) == 0);
    CHECK("files.renameat", renameat(directory, "at-file", AT_FDCWD, test_path("at-renamed")) == 0
            && renameat(AT_FDCWD, test_path("at-renamed"), directory, "at-file") == 0);
    CHECK("files.mkdirat_unlinkat", mkdirat(directory, "at-dir", 0700) == 0
            && unlinkat(directory, "at-dir", AT_REMOVEDIR) == 0 && unlinkat(directory, "at-file", 0) == 0);
    close(directory);
#endif
    fd = open(path, O_RDONLY);
    struct stat by_descriptor;
    CHECK("files.fstat", fstat(fd, &by_descriptor) == 0 && by_descriptor.st_ino == status.st_ino
            && by_descriptor.st_dev == status.st_dev);
    char bytes[16] = "";
    CHECK("files.read", read(fd, bytes, sizeof bytes) == 6 && memcmp(bytes, "01ab45", 6) == 0
            && read(fd, bytes, sizeof bytes) == 0);
    close(fd);
    errno = 0;
    CHECK("files.stat_missing", stat(test_path("missing"), &status) == -1 && errno == ENOENT);
    errno = 0;
    CHECK("files.bad_pointer", stat((const char*)8, &status) == -1 && errno == EFAULT);

    const char* second = test_path("second");
    CHECK("files.link", link(path, second) == 0 && stat(path, &status) == 0 && status.st_nlink == 2);
    const char* renamed = test_path("renamed");
    CHECK("files.rename", rename(second, renamed) == 0 && access(second, F_OK) == -1 && access(renamed, R_OK) == 0);
    CHECK("files.unlink", unlink(renamed) == 0 && stat(path, &status) == 0 && status.st_nlink == 1);
    CHECK("files.chmod", chmod(path, 0600) == 0 && stat(path, &status) == 0 && (status.st_mode & 0777) == 0600);
    CHECK("files.chown_self", chown(path, getuid(), getgid()) == 0);
    CHECK("files.access", access(path, R_OK | W_OK) == 0 && access(path, X_OK) == -1 && errno == EACCES);
    mode_t old = umask(077);
    CHECK("files.umask", umask(old) == 077);
    CHECK("files.truncate", truncate(path, 2) == 0 && stat(path, &status) == 0 && status.st_size == 2);
    CHECK("files.creat", (fd = creat(test_path("created"), 0600)) >= 0 && close(fd) == 0);

    /* The working directory. */
    char saved[PATH_MAX];
    CHECK("files.getcwd", getcwd(saved, sizeof saved) == saved && saved[0] == '/');
    char tiny[2];
    errno = 0;
    CHECK("files.getcwd_small", getcwd(tiny, sizeof tiny) == NULL && errno == ERANGE);
    CHECK("files.chdir", chdir(test_directory) == 0 && access("file", F_OK) == 0);
    char* allocated = getcwd(NULL, 0);
    char* resolved = realpath("./sub/../file", NULL);
    CHECK("files.getcwd_allocates", allocated != NULL && strstr(allocated, "banos-libc-") != NULL);
    CHECK("files.realpath", resolved == NULL && errno == ENOENT); /* sub does not exist: the path is checked */
    resolved = realpath(".//./file", NULL);
    CHECK("files.realpath_exists", resolved != NULL && allocated != NULL && strncmp(resolved, allocated, strlen(allocated)) == 0
            && strcmp(resolved + strlen(allocated), "/file") == 0);
    free(resolved);
    free(allocated);
    CHECK("files.chdir_back", chdir(saved) == 0);
    errno = 0;
    CHECK("files.chdir_missing", chdir(test_path("missing")) == -1 && errno == ENOENT);

    /* Descriptors. */
    fd = open(path, O_RDONLY);
    int copy = dup(fd);
    CHECK("files.dup", copy > fd && lseek(copy, 1, SEEK_SET) == 1 && lseek(fd, 0, SEEK_CUR) == 1);
    CHECK("files.dup2", dup2(fd, 100) == 100 && fcntl(100, F_GETFD) == 0 && close(100) == 0);
    CHECK("files.dup3", dup3(fd, 101, O_CLOEXEC) == 101 && fcntl(101, F_GETFD) == FD_CLOEXEC && close(101) == 0);
    errno = 0;
    CHECK("files.dup3_same", dup3(fd, fd, 0) == -1 && errno == EINVAL);
    CHECK("files.fcntl_cloexec", fcntl(copy, F_SETFD, FD_CLOEXEC) == 0 && fcntl(copy, F_GETFD) == FD_CLOEXEC);
    CHECK("files.fcntl_flags", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY);
    int duplicate = fcntl(fd, F_DUPFD, 50);
    CHECK("files.fcntl_dupfd", duplicate >= 50 && close(duplicate) == 0);
    close(copy);
    close(fd);
    int fds[2];
    CHECK("files.pipe2", pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0 && fcntl(fds[0], F_GETFD) == FD_CLOEXEC
            && (fcntl(fds[0], F_GETFL) & O_NONBLOCK) && read(fds[0], bytes, 1) == -1 && errno == EAGAIN);
    close(fds[0]);
    close(fds[1]);

    /* Directories. */
    const char* tree = test_path("tree");
    CHECK("files.mkdir", mkdir(tree, 0755) == 0 && stat(tree, &status) == 0 && S_ISDIR(status.st_mode));
    errno = 0;
    CHECK("files.mkdir_exists", mkdir(tree, 0755) == -1 && errno == EEXIST);
    const char* names[] = { "delta", "alpha", "charlie", "a-much-longer-name-than-the-others-to-cross-records", "bravo" };
    char child[600];
    for (size_t i = 0; i < sizeof names / sizeof *names; ++i) {
        snprintf(child, sizeof child, "%s/%s", tree, names[i]);
        close(open(child, O_WRONLY | O_CREAT, 0644));
    }
    snprintf(child, sizeof child, "%s/subdirectory", tree);
    mkdir(child, 0755);
    for (int i = 0; i < 300; ++i) { /* enough entries for several getdents calls */
        snprintf(child, sizeof child, "%s/subdirectory/entry-%03d", tree, i);
        close(open(child, O_WRONLY | O_CREAT, 0644));
    }

    DIR* listing = opendir(tree);
    CHECK("files.opendir", listing != NULL && dirfd(listing) >= 0);
    char* seen[16];
    int count = 0;
    bool dots = false, types = true;
    errno = 0;
    struct dirent* entry;
    while (listing != NULL && (entry = readdir(listing)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
            dots = true;
            continue;
        }
        if (count < 16)
            seen[count++] = strdup(entry->d_name);
        bool is_directory = strcmp(entry->d_name, "subdirectory") == 0;
        if (entry->d_type != DT_UNKNOWN && entry->d_type != (is_directory ? DT_DIR : DT_REG))
            types = false;
    }
    CHECK("files.readdir_end", errno == 0);
    qsort(seen, (size_t)count, sizeof *seen, compare_strings);
    bool names_ok = count == 6 && strcmp(seen[0], "a-much-longer-name-than-the-others-to-cross-records") == 0
        && strcmp(seen[1], "alpha") == 0 && strcmp(seen[5], "subdirectory") == 0;
    CHECK("files.readdir", dots && names_ok && types);
    for (int i = 0; i < count; ++i)
        free(seen[i]);
    rewinddir(listing);
    int again = 0;
    while (readdir(listing) != NULL)
        ++again;
    CHECK("files.rewinddir", again == 8);
    CHECK("files.closedir", closedir(listing) == 0);

    /* The slot itself: records of the ABI's layout, d_reclen apart. */
    fd = open(tree, O_RDONLY | O_DIRECTORY);
    union {
        char bytes[1024];
        unsigned long align;
    } records;
    ssize_t used = getdents(fd, records.bytes, sizeof records.bytes);
    int record_count = 0;
    bool records_ok = used > 0;
    for (ssize_t offset = 0; records_ok && offset < used;) {
        struct dirent* record = (struct dirent*)(records.bytes + offset);
        records_ok = record->d_reclen % 8 == 0 && record->d_reclen >= 20 && strlen(record->d_name) < record->d_reclen;
        offset += record->d_reclen;
        ++record_count;
    }
    CHECK("files.getdents", records_ok && record_count == 8 && getdents(fd, records.bytes, sizeof records.bytes) == 0);
    close(fd);

    snprintf(child, sizeof child, "%s/subdirectory", tree);
    struct dirent** entries = NULL;
    int listed = scandir(child, &entries, only_files, alphasort);
    bool sorted = listed == 300;
    for (int i = 0; i < listed; ++i) {
        char expected[32];
        snprintf(expected, sizeof expected, "entry-%03d", i);
        sorted = sorted && strcmp(entries[i]->d_name, expected) == 0;
        free(entries[i]);
    }
    free(entries);
    CHECK("files.scandir_many", sorted);
    errno = 0;
    CHECK("files.opendir_file", opendir(path) == NULL && errno == ENOTDIR);
    errno = 0;
    CHECK("files.rmdir_not_empty", rmdir(tree) == -1 && errno == ENOTEMPTY);
}
