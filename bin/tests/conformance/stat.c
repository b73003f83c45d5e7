/* File status in each ABI's layout: banos_v1_stat (32-bit seconds) through
 * stat/fstat/lstat in every ABI, banos_v2_stat (timespecs) through the
 * stat64 slots from ABI 2, banos_v3_stat (birth time) from ABI 3. The
 * layer must fill exactly the structure the slot names: nothing past its
 * end, reserved fields zero. */
#include "conformance.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* From ABI 2, libc names the seconds of its stat's timespecs st_atime and
 * friends with macros; banos_v1_stat has fields of those names. */
#undef st_atime
#undef st_mtime
#undef st_ctime

/* A structure followed by guard bytes the layer must not touch. */
#define GUARDED(type) \
    struct {          \
        type value;   \
        unsigned char guard[64]; \
    }

static int guard_intact(const unsigned char* guard, size_t size)
{
    for (size_t i = 0; i < size; ++i)
        if (guard[i] != 0xa5)
            return 0;
    return 1;
}

/* A file of 10 bytes with mode 0640, made between two readings of time. */
static int make_file(const char* path, int32_t* before, int32_t* after)
{
    *before = __banos_slot_time(NULL);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0640);
    if (fd < 0 || write(fd, "0123456789", 10) != 10)
        return -1;
    close(fd);
    *after = __banos_slot_time(NULL);
    return 0;
}

TEST(stat, layout_v1, "stat fstat lstat")
{
    _Static_assert(sizeof(struct banos_v1_stat) == 80, "program ABI 1 stat");
    EXPECT(offsetof(struct banos_v1_stat, st_mode) == 16 && offsetof(struct banos_v1_stat, st_nlink) == 20
               && offsetof(struct banos_v1_stat, st_uid) == 24 && offsetof(struct banos_v1_stat, st_size) == 40
               && offsetof(struct banos_v1_stat, st_blksize) == 48 && offsetof(struct banos_v1_stat, st_blocks) == 56
               && offsetof(struct banos_v1_stat, st_atime) == 64 && offsetof(struct banos_v1_stat, st_mtime) == 68
               && offsetof(struct banos_v1_stat, st_ctime) == 72,
           "banos_v1_stat's fields moved");
    EXPECT(sizeof(((struct banos_v1_stat*)0)->st_mtime) == 4, "ABI 1 seconds are not 32 bits");
#if BANOS_PROGRAM_ABI == 1
    EXPECT(sizeof(struct stat) == sizeof(struct banos_v1_stat) && sizeof(time_t) == 4,
           "libc's struct stat (%zu bytes) is not ABI 1's", sizeof(struct stat));
#endif
    GUARDED(struct banos_v1_stat) out;
    int (*const calls[3])(const char*, struct banos_v1_stat*) = { __banos_slot_stat, __banos_slot_lstat, NULL };
    for (int i = 0; i < 3; ++i) {
        memset(&out, 0xa5, sizeof(out));
        int result;
        if (calls[i]) {
            result = calls[i]("/tmp", &out.value);
        } else {
            int fd = open("/tmp", O_RDONLY | O_DIRECTORY);
            result = __banos_slot_fstat(fd, &out.value);
            close(fd);
        }
        EXPECT(result == 0, "call %d failed: %s", i, conformance_errno_name(errno));
        EXPECT(guard_intact(out.guard, sizeof(out.guard)), "call %d wrote past the structure", i);
        EXPECT(out.value.reserved0 == 0 && out.value.reserved1 == 0, "call %d left reserved fields set", i);
        EXPECT(S_ISDIR(out.value.st_mode), "call %d: /tmp has mode %#o", i, out.value.st_mode);
    }
}

/* (No bad result pointers: the layer converts the kernel's structure into
 * the program's in user space, where a bad pointer is a SIGSEGV, not an
 * EFAULT. Bad path pointers reach the kernel and give EFAULT.) */
TEST(stat, stat_v1, "stat fstat")
{
    SCRATCH(path, "stat-v1");
    int32_t before, after;
    REQUIRE(make_file(path, &before, &after) == 0, "cannot create %s", path);
    struct banos_v1_stat status, by_fd;
    EXPECT(__banos_slot_stat(path, &status) == 0, "stat: %s", conformance_errno_name(errno));
    EXPECT(S_ISREG(status.st_mode) && (status.st_mode & 07777) == 0640, "mode %#o", status.st_mode);
    EXPECT(status.st_size == 10 && status.st_nlink == 1 && status.st_uid == 0 && status.st_gid == 0,
           "size %lld, links %u, owner %u:%u", (long long)status.st_size, status.st_nlink, status.st_uid,
           status.st_gid);
    EXPECT(status.st_ino != 0 && status.st_blksize > 0, "inode %llu, block size %d",
           (unsigned long long)status.st_ino, status.st_blksize);
    EXPECT(status.st_mtime >= before - 1 && status.st_mtime <= after + 1 && status.st_ctime >= before - 1
               && status.st_atime >= before - 1,
           "times %d/%d/%d, file made between %d and %d", status.st_atime, status.st_mtime, status.st_ctime, before,
           after);
    int fd = open(path, O_RDONLY);
    EXPECT(__banos_slot_fstat(fd, &by_fd) == 0 && by_fd.st_ino == status.st_ino && by_fd.st_dev == status.st_dev
               && by_fd.st_size == 10 && by_fd.st_mtime == status.st_mtime,
           "fstat disagrees with stat");
    close(fd);
    /* Devices: /dev/null is a character device. */
    EXPECT(__banos_slot_stat("/dev/null", &status) == 0 && S_ISCHR(status.st_mode), "/dev/null mode %#o",
           status.st_mode);
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe");
    EXPECT(__banos_slot_fstat(fds[0], &status) == 0 && S_ISFIFO(status.st_mode), "a pipe has mode %#o",
           status.st_mode);
    close(fds[0]);
    close(fds[1]);
    unlink(path);
}

TEST(stat, errors_v1, "stat fstat lstat")
{
    SCRATCH(path, "stat-errors");
    REQUIRE(conformance_write_file(path, "x") == 0, "cannot create %s", path);
    char below[160];
    snprintf(below, sizeof(below), "%s/below", path);
    struct banos_v1_stat status;
    EXPECT_ERRNO(__banos_slot_stat("/no/such/file", &status), ENOENT);
    EXPECT_ERRNO(__banos_slot_lstat("/no/such/file", &status), ENOENT);
    EXPECT_ERRNO(__banos_slot_stat(below, &status), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_stat("", &status), ENOENT);
    EXPECT_ERRNO(__banos_slot_stat((const char*)16, &status), EFAULT);
    EXPECT_ERRNO(__banos_slot_fstat(-1, &status), EBADF);
    EXPECT_ERRNO(__banos_slot_fstat(3999, &status), EBADF);
    unlink(path);
}

TEST(stat, lstat_v1, "lstat stat")
{
    /* /proc/self is a symbolic link to this process's directory. */
    struct banos_v1_stat link, target;
    EXPECT(__banos_slot_lstat("/proc/self", &link) == 0 && S_ISLNK(link.st_mode), "lstat /proc/self: mode %#o, %s",
           link.st_mode, conformance_errno_name(errno));
    EXPECT(__banos_slot_stat("/proc/self", &target) == 0 && S_ISDIR(target.st_mode), "stat /proc/self: mode %#o",
           target.st_mode);
    EXPECT(link.st_ino != target.st_ino, "the link and its target are one inode");
    /* On anything else lstat is stat. */
    SCRATCH(path, "lstat");
    REQUIRE(conformance_write_file(path, "abc") == 0, "cannot create %s", path);
    EXPECT(__banos_slot_lstat(path, &link) == 0 && __banos_slot_stat(path, &target) == 0
               && link.st_ino == target.st_ino && S_ISREG(link.st_mode) && link.st_size == 3,
           "lstat of a regular file");
    unlink(path);
}

#ifdef BANOS_HAS_SLOT_stat64
TEST(stat, layout_v2, "stat64 fstat64 lstat64 fstatat64")
{
    _Static_assert(sizeof(struct banos_v2_stat) == 144, "program ABI 2 stat");
    EXPECT(offsetof(struct banos_v2_stat, st_nlink) == 16 && offsetof(struct banos_v2_stat, st_mode) == 24
               && offsetof(struct banos_v2_stat, st_size) == 48 && offsetof(struct banos_v2_stat, st_atim) == 72
               && offsetof(struct banos_v2_stat, st_mtim) == 88 && offsetof(struct banos_v2_stat, st_ctim) == 104,
           "banos_v2_stat's fields moved");
    EXPECT(sizeof(struct banos_v2_timespec) == 16 && offsetof(struct banos_v2_timespec, tv_nsec) == 8,
           "banos_v2_timespec's layout");
#if BANOS_PROGRAM_ABI == 2
    EXPECT(sizeof(struct stat) == sizeof(struct banos_v2_stat), "libc's struct stat (%zu bytes) is not ABI 2's",
           sizeof(struct stat));
#endif
    GUARDED(struct banos_v2_stat) out;
    for (int i = 0; i < 4; ++i) {
        memset(&out, 0xa5, sizeof(out));
        int result, fd;
        switch (i) {
        case 0:
            result = __banos_slot_stat64("/tmp", &out.value);
            break;
        case 1:
            result = __banos_slot_lstat64("/tmp", &out.value);
            break;
        case 2:
            fd = open("/tmp", O_RDONLY | O_DIRECTORY);
            result = __banos_slot_fstat64(fd, &out.value);
            close(fd);
            break;
        default:
            result = __banos_slot_fstatat64(AT_FDCWD, "/tmp", &out.value, 0);
            break;
        }
        EXPECT(result == 0, "call %d failed: %s", i, conformance_errno_name(errno));
        EXPECT(guard_intact(out.guard, sizeof(out.guard)), "call %d wrote past the structure", i);
        EXPECT(out.value.reserved0 == 0 && out.value.reserved1[0] == 0 && out.value.reserved1[1] == 0
                   && out.value.reserved1[2] == 0,
               "call %d left reserved fields set", i);
        EXPECT(S_ISDIR(out.value.st_mode), "call %d: /tmp has mode %#o", i, out.value.st_mode);
    }
}

static int ns_in_range(const struct banos_v2_timespec* t) { return t->tv_nsec >= 0 && t->tv_nsec < 1000000000; }

TEST(stat, stat64_matches_stat, "stat64 fstat64 stat")
{
    /* The two layouts describe the same file the same way; kernel ABI 1
     * keeps whole seconds only. */
    SCRATCH(path, "stat-v2");
    int32_t before, after;
    int any_nanoseconds = 0;
    for (int round = 0; round < 3; ++round) {
        REQUIRE(make_file(path, &before, &after) == 0, "cannot create %s", path);
        struct banos_v1_stat old;
        struct banos_v2_stat status, by_fd;
        EXPECT(__banos_slot_stat(path, &old) == 0 && __banos_slot_stat64(path, &status) == 0, "stat: %s",
               conformance_errno_name(errno));
        EXPECT(status.st_ino == old.st_ino && status.st_dev == old.st_dev && status.st_mode == old.st_mode
                   && status.st_nlink == old.st_nlink && status.st_size == 10 && status.st_blocks == old.st_blocks
                   && status.st_blksize == old.st_blksize,
               "stat64 and stat disagree");
        EXPECT(status.st_mtim.tv_sec == old.st_mtime && status.st_atim.tv_sec == old.st_atime
                   && status.st_ctim.tv_sec == old.st_ctime,
               "seconds differ: %lld against %d", (long long)status.st_mtim.tv_sec, old.st_mtime);
        EXPECT(ns_in_range(&status.st_atim) && ns_in_range(&status.st_mtim) && ns_in_range(&status.st_ctim),
               "nanoseconds out of range");
        if (status.st_mtim.tv_nsec || status.st_ctim.tv_nsec || status.st_atim.tv_nsec)
            any_nanoseconds = 1;
        int fd = open(path, O_RDONLY);
        EXPECT(__banos_slot_fstat64(fd, &by_fd) == 0 && by_fd.st_ino == status.st_ino
                   && by_fd.st_mtim.tv_sec == status.st_mtim.tv_sec && by_fd.st_mtim.tv_nsec == status.st_mtim.tv_nsec,
               "fstat64 disagrees with stat64");
        close(fd);
        unlink(path);
        struct banos_v2_timespec gap = { 0, 3000000 };
        __banos_slot_nanosleep64(&gap, NULL);
    }
    if (conformance_kernel_abi() == 1)
        EXPECT(!any_nanoseconds, "kernel ABI 1 has whole seconds, yet nanoseconds appeared");
    else
        EXPECT(any_nanoseconds, "three files, and not one time with nanoseconds");
}

TEST(stat, lstat64, "lstat64")
{
    struct banos_v2_stat link, target;
    EXPECT(__banos_slot_lstat64("/proc/self", &link) == 0 && S_ISLNK(link.st_mode), "lstat64 /proc/self: mode %#o",
           link.st_mode);
    EXPECT(__banos_slot_stat64("/proc/self", &target) == 0 && S_ISDIR(target.st_mode) && link.st_ino != target.st_ino,
           "stat64 /proc/self: mode %#o", target.st_mode);
    EXPECT_ERRNO(__banos_slot_lstat64("/no/such/file", &link), ENOENT);
    EXPECT_ERRNO(__banos_slot_lstat64((const char*)16, &link), EFAULT);
}

TEST(stat, errors_v2, "stat64 fstat64")
{
    struct banos_v2_stat status;
    EXPECT_ERRNO(__banos_slot_stat64("/no/such/file", &status), ENOENT);
    EXPECT_ERRNO(__banos_slot_stat64("/dev/null/below", &status), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_fstat64(-1, &status), EBADF);
}

TEST(stat, fstatat64, "fstatat64")
{
    SCRATCH(path, "fstatat");
    REQUIRE(conformance_write_file(path, "fstatat") == 0, "cannot create %s", path);
    int dirfd = open(".", O_RDONLY | O_DIRECTORY);
    int filefd = open(path, O_RDONLY);
    struct banos_v2_stat status;
    EXPECT(__banos_slot_fstatat64(dirfd, "fstatat", &status, 0) == 0 && status.st_size == 7, "relative: %s",
           conformance_errno_name(errno));
    EXPECT(__banos_slot_fstatat64(AT_FDCWD, "fstatat", &status, 0) == 0 && status.st_size == 7, "AT_FDCWD: %s",
           conformance_errno_name(errno));
    int other = open("/dev", O_RDONLY | O_DIRECTORY);
    EXPECT(__banos_slot_fstatat64(other, path, &status, 0) == 0, "absolute path with another directory: %s",
           conformance_errno_name(errno));
    close(other);
    EXPECT(__banos_slot_fstatat64(AT_FDCWD, "/proc/self", &status, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(status.st_mode),
           "AT_SYMLINK_NOFOLLOW: mode %#o", status.st_mode);
    EXPECT(__banos_slot_fstatat64(AT_FDCWD, "/proc/self", &status, 0) == 0 && S_ISDIR(status.st_mode),
           "following /proc/self: mode %#o", status.st_mode);
    EXPECT_ERRNO(__banos_slot_fstatat64(-1, "fstatat", &status, 0), EBADF);
    EXPECT_ERRNO(__banos_slot_fstatat64(filefd, "fstatat", &status, 0), ENOTDIR);
    EXPECT_ERRNO(__banos_slot_fstatat64(dirfd, "fstatat", &status, 0x4000), EINVAL);
    EXPECT_ERRNO(__banos_slot_fstatat64(dirfd, "missing", &status, 0), ENOENT);
    close(filefd);
    close(dirfd);
    unlink(path);
}
#endif

#ifdef BANOS_HAS_SLOT_fstat_v3
/* Program ABI 3: the birth time, which only kernel ABI 3 records. */
TEST(stat, layout_v3, "fstat_v3 fstatat_v3")
{
    /* (types.h's C++ check says 160 bytes, but its fields add up to 152.) */
    EXPECT(offsetof(struct banos_v3_stat, st_flags) == 36 && offsetof(struct banos_v3_stat, st_atim) == 72
               && offsetof(struct banos_v3_stat, st_ctim) == 104 && offsetof(struct banos_v3_stat, st_birthtim) == 120
               && offsetof(struct banos_v3_stat, reserved) == 136,
           "banos_v3_stat's fields moved");
    EXPECT(sizeof(struct stat) == sizeof(struct banos_v3_stat), "libc's struct stat (%zu bytes) is not ABI 3's",
           sizeof(struct stat));
    GUARDED(struct banos_v3_stat) out;
    for (int i = 0; i < 2; ++i) {
        memset(&out, 0xa5, sizeof(out));
        int result;
        if (i == 0) {
            result = __banos_slot_fstatat_v3(AT_FDCWD, "/tmp", &out.value, 0);
        } else {
            int fd = open("/tmp", O_RDONLY | O_DIRECTORY);
            result = __banos_slot_fstat_v3(fd, &out.value);
            close(fd);
        }
        EXPECT(result == 0, "call %d failed: %s", i, conformance_errno_name(errno));
        EXPECT(guard_intact(out.guard, sizeof(out.guard)), "call %d wrote past the structure", i);
        EXPECT(out.value.reserved[0] == 0 && out.value.reserved[1] == 0, "call %d left reserved fields set", i);
        EXPECT((out.value.st_flags & ~BANOS_V3_STAT_BIRTHTIME) == 0, "call %d: unknown st_flags %#x", i,
               out.value.st_flags);
    }
}

TEST(stat, birth_time, "fstatat_v3 fstat_v3")
{
    SCRATCH(path, "born");
    int32_t before, after;
    REQUIRE(make_file(path, &before, &after) == 0, "cannot create %s", path);
    struct banos_v3_stat status, by_fd;
    struct banos_v2_stat old;
    EXPECT(__banos_slot_fstatat_v3(AT_FDCWD, path, &status, 0) == 0, "fstatat_v3: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_stat64(path, &old) == 0 && old.st_ino == status.st_ino && old.st_size == status.st_size
               && old.st_mtim.tv_sec == status.st_mtim.tv_sec && old.st_mtim.tv_nsec == status.st_mtim.tv_nsec,
           "fstatat_v3 and stat64 disagree");
    if (conformance_kernel_abi() >= 3) {
        EXPECT(status.st_flags & BANOS_V3_STAT_BIRTHTIME, "kernel ABI 3 records birth times, st_flags %#x",
               status.st_flags);
        EXPECT(status.st_birthtim.tv_sec >= before - 1 && status.st_birthtim.tv_sec <= after + 1,
               "born at %lld, made between %d and %d", (long long)status.st_birthtim.tv_sec, before, after);
    } else {
        EXPECT(!(status.st_flags & BANOS_V3_STAT_BIRTHTIME) && status.st_birthtim.tv_sec == 0
                   && status.st_birthtim.tv_nsec == 0,
               "kernel ABI %d has no birth times, yet st_flags %#x, born %lld", conformance_kernel_abi(),
               status.st_flags, (long long)status.st_birthtim.tv_sec);
    }
    /* Writing later changes the modification time, never the birth. */
    struct banos_v2_timespec gap = { 1, 100000000 };
    __banos_slot_nanosleep64(&gap, NULL);
    int fd = open(path, O_WRONLY | O_APPEND);
    EXPECT(write(fd, "more", 4) == 4, "write");
    EXPECT(__banos_slot_fstat_v3(fd, &by_fd) == 0 && by_fd.st_size == 14, "fstat_v3: %s", conformance_errno_name(errno));
    EXPECT(by_fd.st_birthtim.tv_sec == status.st_birthtim.tv_sec && by_fd.st_birthtim.tv_nsec == status.st_birthtim.tv_nsec
               && by_fd.st_mtim.tv_sec > status.st_mtim.tv_sec,
           "birth %lld then %lld, modified %lld then %lld", (long long)status.st_birthtim.tv_sec,
           (long long)by_fd.st_birthtim.tv_sec, (long long)status.st_mtim.tv_sec, (long long)by_fd.st_mtim.tv_sec);
    close(fd);
    EXPECT_ERRNO(__banos_slot_fstat_v3(-1, &status), EBADF);
    EXPECT_ERRNO(__banos_slot_fstatat_v3(AT_FDCWD, "/no/such/file", &status, 0), ENOENT);
    unlink(path);
}
#endif
