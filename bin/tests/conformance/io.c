/* Reading and writing: read, write, lseek, ftruncate, pread64/pwrite64. */
#include "conformance.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

TEST(io, write_and_read_back, "write read open lseek close")
{
    SCRATCH(path, "io-file");
    int fd = __banos_slot_open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    REQUIRE(fd >= 0, "open %s: %s", path, conformance_errno_name(errno));
    int64_t n = __banos_slot_write(fd, "hello, world", 12);
    EXPECT(n == 12, "write returned %lld", (long long)n);
    EXPECT(__banos_slot_lseek(fd, 0, SEEK_SET) == 0, "lseek to 0 failed");
    char buffer[32] = { 0 };
    n = __banos_slot_read(fd, buffer, sizeof(buffer));
    EXPECT(n == 12 && memcmp(buffer, "hello, world", 12) == 0, "read %lld bytes '%.12s'", (long long)n, buffer);
    n = __banos_slot_read(fd, buffer, sizeof(buffer));
    EXPECT(n == 0, "read at the end returned %lld", (long long)n);
    /* A zero-byte read or write is a no-op that succeeds. */
    EXPECT(__banos_slot_read(fd, buffer, 0) == 0, "read of 0 bytes");
    EXPECT(__banos_slot_write(fd, buffer, 0) == 0, "write of 0 bytes");
    EXPECT(__banos_slot_close(fd) == 0, "close failed");
    unlink(path);
}

TEST(io, console_and_null, "write read open close")
{
    static const char line[] = "conformance: a line through the write slot\n";
    int64_t n = __banos_slot_write(1, line, sizeof(line) - 1);
    EXPECT(n == (int64_t)(sizeof(line) - 1), "write to stdout returned %lld", (long long)n);
    /* /dev/null: reads find the end at once, writes vanish whole. */
    int fd = __banos_slot_open("/dev/null", O_RDWR, 0);
    REQUIRE(fd >= 0, "open /dev/null: %s", conformance_errno_name(errno));
    char c;
    EXPECT(__banos_slot_read(fd, &c, 1) == 0, "read from /dev/null did not return 0");
    EXPECT(__banos_slot_write(fd, line, 10) == 10, "write to /dev/null did not take everything");
    __banos_slot_close(fd);
}

TEST(io, errors, "read write")
{
    char buffer[8];
    EXPECT_ERRNO(__banos_slot_read(-1, buffer, 1), EBADF);
    EXPECT_ERRNO(__banos_slot_read(999, buffer, 1), EBADF);
    EXPECT_ERRNO(__banos_slot_write(99, "x", 1), EBADF);
    /* Buffers the process does not own: low memory, kernel space. */
    EXPECT_ERRNO(__banos_slot_write(1, (const void*)16, 1), EFAULT);
    EXPECT_ERRNO(__banos_slot_write(1, (const void*)0xffff800000000000ull, 1), EFAULT);
    int fd = open("/dev/zero", O_RDONLY);
    REQUIRE(fd >= 0, "open /dev/zero: %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_read(fd, (void*)16, 1), EFAULT);
    EXPECT_ERRNO(__banos_slot_read(fd, (void*)0xffffffff80000000ull, 8), EFAULT);
    /* Reading a descriptor opened for writing only, and the reverse. */
    close(fd);
    fd = open("/dev/null", O_WRONLY);
    EXPECT_ERRNO(__banos_slot_read(fd, buffer, 1), EBADF);
    close(fd);
    fd = open("/dev/null", O_RDONLY);
    EXPECT_ERRNO(__banos_slot_write(fd, "x", 1), EBADF);
    close(fd);
    /* A directory is not read with read. */
    fd = open("/", O_RDONLY | O_DIRECTORY);
    EXPECT_ERRNO(__banos_slot_read(fd, buffer, sizeof(buffer)), EISDIR);
    close(fd);
}

TEST(io, lseek, "lseek")
{
    SCRATCH(path, "seek");
    REQUIRE(conformance_write_file(path, "0123456789") == 0, "cannot create %s", path);
    int fd = open(path, O_RDWR);
    REQUIRE(fd >= 0, "open: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_lseek(fd, 4, SEEK_SET) == 4, "SEEK_SET 4");
    EXPECT(__banos_slot_lseek(fd, 2, SEEK_CUR) == 6, "SEEK_CUR +2");
    char c = 0;
    EXPECT(read(fd, &c, 1) == 1 && c == '6', "read after seeking found '%c'", c);
    EXPECT(__banos_slot_lseek(fd, -3, SEEK_END) == 7, "SEEK_END -3");
    EXPECT(__banos_slot_lseek(fd, 0, SEEK_CUR) == 7, "SEEK_CUR 0 reports the position");
    /* Past the end is allowed; a write there leaves a zero-filled hole. */
    EXPECT(__banos_slot_lseek(fd, 20, SEEK_SET) == 20, "seek past the end");
    EXPECT(write(fd, "x", 1) == 1, "write past the end");
    char buffer[21];
    EXPECT(pread(fd, buffer, sizeof(buffer), 0) == 21 && buffer[10] == 0 && buffer[19] == 0 && buffer[20] == 'x',
           "the hole is not zero-filled");
    EXPECT_ERRNO(__banos_slot_lseek(fd, -1, SEEK_SET), EINVAL);
    EXPECT_ERRNO(__banos_slot_lseek(fd, -100, SEEK_END), EINVAL);
    EXPECT_ERRNO(__banos_slot_lseek(fd, 0, 7), EINVAL);
    EXPECT_ERRNO(__banos_slot_lseek(-1, 0, SEEK_SET), EBADF);
    close(fd);
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe: %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_lseek(fds[0], 0, SEEK_SET), ESPIPE);
    close(fds[0]);
    close(fds[1]);
    unlink(path);
}

TEST(io, ftruncate, "ftruncate fstat")
{
    SCRATCH(path, "truncate");
    REQUIRE(conformance_write_file(path, "0123456789") == 0, "cannot create %s", path);
    int fd = open(path, O_RDWR);
    REQUIRE(fd >= 0, "open: %s", conformance_errno_name(errno));
    struct banos_v1_stat status;
    EXPECT(__banos_slot_ftruncate(fd, 4) == 0, "shrink: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_fstat(fd, &status) == 0 && status.st_size == 4, "size %lld after shrinking to 4",
           (long long)status.st_size);
    EXPECT(__banos_slot_ftruncate(fd, 4096 + 10) == 0, "grow: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_fstat(fd, &status) == 0 && status.st_size == 4106, "size %lld after growing to 4106",
           (long long)status.st_size);
    char buffer[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
    EXPECT(pread(fd, buffer, 8, 2) == 8 && buffer[0] == '2' && buffer[1] == '3' && buffer[2] == 0 && buffer[7] == 0,
           "grown bytes are not zero (or the kept ones changed)");
    EXPECT(__banos_slot_ftruncate(fd, 0) == 0, "truncate to 0");
    EXPECT(lseek(fd, 0, SEEK_END) == 0, "the file is not empty after truncating to 0");
    EXPECT_ERRNO(__banos_slot_ftruncate(fd, -1), EINVAL);
    EXPECT_ERRNO(__banos_slot_ftruncate(-1, 0), EBADF);
    close(fd);
    /* Only a descriptor open for writing may truncate. */
    fd = open(path, O_RDONLY);
    errno = 0;
    int result = __banos_slot_ftruncate(fd, 0);
    EXPECT(result == -1 && (errno == EBADF || errno == EINVAL), "ftruncate on a read-only descriptor = %d, %s",
           result, conformance_errno_name(errno));
    close(fd);
    unlink(path);
}

#ifdef BANOS_HAS_SLOT_pread64
TEST(io, pread_pwrite, "pread64 pwrite64")
{
    SCRATCH(path, "positional");
    REQUIRE(conformance_write_file(path, "abcdefghij") == 0, "cannot create %s", path);
    int fd = open(path, O_RDWR);
    REQUIRE(fd >= 0, "open: %s", conformance_errno_name(errno));
    EXPECT(lseek(fd, 3, SEEK_SET) == 3, "seek");
    char buffer[8] = { 0 };
    EXPECT(__banos_slot_pread64(fd, buffer, 4, 5) == 4 && memcmp(buffer, "fghi", 4) == 0, "pread at 5 read '%.4s'",
           buffer);
    EXPECT(__banos_slot_pwrite64(fd, "XY", 2, 0) == 2, "pwrite at 0");
    /* Neither moved the descriptor's position. */
    EXPECT(lseek(fd, 0, SEEK_CUR) == 3, "the position moved to %lld", (long long)lseek(fd, 0, SEEK_CUR));
    EXPECT(read(fd, buffer, 2) == 2 && memcmp(buffer, "de", 2) == 0, "read at the position found '%.2s'", buffer);
    EXPECT(__banos_slot_pread64(fd, buffer, 2, 0) == 2 && memcmp(buffer, "XY", 2) == 0, "pwrite's bytes not there");
    EXPECT(__banos_slot_pread64(fd, buffer, 8, 100) == 0, "pread past the end is not 0");
    EXPECT_ERRNO(__banos_slot_pread64(fd, buffer, 1, -1), EINVAL);
    EXPECT_ERRNO(__banos_slot_pwrite64(fd, "x", 1, -1), EINVAL);
    EXPECT_ERRNO(__banos_slot_pread64(-1, buffer, 1, 0), EBADF);
    EXPECT_ERRNO(__banos_slot_pread64(fd, (void*)16, 1, 0), EFAULT);
    close(fd);
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe: %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_pwrite64(fds[1], "x", 1, 0), ESPIPE);
    EXPECT_ERRNO(__banos_slot_pread64(fds[0], buffer, 1, 0), ESPIPE);
    close(fds[0]);
    close(fds[1]);
    unlink(path);
}
#endif

#ifdef BANOS_HAS_SLOT_readv
/* Program ABI 3: scatter/gather, native on kernel ABIs 2 and 3, emulated
 * with a bounce buffer on kernel ABI 1: the result must be the same. */
TEST(io, readv_writev, "readv writev")
{
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe: %s", conformance_errno_name(errno));
    char a[] = "scatter", b[] = "/", c[] = "gather";
    struct banos_v3_iovec out[3] = { { a, 7 }, { b, 1 }, { c, 6 } };
    EXPECT(__banos_slot_writev(fds[1], out, 3) == 14, "writev did not write 14 bytes");
    char x[5] = { 0 }, y[4] = { 0 }, z[16] = { 0 };
    struct banos_v3_iovec in[3] = { { x, 5 }, { y, 4 }, { z, sizeof(z) } };
    EXPECT(__banos_slot_readv(fds[0], in, 3) == 14, "readv did not read 14 bytes");
    EXPECT(memcmp(x, "scatt", 5) == 0 && memcmp(y, "er/g", 4) == 0 && memcmp(z, "ather", 5) == 0,
           "the bytes landed as '%.5s' '%.4s' '%.5s'", x, y, z);
    /* Empty buffers are skipped; none at all is a zero-byte transfer. */
    struct banos_v3_iovec empty[2] = { { x, 0 }, { b, 1 } };
    EXPECT(__banos_slot_writev(fds[1], empty, 2) == 1, "writev with an empty buffer");
    EXPECT(__banos_slot_readv(fds[0], in, 1) == 1 && x[0] == '/', "readv after an empty buffer");
    EXPECT(__banos_slot_writev(fds[1], out, 0) == 0, "writev of no buffers");
    EXPECT_ERRNO(__banos_slot_writev(fds[1], out, -1), EINVAL);
    EXPECT_ERRNO(__banos_slot_writev(fds[1], out, BANOS_IOV_MAX + 1), EINVAL);
    EXPECT_ERRNO(__banos_slot_readv(-1, in, 1), EBADF);
    if (conformance_kernel_abi() >= 2) {
        /* Only where the kernel reads the vectors: kernel ABI 1's
         * emulation copies through them in user space (a SIGSEGV). */
        EXPECT_ERRNO(__banos_slot_writev(fds[1], (const struct banos_v3_iovec*)16, 1), EFAULT);
        struct banos_v3_iovec bad[1] = { { (void*)16, 4 } };
        EXPECT_ERRNO(__banos_slot_writev(fds[1], bad, 1), EFAULT);
    }
    close(fds[0]);
    close(fds[1]);
    /* On a file, one call moves the position by the total. */
    SCRATCH(path, "vectors");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0, "open: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_writev(fd, out, 3) == 14 && lseek(fd, 0, SEEK_CUR) == 14, "writev moved the position wrong");
    close(fd);
    unlink(path);
}
#endif

#ifdef BANOS_HAS_SLOT_fsync
TEST(io, fsync, "fsync")
{
    SCRATCH(path, "synced");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0, "open: %s", conformance_errno_name(errno));
    EXPECT(write(fd, "data", 4) == 4, "write");
    EXPECT(__banos_slot_fsync(fd) == 0, "fsync: %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_fsync(-1), EBADF);
    EXPECT_ERRNO(__banos_slot_fsync(4000), EBADF);
    close(fd);
    unlink(path);
}
#endif
