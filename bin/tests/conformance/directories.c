/* Directories: making and removing them, reading them (banos_v1_dirent
 * records in every ABI), the working directory. */
#include "conformance.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

TEST(directories, mkdir_rmdir, "mkdir rmdir")
{
    SCRATCH(path, "made");
    EXPECT(__banos_slot_mkdir(path, 0750) == 0, "mkdir: %s", conformance_errno_name(errno));
    struct banos_v1_stat status;
    EXPECT(__banos_slot_stat(path, &status) == 0 && S_ISDIR(status.st_mode) && (status.st_mode & 0777) == 0750
               && status.st_nlink == 2,
           "mode %#o, %u links", status.st_mode, status.st_nlink);
    EXPECT_ERRNO(__banos_slot_mkdir(path, 0755), EEXIST);
    EXPECT_ERRNO(__banos_slot_mkdir("/tmp", 0755), EEXIST);
    EXPECT_ERRNO(__banos_slot_mkdir("/no/such/parent/child", 0755), ENOENT);
    EXPECT_ERRNO(__banos_slot_mkdir((const char*)16, 0755), EFAULT);
    char inner[160], file[160];
    snprintf(inner, sizeof(inner), "%s/inner", path);
    snprintf(file, sizeof(file), "%s/file", path);
    EXPECT(__banos_slot_mkdir(inner, 0755) == 0, "mkdir inside: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_stat(path, &status) == 0 && status.st_nlink == 3, "%u links with one subdirectory",
           status.st_nlink);
    EXPECT_ERRNO(__banos_slot_rmdir(path), ENOTEMPTY);
    EXPECT(__banos_slot_rmdir(inner) == 0, "rmdir: %s", conformance_errno_name(errno));
    EXPECT(conformance_write_file(file, "x") == 0, "create a file");
    EXPECT_ERRNO(__banos_slot_rmdir(file), ENOTDIR);
    char below_file[200];
    snprintf(below_file, sizeof(below_file), "%s/x", file);
    EXPECT_ERRNO(__banos_slot_mkdir(below_file, 0755), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_rmdir(path), ENOTEMPTY);
    unlink(file);
    EXPECT(__banos_slot_rmdir(path) == 0, "rmdir: %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_rmdir(path), ENOENT);
    EXPECT_ERRNO(__banos_slot_rmdir("."), EINVAL);
}

/* Reads the whole directory `path` with a buffer of `size` bytes; checks
 * each record and counts the names. */
static int read_names(const char* path, size_t size, int* found_a, int* found_b, int* found_sub, int* others)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    char buffer[512] __attribute__((aligned(8)));
    int64_t n;
    int ok = 1;
    while ((n = __banos_slot_getdents(fd, buffer, size)) > 0) {
        for (int64_t offset = 0; offset < n;) {
            const struct banos_v1_dirent* entry = (const struct banos_v1_dirent*)(buffer + offset);
            if (entry->d_reclen < offsetof(struct banos_v1_dirent, d_name) + 2 || entry->d_reclen % 8 != 0
                || offset + entry->d_reclen > n || entry->d_ino == 0)
                ok = 0;
            else if (strcmp(entry->d_name, "a-file") == 0)
                *found_a += entry->d_type == BANOS_DT_REG;
            else if (strcmp(entry->d_name, "b-file") == 0)
                *found_b += entry->d_type == BANOS_DT_REG;
            else if (strcmp(entry->d_name, "sub") == 0)
                *found_sub += entry->d_type == BANOS_DT_DIR;
            else if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, ".."))
                ++*others;
            if (entry->d_reclen == 0)
                break;
            offset += entry->d_reclen;
        }
    }
    close(fd);
    return ok && n == 0 ? 0 : -1;
}

TEST(directories, getdents, "getdents")
{
    _Static_assert(sizeof(struct banos_v1_dirent) == 24 && offsetof(struct banos_v1_dirent, d_reclen) == 16
                       && offsetof(struct banos_v1_dirent, d_type) == 18 && offsetof(struct banos_v1_dirent, d_name) == 19,
                   "banos_v1_dirent's layout");
    SCRATCH(path, "listed");
    REQUIRE(mkdir(path, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    char a[160], b[160], sub[160];
    snprintf(a, sizeof(a), "%s/a-file", path);
    snprintf(b, sizeof(b), "%s/b-file", path);
    snprintf(sub, sizeof(sub), "%s/sub", path);
    EXPECT(conformance_write_file(a, "a") == 0 && conformance_write_file(b, "b") == 0 && mkdir(sub, 0755) == 0,
           "cannot fill the directory");
    /* A large buffer, then one that holds a single record per call. */
    static const size_t sizes[] = { 512, 40 };
    for (int i = 0; i < 2; ++i) {
        int found_a = 0, found_b = 0, found_sub = 0, others = 0;
        EXPECT(read_names(path, sizes[i], &found_a, &found_b, &found_sub, &others) == 0,
               "bad records with a %zu-byte buffer", sizes[i]);
        EXPECT(found_a == 1 && found_b == 1 && found_sub == 1 && others == 0,
               "with %zu bytes: a-file %d, b-file %d, sub %d, others %d", sizes[i], found_a, found_b, found_sub,
               others);
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    char tiny[8];
    EXPECT_ERRNO(__banos_slot_getdents(fd, tiny, sizeof(tiny)), EINVAL);
    EXPECT_ERRNO(__banos_slot_getdents(fd, (void*)16, 512), EFAULT);
    close(fd);
    fd = open(a, O_RDONLY);
    char buffer[256];
    EXPECT_ERRNO(__banos_slot_getdents(fd, buffer, sizeof(buffer)), ENOTDIR);
    close(fd);
    EXPECT_ERRNO(__banos_slot_getdents(-1, buffer, sizeof(buffer)), EBADF);
    unlink(a);
    unlink(b);
    rmdir(sub);
    rmdir(path);
}

TEST(directories, chdir_getcwd, "chdir getcwd")
{
    char start[256];
    int64_t length = __banos_slot_getcwd(start, sizeof(start));
    /* The runner starts every test in the scratch directory. */
    EXPECT(length == (int64_t)strlen(start) + 1 && strncmp(start, "/tmp/conformance.", 17) == 0,
           "getcwd = %lld, '%s'", (long long)length, start);
    SCRATCH(path, "cwd");
    REQUIRE(mkdir(path, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_chdir("cwd") == 0, "chdir relative: %s", conformance_errno_name(errno));
    char here[256];
    EXPECT(__banos_slot_getcwd(here, sizeof(here)) > 0 && strcmp(here, path) == 0, "getcwd '%s', expected '%s'", here,
           path);
    /* Relative paths now start here. */
    EXPECT(conformance_write_file("inside", "x") == 0, "create relative");
    char full[200];
    snprintf(full, sizeof(full), "%s/inside", path);
    EXPECT(access(full, F_OK) == 0, "the relative file is not in the new working directory");
    unlink(full);
    EXPECT(__banos_slot_chdir("..") == 0 && __banos_slot_getcwd(here, sizeof(here)) > 0 && strcmp(here, start) == 0,
           "chdir .. gave '%s'", here);
    EXPECT(__banos_slot_chdir("/") == 0 && __banos_slot_getcwd(here, sizeof(here)) == 2 && strcmp(here, "/") == 0,
           "chdir / gave '%s'", here);
    /* Too small a buffer: ERANGE, and the length needed is not written. */
    EXPECT(__banos_slot_chdir(path) == 0, "chdir absolute: %s", conformance_errno_name(errno));
    char small[4];
    EXPECT_ERRNO(__banos_slot_getcwd(small, sizeof(small)), ERANGE);
    EXPECT_ERRNO(__banos_slot_getcwd((char*)16, 256), EFAULT);
    EXPECT_ERRNO(__banos_slot_chdir("/no/such/directory"), ENOENT);
    EXPECT_ERRNO(__banos_slot_chdir("/dev/null"), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_chdir((const char*)16), EFAULT);
    /* Failures leave the working directory alone. */
    EXPECT(__banos_slot_getcwd(here, sizeof(here)) > 0 && strcmp(here, path) == 0, "failed chdir moved to '%s'", here);
    chdir(start);
    rmdir(path);
}

#ifdef BANOS_HAS_SLOT_mkdirat
TEST(directories, mkdirat, "mkdirat")
{
    SCRATCH(path, "mkdirat");
    REQUIRE(mkdir(path, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    int dirfd = open(path, O_RDONLY | O_DIRECTORY);
    EXPECT(__banos_slot_mkdirat(dirfd, "child", 0700) == 0, "mkdirat: %s", conformance_errno_name(errno));
    char child[200];
    snprintf(child, sizeof(child), "%s/child", path);
    struct banos_v1_stat status;
    EXPECT(__banos_slot_stat(child, &status) == 0 && S_ISDIR(status.st_mode) && (status.st_mode & 0777) == 0700,
           "mode %#o", status.st_mode);
    EXPECT(__banos_slot_mkdirat(AT_FDCWD, "mkdirat/second", 0755) == 0, "mkdirat AT_FDCWD: %s",
           conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_mkdirat(dirfd, "child", 0755), EEXIST);
    EXPECT_ERRNO(__banos_slot_mkdirat(-1, "child", 0755), EBADF);
    int filefd = open("/dev/null", O_RDONLY);
    EXPECT_ERRNO(__banos_slot_mkdirat(filefd, "child", 0755), ENOTDIR);
    close(filefd);
    unlinkat(dirfd, "child", AT_REMOVEDIR);
    unlinkat(dirfd, "second", AT_REMOVEDIR);
    close(dirfd);
    rmdir(path);
}
#endif

#ifdef BANOS_HAS_SLOT_fchdir
TEST(directories, fchdir, "fchdir")
{
    SCRATCH(path, "fchdir");
    REQUIRE(mkdir(path, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    char start[256];
    getcwd(start, sizeof(start));
    int dirfd = open(path, O_RDONLY | O_DIRECTORY);
    EXPECT(__banos_slot_fchdir(dirfd) == 0, "fchdir: %s", conformance_errno_name(errno));
    char here[256];
    EXPECT(getcwd(here, sizeof(here)) && strcmp(here, path) == 0, "getcwd after fchdir: '%s'", here);
    int filefd = open("/dev/null", O_RDONLY);
    EXPECT_ERRNO(__banos_slot_fchdir(filefd), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_fchdir(-1), EBADF);
    EXPECT(getcwd(here, sizeof(here)) && strcmp(here, path) == 0, "a failed fchdir moved to '%s'", here);
    close(filefd);
    close(dirfd);
    chdir(start);
    rmdir(path);
}
#endif
