/* Files seen from a program: the VFS calls, permissions by user, devices,
 * /proc, pipes and descriptor rules, and the transfers and waits of program
 * ABI 3 (readv/writev everywhere: emulated by libc before ABI 3 and by the
 * layer on kernel ABI 1; poll, fsync, fchdir and birth times from ABI 3).
 * Built for every program ABI; prints "PASS kernel_files.<check>" /
 * "FAIL ...: why". Runs as root and drops to uid 1000 in children for the
 * permission checks. */
#include <banos.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHECK_GROUP "kernel_files"
#include "check.h"

static const char* dir = "/tmp/kernel_files";

static int write_file(const char* path, const char* text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int read_file(const char* path, char* out, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, out, size - 1);
    close(fd);
    if (n < 0)
        return -1;
    out[n] = 0;
    return (int)n;
}

static void check_basic_io(void)
{
    char path[128], text[64];
    snprintf(path, sizeof path, "%s/a", dir);
    CHECK("io.create_write_read", write_file(path, "hello world", 0644) == 0 && read_file(path, text, sizeof text) == 11
              && strcmp(text, "hello world") == 0, "text '%s'", text);
    int fd = open(path, O_RDWR);
    off_t end = lseek(fd, 0, SEEK_END);
    off_t back = lseek(fd, 6, SEEK_SET);
    char word[8] = { 0 };
    ssize_t got = read(fd, word, 5);
    CHECK("io.lseek", end == 11 && back == 6 && got == 5 && strcmp(word, "world") == 0, "end %ld back %ld '%s'",
          (long)end, (long)back, word);
    errno = 0;
    CHECK("io.lseek_negative", lseek(fd, -100, SEEK_SET) == -1 && errno == EINVAL, "errno %d", errno);
    lseek(fd, 20, SEEK_SET);
    write(fd, "!", 1); /* a hole from 11 to 20 reads as zeros */
    struct stat st;
    fstat(fd, &st);
    lseek(fd, 15, SEEK_SET);
    char hole = 1;
    read(fd, &hole, 1);
    CHECK("io.sparse_write", st.st_size == 21 && hole == 0, "size %ld hole %d", (long)st.st_size, hole);
    char at[6] = { 0 };
    off_t before = lseek(fd, 0, SEEK_CUR);
    ssize_t positional = pread(fd, at, 5, 0);
    CHECK("io.pread", positional == 5 && strcmp(at, "hello") == 0 && lseek(fd, 0, SEEK_CUR) == before,
          "pread %ld '%s'", (long)positional, at);
    CHECK("io.pwrite", pwrite(fd, "H", 1, 0) == 1 && pread(fd, at, 1, 0) == 1 && at[0] == 'H'
              && lseek(fd, 0, SEEK_CUR) == before, "errno %d", errno);
    int pipe_fds[2];
    pipe(pipe_fds);
    errno = 0;
    CHECK("io.pread_pipe", pread(pipe_fds[0], at, 1, 0) == -1 && errno == ESPIPE, "errno %d", errno);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    CHECK("io.ftruncate", ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5, "size %ld", (long)st.st_size);
    close(fd);
    int append = open(path, O_WRONLY | O_APPEND);
    write(append, "++", 2);
    close(append);
    CHECK("io.append", read_file(path, text, sizeof text) == 7 && strcmp(text, "Hello++") == 0, "text '%s'", text);
    errno = 0;
    CHECK("io.exclusive_create", open(path, O_WRONLY | O_CREAT | O_EXCL, 0644) == -1 && errno == EEXIST, "errno %d", errno);
    errno = 0;
    CHECK("io.missing", open("/tmp/kernel_files/none", O_RDONLY) == -1 && errno == ENOENT, "errno %d", errno);
    errno = 0;
    CHECK("io.read_only_descriptor", (fd = open(path, O_RDONLY)) >= 0 && write(fd, "x", 1) == -1 && errno == EBADF,
          "errno %d", errno);
    close(fd);
}

static void check_names(void)
{
    char a[128], b[128], sub[128], text[64];
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    CHECK("names.link", link(a, b) == 0, "errno %d", errno);
    struct stat st;
    stat(a, &st);
    CHECK("names.link_count", st.st_nlink == 2, "nlink %lu", (unsigned long)st.st_nlink);
    CHECK("names.unlink", unlink(a) == 0 && stat(a, &st) == -1 && errno == ENOENT && read_file(b, text, sizeof text) == 7,
          "errno %d", errno);
    CHECK("names.rename", rename(b, a) == 0 && stat(b, &st) == -1 && stat(a, &st) == 0, "errno %d", errno);
    CHECK("names.mkdir", mkdir(sub, 0755) == 0 && stat(sub, &st) == 0 && S_ISDIR(st.st_mode), "errno %d", errno);
    errno = 0;
    char inner[160];
    snprintf(inner, sizeof inner, "%s/x", sub);
    write_file(inner, "x", 0644);
    CHECK("names.rmdir_not_empty", rmdir(sub) == -1 && errno == ENOTEMPTY, "errno %d", errno);
    unlink(inner);
    CHECK("names.rmdir", rmdir(sub) == 0, "errno %d", errno);
    errno = 0;
    CHECK("names.unlink_directory", mkdir(sub, 0755) == 0 && unlink(sub) == -1 && errno == EISDIR, "errno %d", errno);
    rmdir(sub);
}

static void check_directories(void)
{
    char cwd[256];
    CHECK("dirs.chdir_getcwd", chdir(dir) == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, dir) == 0, "cwd '%s'", cwd);
    CHECK("dirs.relative_paths", write_file("rel", "r", 0644) == 0 && access("/tmp/kernel_files/rel", F_OK) == 0,
          "errno %d", errno);
    chdir("/");
    DIR* d = opendir(dir);
    int seen_a = 0, seen_rel = 0, entries = 0;
    struct dirent* entry;
    while (d && (entry = readdir(d))) {
        ++entries;
        seen_a += strcmp(entry->d_name, "a") == 0;
        seen_rel += strcmp(entry->d_name, "rel") == 0;
    }
    if (d)
        closedir(d);
    CHECK("dirs.readdir", seen_a == 1 && seen_rel == 1 && entries == 4, "entries %d", entries);
    chdir(dir);
    errno = 0;
    char* small = getcwd(cwd, 4);
    int error = errno;
    chdir("/");
    CHECK("dirs.getcwd_too_small", small == NULL && error == ERANGE, "result %p errno %d", (void*)small, error);
}

static void check_descriptors(void)
{
    int fd = open("/dev/null", O_WRONLY);
    int copy = dup(fd);
    CHECK("fds.dup_lowest", copy == fd + 1, "fd %d copy %d", fd, copy);
    CHECK("fds.dup2", dup2(fd, 20) == 20 && write(20, "x", 1) == 1, "errno %d", errno);
    CHECK("fds.cloexec_flag", fcntl(20, F_SETFD, FD_CLOEXEC) == 0 && fcntl(20, F_GETFD) == FD_CLOEXEC, "errno %d", errno);
    pid_t pid = fork();
    if (pid == 0) {
        /* After exec the descriptor is gone: run a shell that checks. */
        execl("/bin/sh", "sh", "-c", "exec 3>&20", (char*)0);
        _exit(99);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK("fds.closed_on_exec", WIFEXITED(status) && WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 99,
          "status %#x", status);
    close(fd);
    close(copy);
    close(20);
    errno = 0;
    CHECK("fds.bad_descriptor", close(77) == -1 && errno == EBADF, "errno %d", errno);
}

static void check_pipes(void)
{
    int fds[2];
    CHECK("pipe.create", pipe(fds) == 0, "errno %d", errno);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        for (int i = 0; i < 100; ++i)
            write(fds[1], "0123456789", 10);
        _exit(0);
    }
    close(fds[1]);
    char buffer[256];
    size_t total = 0;
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
        total += (size_t)n;
    waitpid(pid, 0, 0);
    close(fds[0]);
    CHECK("pipe.transfer_and_eof", total == 1000, "total %zu", total);

    pipe(fds);
    close(fds[0]);
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    CHECK("pipe.no_reader", write(fds[1], "x", 1) == -1 && errno == EPIPE, "errno %d", errno);
    close(fds[1]);
    signal(SIGPIPE, SIG_DFL);

    pipe(fds);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    errno = 0;
    CHECK("pipe.nonblocking_empty", read(fds[0], buffer, 1) == -1 && errno == EAGAIN, "errno %d", errno);
    close(fds[0]);
    close(fds[1]);
}

static void check_devices(void)
{
    char buffer[16];
    int fd = open("/dev/zero", O_RDONLY);
    memset(buffer, 1, sizeof buffer);
    ssize_t n = read(fd, buffer, sizeof buffer);
    close(fd);
    CHECK("dev.zero", n == 16 && buffer[0] == 0 && buffer[15] == 0, "n %ld", (long)n);
    fd = open("/dev/null", O_RDWR);
    CHECK("dev.null", write(fd, "abc", 3) == 3 && read(fd, buffer, 4) == 0, "errno %d", errno);
    close(fd);
    fd = open("/dev/random", O_RDONLY);
    unsigned char random_bytes[32] = { 0 };
    n = read(fd, random_bytes, sizeof random_bytes);
    close(fd);
    int nonzero = 0;
    for (size_t i = 0; i < sizeof random_bytes; ++i)
        nonzero += random_bytes[i] != 0;
    CHECK("dev.random", n == 32 && nonzero > 8, "n %ld nonzero %d", (long)n, nonzero);
    struct stat st;
    CHECK("dev.console_is_a_terminal", stat("/dev/console", &st) == 0 && S_ISCHR(st.st_mode), "mode %o", st.st_mode);
}

static int status_field(const char* path, const char* key, char* out, size_t size)
{
    char text[2048];
    if (read_file(path, text, sizeof text) < 0)
        return -1;
    char* line = strstr(text, key);
    if (!line)
        return -1;
    line += strlen(key);
    while (*line == ':' || *line == '\t' || *line == ' ')
        ++line;
    size_t i = 0;
    while (line[i] && line[i] != '\n' && i + 1 < size) {
        out[i] = line[i];
        ++i;
    }
    out[i] = 0;
    return 0;
}

static void check_proc(void)
{
    char value[64], path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)getpid());
    CHECK("proc.pid_status", status_field(path, "Pid", value, sizeof value) == 0 && atoi(value) == getpid(), "Pid '%s'",
          value);
    CHECK("proc.self", status_field("/proc/self/status", "Pid", value, sizeof value) == 0 && atoi(value) == getpid(),
          "Pid '%s'", value);
    CHECK("proc.meminfo", status_field("/proc/meminfo", "MemTotal", value, sizeof value) == 0 && atoi(value) > 1000,
          "MemTotal '%s'", value);
    CHECK("proc.uptime", read_file("/proc/uptime", value, sizeof value) > 0 && value[0] >= '0' && value[0] <= '9',
          "uptime '%s'", value);
    /* The ids in /proc change the moment setuid runs. */
    pid_t pid = fork();
    if (pid == 0) {
        char before[64], after[64];
        status_field("/proc/self/status", "Uid", before, sizeof before);
        setgid(1000);
        setuid(1000);
        status_field("/proc/self/status", "Uid", after, sizeof after);
        _exit(atoi(before) == 0 && atoi(after) == 1000 ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK("proc.uid_follows_setuid", WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
}

/* Kernel ABI 3 leaves a read that has to wait pending (SUBMIT) and finishes
 * it in a second kernel entry (AWAIT); a read that finds data is one entry,
 * as on every kernel. Counted with the syscall counter, less what reading
 * the counter costs (one entry in the always-trap layer). */
static int sleeping(pid_t pid)
{
    char path[64], state[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    for (int tries = 0; tries < 500; ++tries) {
        if (status_field(path, "State", state, sizeof state) == 0 && state[0] == 'S')
            return 1;
        struct timespec pause_10ms = { 0, 10000000 };
        nanosleep(&pause_10ms, 0);
    }
    return 0;
}

static void check_pending_read(void)
{
    uint64_t cost = banos_syscall_count();
    cost = banos_syscall_count() - cost;
    int kernel_abi = syslayer_version() & 0xff;
    int fds[2];
    char c = 0;
    pipe(fds);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        int ok = sleeping(parent); /* the parent waits inside its read */
        write(fds[1], "w", 1);
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    uint64_t before = banos_syscall_count();
    ssize_t n = read(fds[0], &c, 1);
    uint64_t entries = banos_syscall_count() - before - cost;
    int status = 0;
    waitpid(pid, &status, 0);
    close(fds[0]);
    uint64_t expected = kernel_abi == 3 ? 2 : 1;
    CHECK("pending.read_that_waits", n == 1 && c == 'w' && WIFEXITED(status) && WEXITSTATUS(status) == 0
          && entries == expected, "read %ld '%c', child status %#x, %llu kernel entries (expected %llu)", (long)n, c,
          status, (unsigned long long)entries, (unsigned long long)expected);

    pipe(fds);
    write(fds[1], "d", 1);
    before = banos_syscall_count();
    n = read(fds[0], &c, 1);
    entries = banos_syscall_count() - before - cost;
    close(fds[0]);
    close(fds[1]);
    CHECK("pending.read_that_finds_data", n == 1 && c == 'd' && entries == 1, "read %ld '%c', %llu kernel entries",
          (long)n, c, (unsigned long long)entries);
}

static void check_permissions(void)
{
    char secret[128], open_file[128];
    snprintf(secret, sizeof secret, "%s/secret", dir);
    snprintf(open_file, sizeof open_file, "%s/open", dir);
    write_file(secret, "root only", 0600);
    write_file(open_file, "anyone", 0644);
    umask(0);
    mkdir("/tmp/kernel_files/shared", 0777);
    umask(022);
    pid_t pid = fork();
    if (pid == 0) {
        setgid(1000);
        setuid(1000);
        int result = 0;
        char text[64];
        errno = 0;
        if (!(open(secret, O_RDONLY) == -1 && errno == EACCES))
            result |= 1;
        if (read_file(open_file, text, sizeof text) != 6)
            result |= 2;
        errno = 0;
        if (!(open(open_file, O_WRONLY) == -1 && errno == EACCES))
            result |= 4;
        errno = 0;
        if (!(chmod(secret, 0777) == -1 && errno == EPERM))
            result |= 8;
        errno = 0;
        if (!(chown(open_file, 1000, 1000) == -1 && errno == EPERM))
            result |= 16;
        if (write_file("/tmp/kernel_files/shared/mine", "m", 0644) != 0)
            result |= 32;
        errno = 0;
        if (!(access(secret, R_OK) == -1 && errno == EACCES))
            result |= 64;
        _exit(result);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK("perm.user_is_checked", WIFEXITED(status) && WEXITSTATUS(status) == 0, "failed checks %#x",
          WEXITSTATUS(status));
    struct stat st;
    CHECK("perm.new_file_owner", stat("/tmp/kernel_files/shared/mine", &st) == 0 && st.st_uid == 1000,
          "uid %u", (unsigned)st.st_uid);
    CHECK("perm.root_chown", chown(open_file, 1000, 1000) == 0 && stat(open_file, &st) == 0 && st.st_uid == 1000,
          "errno %d", errno);
    CHECK("perm.chmod", chmod(open_file, 0600) == 0 && stat(open_file, &st) == 0 && (st.st_mode & 0777) == 0600,
          "mode %o", st.st_mode);
}

static void check_file_mapping(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/mapped", dir);
    write_file(path, "mapped file contents", 0644);
    int fd = open(path, O_RDONLY);
    char* p = mmap(0, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    CHECK("mmap.private_file", p != MAP_FAILED && memcmp(p, "mapped file contents", 20) == 0 && p[20] == 0,
          "mmap %p", (void*)p);
    if (p != MAP_FAILED)
        munmap(p, 4096);
}

static void fill(char* buffer, size_t size, char value) { memset(buffer, value, size); }

static int all_equal(const char* buffer, size_t size, char value)
{
    for (size_t i = 0; i < size; ++i)
        if (buffer[i] != value)
            return 0;
    return 1;
}

static void check_vectored_io(void)
{
    int fds[2];
    pipe(fds);
    char a[] = "scatter", b[] = "/", c[] = "gather";
    struct iovec out[] = { { a, 7 }, { b, 1 }, { NULL, 0 }, { c, 6 } };
    ssize_t wrote = writev(fds[1], out, 4);
    char first[5] = { 0 }, second[16] = { 0 };
    struct iovec in[] = { { first, 4 }, { second, sizeof second - 1 } };
    /* Fewer bytes wait than asked for: a partial read of what is there. */
    ssize_t got = readv(fds[0], in, 2);
    CHECK("vectored.pipe_roundtrip", wrote == 14 && got == 14 && strcmp(first, "scat") == 0
              && strcmp(second, "ter/gather") == 0, "wrote %ld got %ld '%s' '%s'", (long)wrote, (long)got, first, second);
    errno = 0;
    CHECK("vectored.bad_count", writev(fds[1], out, -1) == -1 && errno == EINVAL, "errno %d", errno);

    /* Atomic like write(): with room for less than the whole (small)
     * vector, a non-blocking writev moves nothing at all. */
    static char filler[16384 - 100];
    fill(filler, sizeof filler, 'f');
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    ssize_t filled = write(fds[1], filler, sizeof filler);
    static char half[2][100];
    fill(half[0], 100, 'x');
    fill(half[1], 100, 'y');
    struct iovec halves[] = { { half[0], 100 }, { half[1], 100 } };
    errno = 0;
    ssize_t refused = writev(fds[1], halves, 2);
    int error = errno;
    CHECK("vectored.pipe_write_is_atomic", filled == (ssize_t)sizeof filler && refused == -1 && error == EAGAIN,
          "filled %ld writev %ld errno %d", (long)filled, (long)refused, error);
    close(fds[0]);
    close(fds[1]);

    /* Writers racing on one pipe: every PIPE_BUF-sized gathered write
     * arrives whole, never interleaved with another's. */
    pipe(fds);
    for (int writer = 0; writer < 2; ++writer) {
        if (fork() == 0) {
            close(fds[0]);
            static char piece[2][2048];
            fill(piece[0], 2048, (char)('A' + writer));
            fill(piece[1], 2048, (char)('A' + writer));
            struct iovec block[] = { { piece[0], 2048 }, { piece[1], 2048 } };
            for (int i = 0; i < 6; ++i)
                if (writev(fds[1], block, 2) != 4096)
                    _exit(1);
            _exit(0);
        }
    }
    close(fds[1]);
    static char stream[2 * 6 * 4096];
    size_t total = 0;
    ssize_t n;
    while (total < sizeof stream && (n = read(fds[0], stream + total, sizeof stream - total)) > 0)
        total += (size_t)n;
    close(fds[0]);
    int whole = total == sizeof stream;
    for (size_t at = 0; whole && at < total; at += 4096)
        whole = all_equal(stream + at, 4096, stream[at]);
    int status0 = 0, status1 = 0;
    wait(&status0);
    wait(&status1);
    CHECK("vectored.concurrent_writes_whole", whole && status0 == 0 && status1 == 0, "total %zu", total);

    /* More than PIPE_BUF in all: into a file and back, in one call each. */
    char path[128];
    snprintf(path, sizeof path, "%s/vectored", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    static char big[3][3000];
    for (int i = 0; i < 3; ++i)
        fill(big[i], sizeof big[i], (char)('1' + i));
    struct iovec large[] = { { big[0], 3000 }, { big[1], 3000 }, { big[2], 3000 } };
    wrote = writev(fd, large, 3);
    static char back[2][6000];
    struct iovec two[] = { { back[0], 6000 }, { back[1], 6000 } };
    lseek(fd, 0, SEEK_SET);
    got = readv(fd, two, 2);
    CHECK("vectored.large_file", wrote == 9000 && got == 9000 && all_equal(back[0], 3000, '1')
              && all_equal(back[0] + 3000, 3000, '2') && all_equal(back[1], 3000, '3'),
          "wrote %ld got %ld", (long)wrote, (long)got);
    close(fd);
}

#if BANOS_PROGRAM_ABI >= 3
/* The running kernel's ABI, as the layer reports it. */
static int kernel_abi(void) { return syslayer_version() & 0xff; }

static volatile sig_atomic_t alarms;
static void on_alarm(int number)
{
    (void)number;
    ++alarms;
}

static long milliseconds_since(const struct timespec* start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

static void check_poll(void)
{
    int fds[2];
    pipe(fds);
    struct pollfd entries[] = { { fds[0], POLLIN, 0 }, { fds[1], POLLOUT, 0 }, { -5, POLLIN, 9 }, { 77, POLLIN, 0 } };
    errno = 0;
    int ready = poll(entries, 4, 0);
    if (kernel_abi() == 1) {
        /* Kernel ABI 1 cannot say when a descriptor would block. */
        CHECK("poll.enosys_on_kernel_1", ready == -1 && errno == ENOSYS, "poll %d errno %d", ready, errno);
        close(fds[0]);
        close(fds[1]);
        return;
    }
    CHECK("poll.not_ready", ready == 2 && entries[0].revents == 0 && entries[1].revents == POLLOUT
              && entries[2].revents == 0 && entries[3].revents == POLLNVAL,
          "ready %d revents %x %x %x %x", ready, entries[0].revents, entries[1].revents, entries[2].revents,
          entries[3].revents);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    ready = poll(entries, 1, 100);
    long waited = milliseconds_since(&start);
    CHECK("poll.timeout", ready == 0 && entries[0].revents == 0 && waited >= 90, "ready %d after %ld ms", ready, waited);

    /* A writer in another process wakes the wait. */
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec pause_time = { 0, 50000000 };
        nanosleep(&pause_time, NULL);
        write(fds[1], "w", 1);
        _exit(0);
    }
    ready = poll(entries, 1, 5000);
    CHECK("poll.ready", ready == 1 && entries[0].revents == POLLIN, "ready %d revents %x", ready, entries[0].revents);
    waitpid(pid, NULL, 0);
    char byte;
    read(fds[0], &byte, 1);

    /* A signal ends the wait with EINTR, even with SA_RESTART. */
    struct sigaction action = { 0 };
    action.sa_handler = on_alarm;
    action.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &action, NULL);
    alarms = 0;
    alarm(1);
    errno = 0;
    ready = poll(entries, 1, -1);
    int error = errno;
    CHECK("poll.interrupted", ready == -1 && error == EINTR && alarms == 1, "poll %d errno %d alarms %d", ready, error,
          (int)alarms);
    signal(SIGALRM, SIG_DFL);

    close(fds[1]);
    ready = poll(entries, 1, 1000);
    CHECK("poll.hangup", ready == 1 && entries[0].revents == POLLHUP, "ready %d revents %x", ready, entries[0].revents);
    close(fds[0]);

    pipe(fds);
    close(fds[0]);
    struct pollfd writer = { fds[1], POLLOUT, 0 };
    ready = poll(&writer, 1, 0);
    CHECK("poll.no_reader_error", ready == 1 && (writer.revents & POLLERR), "ready %d revents %x", ready, writer.revents);
    close(fds[1]);
    struct pollfd file = { open("/dev/null", O_RDWR), POLLIN | POLLOUT, 0 };
    ready = poll(&file, 1, 0);
    CHECK("poll.device_always_ready", ready == 1 && file.revents == (POLLIN | POLLOUT), "revents %x", file.revents);
    close(file.fd);
}

static void check_abi3_files(void)
{
    char path[128], real[256];
    snprintf(path, sizeof path, "%s/synced", dir);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    write(fd, "s", 1);
    CHECK("fsync.file", fsync(fd) == 0, "errno %d", errno);
    errno = 0;
    CHECK("fsync.bad_descriptor", fsync(99) == -1 && errno == EBADF, "errno %d", errno);

    int directory = open(dir, O_RDONLY | O_DIRECTORY);
    CHECK("fchdir.changes_cwd", fchdir(directory) == 0 && getcwd(real, sizeof real) && strcmp(real, dir) == 0,
          "cwd '%s' errno %d", real, errno);
    chdir("/");
    errno = 0;
    CHECK("fchdir.not_directory", fchdir(fd) == -1 && errno == ENOTDIR, "errno %d", errno);
    int pipe_fds[2];
    pipe(pipe_fds);
    errno = 0;
    CHECK("fchdir.pipe", fchdir(pipe_fds[0]) == -1 && errno == ENOTDIR, "errno %d", errno);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    /* Search permission is checked, as chdir checks it. */
    char locked[128];
    snprintf(locked, sizeof locked, "%s/locked", dir);
    mkdir(locked, 0700);
    int locked_fd = open(locked, O_RDONLY | O_DIRECTORY);
    pid_t pid = fork();
    if (pid == 0) {
        setgid(1000);
        setuid(1000);
        errno = 0;
        _exit(fchdir(locked_fd) == -1 && errno == EACCES ? 0 : 1);
    }
    int status = -1;
    waitpid(pid, &status, 0);
    CHECK("fchdir.needs_search_permission", WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
    close(locked_fd);
    close(directory);

    /* Kernels 1 and 2 do not tell birth times: the layer leaves the flag
     * clear and the time zero. */
    struct stat st;
    int stated = fstat(fd, &st);
    if (kernel_abi() <= 2)
        CHECK("stat.no_birth_time_on_old_kernels", stated == 0 && !(st.st_flags & BANOS_V3_STAT_BIRTHTIME)
                  && st.st_birthtim.tv_sec == 0 && st.st_birthtim.tv_nsec == 0,
              "flags %#x birth %ld", st.st_flags, (long)st.st_birthtim.tv_sec);
    else
        CHECK("stat.birth_time", stated == 0 && (st.st_flags & BANOS_V3_STAT_BIRTHTIME) && st.st_birthtim.tv_sec > 0
                  && st.st_birthtim.tv_sec <= st.st_mtim.tv_sec,
              "flags %#x birth %ld", st.st_flags, (long)st.st_birthtim.tv_sec);
    close(fd);
}
#endif

int main(void)
{
    mkdir(dir, 0755);
    check_basic_io();
    check_names();
    check_directories();
    check_descriptors();
    check_pipes();
    check_devices();
    check_proc();
    check_pending_read();
    check_permissions();
    check_file_mapping();
    check_vectored_io();
#if BANOS_PROGRAM_ABI >= 3
    check_poll();
    check_abi3_files();
#endif
    /* Leave nothing behind: the test run's memory check counts it. */
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/rm", "rm", "-r", dir, (char*)0);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK("cleanup", WIFEXITED(status) && WEXITSTATUS(status) == 0 && access(dir, F_OK) == -1, "status %#x", status);
    printf("kernel_files: %d failed\n", failures);
    return failures;
}
