/* Descriptors: dup and friends, pipes, fcntl, ioctl. pipe2 and dup3 are
 * emulated on kernel ABI 1 (pipe or dup2, then fcntl): their flags must
 * take effect all the same. */
#include "conformance.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int cloexec_of(int fd) { return fcntl(fd, F_GETFD) & FD_CLOEXEC; }

TEST(descriptors, dup, "dup")
{
    SCRATCH(path, "dup");
    REQUIRE(conformance_write_file(path, "abcdef") == 0, "cannot create %s", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    int copy = __banos_slot_dup(fd);
    EXPECT(copy > fd, "dup(%d) = %d", fd, copy);
    /* One open file: the position is shared; close-on-exec is not. */
    char c;
    EXPECT(read(fd, &c, 1) == 1 && read(copy, &c, 1) == 1 && c == 'b', "the copy does not share the position");
    EXPECT(cloexec_of(fd) && !cloexec_of(copy), "close-on-exec: original %d, copy %d", cloexec_of(fd),
           cloexec_of(copy));
    close(fd);
    EXPECT(read(copy, &c, 1) == 1 && c == 'c', "the copy died with the original");
    close(copy);
    EXPECT_ERRNO(__banos_slot_dup(-1), EBADF);
    EXPECT_ERRNO(__banos_slot_dup(copy), EBADF);
    unlink(path);
}

TEST(descriptors, dup2, "dup2")
{
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe: %s", conformance_errno_name(errno));
    int target = open("/dev/null", O_RDONLY | O_CLOEXEC);
    /* The target is closed first and takes the copy, without close-on-exec. */
    EXPECT(__banos_slot_dup2(fds[1], target) == target, "dup2 onto an open descriptor: %s",
           conformance_errno_name(errno));
    EXPECT(!cloexec_of(target), "the copy kept close-on-exec");
    EXPECT(write(target, "p", 1) == 1, "the target is not the pipe");
    char c = 0;
    EXPECT(read(fds[0], &c, 1) == 1 && c == 'p', "the byte did not come through");
    /* Onto itself: only checks the descriptor. */
    EXPECT(__banos_slot_dup2(target, target) == target, "dup2(fd, fd)");
    EXPECT(__banos_slot_dup2(fds[0], 60) == 60, "dup2 onto an unused number: %s", conformance_errno_name(errno));
    close(60);
    EXPECT_ERRNO(__banos_slot_dup2(-1, target), EBADF);
    EXPECT_ERRNO(__banos_slot_dup2(70, 70), EBADF);
    EXPECT_ERRNO(__banos_slot_dup2(fds[0], -1), EBADF);
    EXPECT_ERRNO(__banos_slot_dup2(fds[0], 100000), EBADF);
    close(target);
    close(fds[0]);
    close(fds[1]);
}

static int child_writes_to_closed_pipe(void* unused)
{
    (void)unused;
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    close(fds[0]);
    (void)write(fds[1], "x", 1);
    return 2; /* SIGPIPE should have ended it */
}

TEST(descriptors, pipe, "pipe")
{
    int fds[2] = { -1, -1 };
    EXPECT(__banos_slot_pipe(fds) == 0 && fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1], "pipe: %s",
           conformance_errno_name(errno));
    EXPECT(!cloexec_of(fds[0]) && !(fcntl(fds[1], F_GETFL) & O_NONBLOCK), "plain pipe with flags set");
    EXPECT((fcntl(fds[0], F_GETFL) & O_ACCMODE) == O_RDONLY && (fcntl(fds[1], F_GETFL) & O_ACCMODE) == O_WRONLY,
           "ends open as %#x and %#x", fcntl(fds[0], F_GETFL), fcntl(fds[1], F_GETFL));
    EXPECT(write(fds[1], "through", 7) == 7, "write");
    char buffer[16] = { 0 };
    EXPECT(read(fds[0], buffer, sizeof(buffer)) == 7 && memcmp(buffer, "through", 7) == 0, "read '%s'", buffer);
    EXPECT_ERRNO(write(fds[0], "x", 1), EBADF);
    EXPECT_ERRNO(read(fds[1], buffer, 1), EBADF);
    close(fds[1]);
    EXPECT(read(fds[0], buffer, sizeof(buffer)) == 0, "no end of file once the writer closed");
    close(fds[0]);
    /* No reader: EPIPE with SIGPIPE ignored, death by SIGPIPE otherwise. */
    REQUIRE(pipe(fds) == 0, "pipe");
    close(fds[0]);
    struct sigaction ignore = { 0 }, old;
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old);
    EXPECT_ERRNO(write(fds[1], "x", 1), EPIPE);
    sigaction(SIGPIPE, &old, NULL);
    close(fds[1]);
    int status = conformance_in_child(child_writes_to_closed_pipe, NULL);
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "writer to a closed pipe: status %#x", status);
    EXPECT_ERRNO(__banos_slot_pipe((int32_t*)16), EFAULT);
}

#ifdef BANOS_HAS_SLOT_pipe2
TEST(descriptors, pipe2_flags, "pipe2")
{
    int fds[2];
    EXPECT(__banos_slot_pipe2(fds, O_CLOEXEC) == 0, "pipe2(O_CLOEXEC): %s", conformance_errno_name(errno));
    EXPECT(cloexec_of(fds[0]) && cloexec_of(fds[1]), "O_CLOEXEC not visible through F_GETFD: %d %d",
           cloexec_of(fds[0]), cloexec_of(fds[1]));
    EXPECT(!(fcntl(fds[0], F_GETFL) & O_NONBLOCK), "O_NONBLOCK without asking");
    close(fds[0]);
    close(fds[1]);

    REQUIRE(__banos_slot_pipe2(fds, O_NONBLOCK) == 0, "pipe2(O_NONBLOCK): %s", conformance_errno_name(errno));
    EXPECT(!cloexec_of(fds[0]) && !cloexec_of(fds[1]), "close-on-exec without asking");
    if (!(fcntl(fds[0], F_GETFL) & O_NONBLOCK) || !(fcntl(fds[1], F_GETFL) & O_NONBLOCK)) {
        /* Reading on would block for ever. */
        conformance_fail(__FILE__, __LINE__, "O_NONBLOCK not visible through F_GETFL: %#x %#x",
                         fcntl(fds[0], F_GETFL), fcntl(fds[1], F_GETFL));
        close(fds[0]);
        close(fds[1]);
        return;
    }
    char c;
    EXPECT_ERRNO(read(fds[0], &c, 1), EAGAIN);
    /* Fill it: the writer gets EAGAIN instead of blocking. */
    char block[512];
    memset(block, 'f', sizeof(block));
    long total = 0;
    int64_t n;
    while ((n = write(fds[1], block, sizeof(block))) > 0 && total < (1 << 22))
        total += n;
    EXPECT(n == -1 && errno == EAGAIN && total > 0, "filling the pipe ended with %lld (%s) after %ld bytes",
           (long long)n, conformance_errno_name(errno), total);
    close(fds[0]);
    close(fds[1]);

    EXPECT(__banos_slot_pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0 && cloexec_of(fds[1])
               && (fcntl(fds[0], F_GETFL) & O_NONBLOCK),
           "both flags");
    close(fds[0]);
    close(fds[1]);
    EXPECT(__banos_slot_pipe2(fds, 0) == 0 && !cloexec_of(fds[0]), "pipe2(0)");
    close(fds[0]);
    close(fds[1]);
    EXPECT_ERRNO(__banos_slot_pipe2(fds, O_APPEND), EINVAL);
    EXPECT_ERRNO(__banos_slot_pipe2(fds, 0x7fff0000), EINVAL);
    EXPECT_ERRNO(__banos_slot_pipe2((int32_t*)16, 0), EFAULT);
}

TEST(descriptors, dup3_flags, "dup3")
{
    int fd = open("/dev/null", O_RDONLY);
    int target = open("/dev/null", O_RDONLY);
    EXPECT(__banos_slot_dup3(fd, target, O_CLOEXEC) == target, "dup3(O_CLOEXEC): %s", conformance_errno_name(errno));
    EXPECT(cloexec_of(target), "O_CLOEXEC not visible through F_GETFD");
    EXPECT(!cloexec_of(fd), "the original got close-on-exec");
    EXPECT(__banos_slot_dup3(fd, target, 0) == target && !cloexec_of(target), "dup3(0) kept close-on-exec");
    EXPECT(__banos_slot_dup3(fd, 61, O_CLOEXEC) == 61 && cloexec_of(61), "dup3 onto an unused number");
    close(61);
    /* Unlike dup2, the same descriptor twice is an error. */
    EXPECT_ERRNO(__banos_slot_dup3(fd, fd, 0), EINVAL);
    EXPECT_ERRNO(__banos_slot_dup3(fd, target, O_NONBLOCK), EINVAL);
    EXPECT_ERRNO(__banos_slot_dup3(-1, target, 0), EBADF);
    EXPECT_ERRNO(__banos_slot_dup3(fd, -1, 0), EBADF);
    close(fd);
    close(target);
}
#endif

TEST(descriptors, fcntl, "fcntl")
{
    int fd = open("/dev/null", O_RDWR);
    REQUIRE(fd >= 0, "open /dev/null");
    EXPECT(__banos_slot_fcntl(fd, F_GETFD, 0) == 0, "a new descriptor has close-on-exec");
    EXPECT(__banos_slot_fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && __banos_slot_fcntl(fd, F_GETFD, 0) == FD_CLOEXEC,
           "F_SETFD FD_CLOEXEC");
    EXPECT(__banos_slot_fcntl(fd, F_SETFD, 0) == 0 && __banos_slot_fcntl(fd, F_GETFD, 0) == 0, "F_SETFD 0");
    EXPECT((__banos_slot_fcntl(fd, F_GETFL, 0) & O_ACCMODE) == O_RDWR, "F_GETFL %#x", __banos_slot_fcntl(fd, F_GETFL, 0));
    /* F_SETFL changes O_APPEND and O_NONBLOCK, never the access mode. */
    EXPECT(__banos_slot_fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND | O_WRONLY) == 0, "F_SETFL");
    int flags = __banos_slot_fcntl(fd, F_GETFL, 0);
    EXPECT((flags & O_NONBLOCK) && (flags & O_APPEND) && (flags & O_ACCMODE) == O_RDWR, "flags %#x after F_SETFL",
           flags);
    EXPECT(__banos_slot_fcntl(fd, F_SETFL, 0) == 0 && !(__banos_slot_fcntl(fd, F_GETFL, 0) & O_NONBLOCK),
           "clearing O_NONBLOCK");
    /* F_DUPFD: the lowest free number at or above the argument. */
    int copy = __banos_slot_fcntl(fd, F_DUPFD, 40);
    EXPECT(copy == 40 && __banos_slot_fcntl(copy, F_GETFD, 0) == 0, "F_DUPFD 40 gave %d", copy);
    int next = __banos_slot_fcntl(fd, F_DUPFD_CLOEXEC, 40);
    EXPECT(next == 41 && __banos_slot_fcntl(next, F_GETFD, 0) == FD_CLOEXEC, "F_DUPFD_CLOEXEC 40 gave %d", next);
    close(copy);
    close(next);
    EXPECT_ERRNO(__banos_slot_fcntl(fd, 9999, 0), EINVAL);
    EXPECT_ERRNO(__banos_slot_fcntl(-1, F_GETFD, 0), EBADF);
    EXPECT_ERRNO(__banos_slot_fcntl(77, F_GETFL, 0), EBADF);
    close(fd);
}

TEST(descriptors, ioctl, "ioctl")
{
    _Static_assert(sizeof(struct banos_v1_winsize) == 8 && sizeof(struct banos_v1_termios) == 60,
                   "terminal structure layouts");
    int tty = open("/dev/tty", O_RDWR | O_NOCTTY);
    REQUIRE(tty >= 0, "open /dev/tty: %s", conformance_errno_name(errno));
    struct banos_v1_termios settings;
    memset(&settings, 0xa5, sizeof(settings));
    EXPECT(__banos_slot_ioctl(tty, TCGETS, (uint64_t)(uintptr_t)&settings) == 0, "TCGETS: %s",
           conformance_errno_name(errno));
    EXPECT(settings.c_cflag != 0xa5a5a5a5u, "TCGETS did not fill the structure");
    struct banos_v1_winsize size = { 0, 0, 0, 0 };
    EXPECT(__banos_slot_ioctl(tty, TIOCGWINSZ, (uint64_t)(uintptr_t)&size) == 0 && size.ws_row > 0 && size.ws_col > 0,
           "TIOCGWINSZ: %ux%u, %s", size.ws_col, size.ws_row, conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_ioctl(tty, TCGETS, 16), EFAULT);
    EXPECT_ERRNO(__banos_slot_ioctl(tty, 0x7461, 0), ENOTTY);
    close(tty);
    int null = open("/dev/null", O_RDONLY);
    EXPECT_ERRNO(__banos_slot_ioctl(null, TCGETS, (uint64_t)(uintptr_t)&settings), ENOTTY);
    close(null);
    EXPECT_ERRNO(__banos_slot_ioctl(-1, TCGETS, (uint64_t)(uintptr_t)&settings), EBADF);
}

#ifdef BANOS_HAS_SLOT_poll
/* Program ABI 3: poll, which kernel ABI 1 does not have (ENOSYS there). */
TEST(descriptors, poll, "poll")
{
    _Static_assert(sizeof(struct banos_v3_pollfd) == 8, "banos_v3_pollfd's layout");
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe: %s", conformance_errno_name(errno));
    struct banos_v3_pollfd entries[4] = {
        { fds[0], BANOS_POLLIN, 77 },
        { fds[1], BANOS_POLLOUT, 77 },
        { -1, BANOS_POLLIN, 77 },
        { 90, BANOS_POLLIN, 77 },
    };
    if (conformance_kernel_abi() == 1) {
        EXPECT_ERRNO(__banos_slot_poll(entries, 4, 0), ENOSYS);
        EXPECT_ERRNO(__banos_slot_poll(entries, 1, -1), ENOSYS);
        close(fds[0]);
        close(fds[1]);
        return;
    }
    /* Empty pipe: the write end is ready, the read end is not; a negative
     * descriptor is skipped, a closed one is POLLNVAL. */
    int ready = __banos_slot_poll(entries, 4, 0);
    EXPECT(ready == 2, "poll = %d (%s), expected 2", ready, conformance_errno_name(errno));
    EXPECT(entries[0].revents == 0 && entries[1].revents == BANOS_POLLOUT && entries[2].revents == 0
               && entries[3].revents == BANOS_POLLNVAL,
           "revents %#x %#x %#x %#x", entries[0].revents, entries[1].revents, entries[2].revents, entries[3].revents);
    EXPECT(write(fds[1], "x", 1) == 1, "write");
    EXPECT(__banos_slot_poll(entries, 1, 0) == 1 && entries[0].revents == BANOS_POLLIN, "readable: revents %#x",
           entries[0].revents);
    char c;
    EXPECT(read(fds[0], &c, 1) == 1, "read");
    /* A timeout on nothing ready. */
    long long before = conformance_monotonic_ns();
    EXPECT(__banos_slot_poll(entries, 1, 100) == 0 && entries[0].revents == 0, "poll with a timeout");
    long long waited = conformance_monotonic_ns() - before;
    EXPECT(waited >= 95000000LL && waited < 10000000000LL, "a 100 ms poll took %lld ns", waited);
    /* Blocking until a child writes. */
    pid_t pid = conformance_fork();
    if (pid == 0) {
        struct banos_v2_timespec gap = { 0, 50000000 };
        __banos_slot_nanosleep64(&gap, NULL);
        _exit(write(fds[1], "y", 1) == 1 ? 0 : 1);
    }
    EXPECT(__banos_slot_poll(entries, 1, -1) == 1 && (entries[0].revents & BANOS_POLLIN), "blocking poll: revents %#x",
           entries[0].revents);
    conformance_wait(pid);
    EXPECT(read(fds[0], &c, 1) == 1 && c == 'y', "the child's byte");
    /* The writer gone: hang-up. */
    close(fds[1]);
    EXPECT(__banos_slot_poll(entries, 1, 0) == 1 && (entries[0].revents & BANOS_POLLHUP), "after close: revents %#x",
           entries[0].revents);
    close(fds[0]);
    EXPECT(__banos_slot_poll(NULL, 0, 10) == 0, "poll of nothing with a timeout");
    EXPECT_ERRNO(__banos_slot_poll((struct banos_v3_pollfd*)16, 1, 0), EFAULT);
}
#endif
