/* Files by name: open and close, the *at calls, permissions and owners,
 * links, unlink and rename. */
#include "conformance.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int64_t size_of(const char* path)
{
    struct banos_v1_stat status;
    return __banos_slot_stat(path, &status) == 0 ? status.st_size : -1;
}

static uint32_t mode_of(const char* path)
{
    struct banos_v1_stat status;
    return __banos_slot_stat(path, &status) == 0 ? status.st_mode : 0;
}

TEST(files, open_flags, "open close")
{
    SCRATCH(path, "opened");
    int fd = __banos_slot_open(path, O_WRONLY | O_CREAT | O_EXCL, 0640);
    REQUIRE(fd >= 0, "create %s: %s", path, conformance_errno_name(errno));
    EXPECT(write(fd, "12345", 5) == 5, "write");
    EXPECT(__banos_slot_close(fd) == 0, "close: %s", conformance_errno_name(errno));
    EXPECT((mode_of(path) & 07777) == 0640 && S_ISREG(mode_of(path)), "mode %#o", mode_of(path));
    EXPECT_ERRNO(__banos_slot_open(path, O_WRONLY | O_CREAT | O_EXCL, 0640), EEXIST);
    /* O_APPEND writes at the end whatever the position. */
    fd = __banos_slot_open(path, O_WRONLY | O_APPEND, 0);
    EXPECT(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "6", 1) == 1, "append");
    close(fd);
    EXPECT(size_of(path) == 6, "size %lld after appending", (long long)size_of(path));
    /* O_TRUNC empties it. */
    fd = __banos_slot_open(path, O_RDWR | O_TRUNC, 0);
    EXPECT(fd >= 0, "open O_TRUNC: %s", conformance_errno_name(errno));
    close(fd);
    EXPECT(size_of(path) == 0, "size %lld after O_TRUNC", (long long)size_of(path));
    /* O_CREAT without O_EXCL opens what is there. */
    fd = __banos_slot_open(path, O_RDONLY | O_CREAT, 0600);
    EXPECT(fd >= 0 && (mode_of(path) & 0777) == 0640, "O_CREAT on an existing file changed it");
    close(fd);
    /* The lowest free descriptor is the one given. */
    int first = __banos_slot_open("/dev/null", O_RDONLY, 0);
    int second = __banos_slot_open("/dev/null", O_RDONLY, 0);
    __banos_slot_close(first);
    int again = __banos_slot_open("/dev/null", O_RDONLY, 0);
    EXPECT(second == first + 1 && again == first, "descriptors %d, %d, then %d after closing the first", first,
           second, again);
    __banos_slot_close(again);
    __banos_slot_close(second);
    unlink(path);
}

TEST(files, open_errors, "open close")
{
    SCRATCH(file, "plain");
    REQUIRE(conformance_write_file(file, "x") == 0, "cannot create %s", file);
    char below[160];
    snprintf(below, sizeof(below), "%s/below", file);
    EXPECT_ERRNO(__banos_slot_open("/no/such/file", O_RDONLY, 0), ENOENT);
    EXPECT_ERRNO(__banos_slot_open("", O_RDONLY, 0), ENOENT);
    EXPECT_ERRNO(__banos_slot_open(below, O_RDONLY, 0), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_open(below, O_WRONLY | O_CREAT, 0600), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_open(file, O_RDONLY | O_DIRECTORY, 0), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_open("/tmp", O_WRONLY, 0), EISDIR);
    EXPECT_ERRNO(__banos_slot_open(file, O_ACCMODE, 0), EINVAL);
    EXPECT_ERRNO(__banos_slot_open((const char*)16, O_RDONLY, 0), EFAULT);
    char long_name[300];
    memset(long_name, 'n', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = 0;
    EXPECT_ERRNO(__banos_slot_open(long_name, O_RDONLY, 0), ENAMETOOLONG);
    EXPECT_ERRNO(__banos_slot_close(-1), EBADF);
    EXPECT_ERRNO(__banos_slot_close(4000), EBADF);
    int fd = open(file, O_RDONLY);
    EXPECT(__banos_slot_close(fd) == 0, "close");
    EXPECT_ERRNO(__banos_slot_close(fd), EBADF);
    unlink(file);
}

static int child_opens_without_permission(void* path)
{
    if (setgid(1000) != 0 || setuid(1000) != 0)
        return 10;
    errno = 0;
    if (__banos_slot_open(path, O_RDONLY, 0) != -1 || errno != EACCES)
        return 11;
    errno = 0;
    if (__banos_slot_access(path, R_OK) != -1 || errno != EACCES)
        return 12;
    errno = 0;
    if (__banos_slot_chmod(path, 0777) != -1 || errno != EPERM)
        return 13;
    errno = 0;
    if (__banos_slot_chown(path, 1000, 1000) != -1 || errno != EPERM)
        return 14;
    if (__banos_slot_access("/tmp", W_OK) != 0)
        return 15;
    return 0;
}

TEST(files, permissions_enforced, "open access chmod chown setuid setgid")
{
    SCRATCH(path, "secret");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    REQUIRE(chmod(path, 0600) == 0, "chmod");
    int status = conformance_in_child(child_opens_without_permission, path);
    EXPECT(status == 0, "child exit %d (10 setuid, 11 open not EACCES, 12 access not EACCES, 13 chmod not EPERM, "
           "14 chown not EPERM, 15 /tmp not writable)", WEXITSTATUS(status));
    unlink(path);
}

TEST(files, access, "access")
{
    SCRATCH(path, "accessed");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    EXPECT(__banos_slot_access(path, F_OK) == 0, "F_OK");
    EXPECT(__banos_slot_access(path, R_OK | W_OK) == 0, "R_OK|W_OK for root");
    /* Root may execute only what has an execute bit. */
    REQUIRE(chmod(path, 0644) == 0, "chmod");
    EXPECT_ERRNO(__banos_slot_access(path, X_OK), EACCES);
    REQUIRE(chmod(path, 0744) == 0, "chmod");
    EXPECT(__banos_slot_access(path, X_OK) == 0, "X_OK on 0744: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_access("/bin/conformance", X_OK) == 0 || __banos_slot_access(conformance_program, X_OK) == 0,
           "this program is not executable");
    EXPECT_ERRNO(__banos_slot_access("/no/such/file", F_OK), ENOENT);
    EXPECT_ERRNO(__banos_slot_access(path, 8), EINVAL);
    EXPECT_ERRNO(__banos_slot_access((const char*)16, F_OK), EFAULT);
    unlink(path);
}

TEST(files, chmod, "chmod")
{
    SCRATCH(path, "moded");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    EXPECT(__banos_slot_chmod(path, 0604) == 0, "chmod: %s", conformance_errno_name(errno));
    EXPECT((mode_of(path) & 07777) == 0604 && S_ISREG(mode_of(path)), "mode %#o after chmod 0604", mode_of(path));
    /* The type bits are not the caller's to change. */
    EXPECT(__banos_slot_chmod(path, S_IFDIR | 0600) == 0 && S_ISREG(mode_of(path)), "chmod changed the file type");
    EXPECT(__banos_slot_chmod(path, 04755) == 0 && (mode_of(path) & 07777) == 04755, "set-user-id bit: mode %#o",
           mode_of(path));
    EXPECT_ERRNO(__banos_slot_chmod("/no/such/file", 0600), ENOENT);
    unlink(path);
}

TEST(files, chown, "chown")
{
    SCRATCH(path, "owned");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    struct banos_v1_stat status;
    EXPECT(__banos_slot_chown(path, 1000, 100) == 0, "chown: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_stat(path, &status) == 0 && status.st_uid == 1000 && status.st_gid == 100,
           "owner %u:%u after chown 1000:100", status.st_uid, status.st_gid);
    /* -1 leaves that id as it is. */
    EXPECT(__banos_slot_chown(path, (uint32_t)-1, 200) == 0, "chown -1:200");
    EXPECT(__banos_slot_stat(path, &status) == 0 && status.st_uid == 1000 && status.st_gid == 200,
           "owner %u:%u after chown -1:200", status.st_uid, status.st_gid);
    /* A change of owner clears set-user-id. */
    EXPECT(chmod(path, 04755) == 0 && __banos_slot_chown(path, 0, 0) == 0 && (mode_of(path) & 04000) == 0,
           "set-user-id survived chown: mode %#o", mode_of(path));
    EXPECT_ERRNO(__banos_slot_chown("/no/such/file", 0, 0), ENOENT);
    unlink(path);
}

TEST(files, umask, "umask open mkdir")
{
    uint32_t old = __banos_slot_umask(077);
    EXPECT(old == 022, "umask was %#o, the suite sets 022", old);
    EXPECT(__banos_slot_umask(027) == 077, "umask did not return the mask it replaced");
    SCRATCH(path, "masked");
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    close(fd);
    EXPECT((mode_of(path) & 0777) == 0640, "0666 under umask 027 gave %#o", mode_of(path) & 0777);
    unlink(path);
    SCRATCH(directory, "masked-dir");
    EXPECT(mkdir(directory, 0777) == 0 && (mode_of(directory) & 0777) == 0750, "0777 directory under 027 gave %#o",
           mode_of(directory) & 0777);
    rmdir(directory);
    /* Only permission bits are kept. */
    __banos_slot_umask(0177777);
    EXPECT(__banos_slot_umask(022) == 0777, "umask kept bits beyond 0777");
}

TEST(files, link, "link unlink")
{
    SCRATCH(original, "original");
    SCRATCH(second, "second-name");
    REQUIRE(conformance_write_file(original, "shared") == 0, "cannot create %s", original);
    EXPECT(__banos_slot_link(original, second) == 0, "link: %s", conformance_errno_name(errno));
    struct banos_v1_stat a, b;
    EXPECT(__banos_slot_stat(original, &a) == 0 && __banos_slot_stat(second, &b) == 0 && a.st_ino == b.st_ino
               && a.st_nlink == 2,
           "inodes %llu and %llu, %u links", (unsigned long long)a.st_ino, (unsigned long long)b.st_ino, a.st_nlink);
    EXPECT_ERRNO(__banos_slot_link(original, second), EEXIST);
    EXPECT_ERRNO(__banos_slot_link("/no/such/file", second), ENOENT);
    EXPECT_ERRNO(__banos_slot_link("/tmp", second), EPERM);
    EXPECT(__banos_slot_unlink(original) == 0, "unlink: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_stat(second, &b) == 0 && b.st_nlink == 1 && b.st_size == 6,
           "the other name lost the data or the count: %u links, size %lld", b.st_nlink, (long long)b.st_size);
    unlink(second);
}

TEST(files, unlink, "unlink")
{
    SCRATCH(path, "doomed");
    SCRATCH(directory, "a-directory");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    /* An open file outlives its name. */
    int fd = open(path, O_RDONLY);
    EXPECT(__banos_slot_unlink(path) == 0, "unlink: %s", conformance_errno_name(errno));
    EXPECT(access(path, F_OK) == -1 && errno == ENOENT, "the name is still there");
    char c = 0;
    EXPECT(read(fd, &c, 1) == 1 && c == 'x', "the open file lost its data");
    close(fd);
    EXPECT_ERRNO(__banos_slot_unlink(path), ENOENT);
    REQUIRE(mkdir(directory, 0755) == 0, "mkdir");
    EXPECT_ERRNO(__banos_slot_unlink(directory), EISDIR);
    rmdir(directory);
    EXPECT_ERRNO(__banos_slot_unlink((const char*)16), EFAULT);
}

TEST(files, rename, "rename")
{
    SCRATCH(from, "from");
    SCRATCH(to, "to");
    SCRATCH(directory, "dir");
    REQUIRE(conformance_write_file(from, "moved") == 0 && conformance_write_file(to, "replaced") == 0,
            "cannot create the files");
    EXPECT(__banos_slot_rename(from, to) == 0, "rename: %s", conformance_errno_name(errno));
    EXPECT(access(from, F_OK) == -1 && size_of(to) == 5, "the old name is there or the target was not replaced");
    EXPECT_ERRNO(__banos_slot_rename(from, to), ENOENT);
    REQUIRE(mkdir(directory, 0755) == 0, "mkdir");
    EXPECT_ERRNO(__banos_slot_rename(directory, to), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_rename(to, directory), EISDIR);
    /* Into a directory, under a new name. */
    char inside[160];
    snprintf(inside, sizeof(inside), "%s/inside", directory);
    EXPECT(__banos_slot_rename(to, inside) == 0 && size_of(inside) == 5, "rename into a directory");
    unlink(inside);
    rmdir(directory);
}

#ifdef BANOS_HAS_SLOT_openat
TEST(files, openat, "openat")
{
    SCRATCH(directory, "at-dir");
    REQUIRE(mkdir(directory, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    int dirfd = open(directory, O_RDONLY | O_DIRECTORY);
    REQUIRE(dirfd >= 0, "open the directory: %s", conformance_errno_name(errno));
    int fd = __banos_slot_openat(dirfd, "relative", O_WRONLY | O_CREAT | O_EXCL, 0600);
    EXPECT(fd >= 0, "openat relative: %s", conformance_errno_name(errno));
    close(fd);
    char full[160];
    snprintf(full, sizeof(full), "%s/relative", directory);
    EXPECT(access(full, F_OK) == 0, "the file is not in the directory");
    /* AT_FDCWD is the working directory (the scratch directory). */
    fd = __banos_slot_openat(AT_FDCWD, "at-dir/relative", O_RDONLY, 0);
    EXPECT(fd >= 0, "openat AT_FDCWD: %s", conformance_errno_name(errno));
    close(fd);
    /* An absolute path ignores the directory descriptor. */
    int other = open("/dev", O_RDONLY | O_DIRECTORY);
    fd = __banos_slot_openat(other, full, O_RDONLY, 0);
    EXPECT(fd >= 0, "openat with an absolute path and another directory: %s", conformance_errno_name(errno));
    close(other);
    int file_fd = fd;
    EXPECT_ERRNO(__banos_slot_openat(-1, "relative", O_RDONLY, 0), EBADF);
    EXPECT_ERRNO(__banos_slot_openat(file_fd, "relative", O_RDONLY, 0), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_openat(dirfd, "missing", O_RDONLY, 0), ENOENT);
    EXPECT_ERRNO(__banos_slot_openat(dirfd, "relative", O_WRONLY | O_CREAT | O_EXCL, 0600), EEXIST);
    close(file_fd);
    unlink(full);
    close(dirfd);
    rmdir(directory);
}

TEST(files, unlinkat, "unlinkat")
{
    SCRATCH(directory, "unlinkat-dir");
    REQUIRE(mkdir(directory, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    int dirfd = open(directory, O_RDONLY | O_DIRECTORY);
    REQUIRE(dirfd >= 0, "open the directory: %s", conformance_errno_name(errno));
    int fd = openat(dirfd, "file", O_WRONLY | O_CREAT, 0600);
    close(fd);
    EXPECT(mkdirat(dirfd, "sub", 0755) == 0, "mkdirat");
    EXPECT_ERRNO(__banos_slot_unlinkat(dirfd, "sub", 0), EISDIR);
    EXPECT_ERRNO(__banos_slot_unlinkat(dirfd, "file", AT_REMOVEDIR), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_unlinkat(dirfd, "file", 0x4), EINVAL);
    EXPECT(__banos_slot_unlinkat(dirfd, "file", 0) == 0, "unlinkat file: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_unlinkat(dirfd, "sub", AT_REMOVEDIR) == 0, "unlinkat AT_REMOVEDIR: %s",
           conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_unlinkat(dirfd, "file", 0), ENOENT);
    close(dirfd);
    EXPECT(__banos_slot_unlinkat(AT_FDCWD, "unlinkat-dir", AT_REMOVEDIR) == 0, "unlinkat AT_FDCWD: %s",
           conformance_errno_name(errno));
}

TEST(files, renameat, "renameat")
{
    SCRATCH(first, "renameat-a");
    SCRATCH(second, "renameat-b");
    REQUIRE(mkdir(first, 0755) == 0 && mkdir(second, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    int a = open(first, O_RDONLY | O_DIRECTORY), b = open(second, O_RDONLY | O_DIRECTORY);
    int fd = openat(a, "name", O_WRONLY | O_CREAT, 0600);
    close(fd);
    EXPECT(__banos_slot_renameat(a, "name", b, "moved") == 0, "renameat: %s", conformance_errno_name(errno));
    EXPECT(faccessat(b, "moved", F_OK, 0) == 0 && faccessat(a, "name", F_OK, 0) == -1, "not moved");
    EXPECT(__banos_slot_renameat(b, "moved", AT_FDCWD, "renameat-a/back") == 0, "renameat to AT_FDCWD: %s",
           conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_renameat(b, "moved", a, "again"), ENOENT);
    EXPECT_ERRNO(__banos_slot_renameat(-1, "back", a, "again"), EBADF);
    unlinkat(a, "back", 0);
    close(a);
    close(b);
    rmdir(first);
    rmdir(second);
}

TEST(files, faccessat, "faccessat")
{
    SCRATCH(path, "faccessat");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    int dirfd = open(".", O_RDONLY | O_DIRECTORY);
    EXPECT(__banos_slot_faccessat(dirfd, "faccessat", R_OK | W_OK, 0) == 0, "faccessat: %s",
           conformance_errno_name(errno));
    EXPECT(__banos_slot_faccessat(AT_FDCWD, "faccessat", F_OK, 0) == 0, "faccessat AT_FDCWD");
    EXPECT_ERRNO(__banos_slot_faccessat(dirfd, "faccessat", X_OK, 0), EACCES);
    EXPECT_ERRNO(__banos_slot_faccessat(dirfd, "missing", F_OK, 0), ENOENT);
    /* No flags are supported (no effective-id variant). */
    EXPECT_ERRNO(__banos_slot_faccessat(dirfd, "faccessat", F_OK, 0x200), EINVAL);
    EXPECT_ERRNO(__banos_slot_faccessat(-1, "faccessat", F_OK, 0), EBADF);
    close(dirfd);
    unlink(path);
}
#endif
