/* The calls program ABI 3 added, checked in every ABI: in ABI 3 through
 * their slots (here the stand-in layer's Linux calls), before it through
 * libc's own emulations (readv/writev on read and write, posix_spawn on
 * fork and exec) or ENOSYS (poll, alarm, fsync, fchdir, sigpending,
 * clock_getres). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

extern char** environ;

static void check_vectors(void)
{
    int fds[2];
    pipe(fds);
    char first[] = "gather", second[] = "ed ", third[] = "write";
    struct iovec out[] = { { first, 6 }, { NULL, 0 }, { second, 3 }, { third, 5 } };
    CHECK("calls.writev_pipe", writev(fds[1], out, 4) == 14);
    char a[4] = "", b[16] = "";
    struct iovec in[] = { { a, 4 }, { b, sizeof b } };
    ssize_t got = readv(fds[0], in, 2);
    check_format("calls.readv_scatters", got == 14 && memcmp(a, "gath", 4) == 0 && memcmp(b, "ered write", 10) == 0,
        "got %ld", (long)got);
    errno = 0;
    CHECK("calls.readv_negative_count", readv(fds[0], in, -1) == -1 && errno == EINVAL);
    errno = 0;
    CHECK("calls.writev_too_many", writev(fds[1], out, IOV_MAX + 1) == -1 && errno == EINVAL);
    close(fds[0]);
    close(fds[1]);

    /* More than PIPE_BUF in all, into a file, and back. */
    const char* path = test_path("vectors");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    static char big[3][5000];
    for (int i = 0; i < 3; ++i)
        memset(big[i], 'a' + i, sizeof big[i]);
    struct iovec large[] = { { big[0], 5000 }, { big[1], 5000 }, { big[2], 5000 } };
    CHECK("calls.writev_large", writev(fd, large, 3) == 15000);
    static char back[2][8000];
    struct iovec halves[] = { { back[0], 8000 }, { back[1], 8000 } };
    lseek(fd, 0, SEEK_SET);
    got = readv(fd, halves, 2);
    check_format("calls.readv_large_short", got == 15000 && back[0][4999] == 'a' && back[0][5000] == 'b'
            && back[1][1999] == 'b' && back[1][2000] == 'c' && back[1][6999] == 'c', "got %ld", (long)got);
    close(fd);
}

static void check_poll(void)
{
    int fds[2];
    pipe(fds);
    struct pollfd entries[] = { { fds[0], POLLIN, 0 }, { -1, POLLIN, 7 }, { 999, POLLIN, 0 } };
#if BANOS_PROGRAM_ABI >= 3
    int ready = poll(entries, 3, 0);
    check_format("calls.poll_invalid_and_ignored", ready == 1 && entries[0].revents == 0 && entries[1].revents == 0
            && entries[2].revents == POLLNVAL, "ready %d revents %x %x %x", ready, entries[0].revents,
        entries[1].revents, entries[2].revents);
    write(fds[1], "x", 1);
    ready = poll(entries, 1, 1000);
    CHECK("calls.poll_readable", ready == 1 && entries[0].revents == POLLIN);
    char byte;
    read(fds[0], &byte, 1);
    struct timespec before, after;
    clock_gettime(CLOCK_MONOTONIC, &before);
    ready = poll(entries, 1, 50);
    clock_gettime(CLOCK_MONOTONIC, &after);
    long elapsed_ms = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
    check_format("calls.poll_timeout", ready == 0 && entries[0].revents == 0 && elapsed_ms >= 40,
        "ready %d after %ld ms", ready, elapsed_ms);
    close(fds[1]);
    ready = poll(entries, 1, 1000);
    CHECK("calls.poll_hangup", ready == 1 && (entries[0].revents & POLLHUP));
#else
    errno = 0;
    CHECK("calls.poll_enosys", poll(entries, 3, 0) == -1 && errno == ENOSYS);
    close(fds[1]);
#endif
    close(fds[0]);
}

/* Runs this program with a child action through posix_spawn, stdout into
 * a pipe (an adddup2 action) and, if given, more actions and attributes;
 * returns the wait status, the output in `output`. */
static int spawn_child(const char* what, const char* extra, posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* attributes, char* output, size_t size, int* error)
{
    int fds[2];
    pipe(fds);
    posix_spawn_file_actions_t own;
    if (actions == NULL) {
        posix_spawn_file_actions_init(&own);
        actions = &own;
    }
    posix_spawn_file_actions_adddup2(actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(actions, fds[0]);
    char option[64];
    snprintf(option, sizeof option, "--child=%s", what);
    /* Absolute: a chdir action must not change what runs. */
    char program[PATH_MAX];
    if (realpath(test_program, program) == NULL)
        snprintf(program, sizeof program, "%s", test_program);
    char* argv[] = { program, option, (char*)extra, NULL };
    pid_t pid = -1;
    *error = posix_spawn(&pid, program, actions, attributes, argv, environ);
    if (actions == &own)
        posix_spawn_file_actions_destroy(&own);
    close(fds[1]);
    size_t used = 0;
    ssize_t got;
    while (used + 1 < size && (got = read(fds[0], output + used, size - 1 - used)) > 0)
        used += (size_t)got;
    output[used] = '\0';
    close(fds[0]);
    int status = -1;
    if (*error == 0 && waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

static void check_spawn(void)
{
    char output[600];
    int error = -1;
    int status = spawn_child("exit=3", NULL, NULL, NULL, output, sizeof output, &error);
    check_format("calls.spawn_runs", error == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 3
            && strcmp(output, "exiting with 3") == 0, "error %d status %#x output \"%s\"", error, status, output);

    /* chdir, a closed descriptor and an opened one. */
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    CHECK("calls.spawn_addchdir", posix_spawn_file_actions_addchdir_np(&actions, test_directory) == 0);
    status = spawn_child("cwd", NULL, &actions, NULL, output, sizeof output, &error);
    posix_spawn_file_actions_destroy(&actions);
    char expected[600];
    char real[PATH_MAX];
    snprintf(expected, sizeof expected, "cwd:%s", realpath(test_directory, real) ? real : test_directory);
    check_format("calls.spawn_chdir_action", error == 0 && status == 0 && strcmp(output, expected) == 0,
        "error %d output \"%s\"", error, output);

    int keep = open("/dev/null", O_RDONLY); /* inherited unless closed */
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, keep);
    char number[16];
    snprintf(number, sizeof number, "%d", keep);
    status = spawn_child("descriptor", number, &actions, NULL, output, sizeof output, &error);
    posix_spawn_file_actions_destroy(&actions);
    check_format("calls.spawn_close_action", error == 0 && strcmp(output, "descriptor:closed") == 0, "%s", output);
    status = spawn_child("descriptor", number, NULL, NULL, output, sizeof output, &error);
    check_format("calls.spawn_inherits", error == 0 && strcmp(output, "descriptor:open") == 0, "%s", output);
    close(keep);

    const char* opened = test_path("spawn-open");
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 7, opened, O_WRONLY | O_CREAT, 0600);
    status = spawn_child("descriptor", "7", &actions, NULL, output, sizeof output, &error);
    posix_spawn_file_actions_destroy(&actions);
    struct stat st;
    check_format("calls.spawn_open_action", error == 0 && strcmp(output, "descriptor:open") == 0
            && stat(opened, &st) == 0 && (st.st_mode & 0777) == 0600, "%s", output);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    status = spawn_child("group", NULL, NULL, &attributes, output, sizeof output, &error);
    check_format("calls.spawn_setpgroup", error == 0 && strcmp(output, "group:own") == 0, "%s", output);
    posix_spawnattr_destroy(&attributes);

    /* An exec failure is posix_spawn's error, and leaves no child. */
    char* argv[] = { "/nonexistent/program", NULL };
    pid_t pid = 0;
    error = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, argv, environ);
    int reaped = waitpid(-1, &status, WNOHANG);
    check_format("calls.spawn_exec_failure", error == ENOENT && reaped == -1 && errno == ECHILD,
        "error %d waitpid %d", error, reaped);
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 5, "/nonexistent/file", O_RDONLY, 0);
    error = posix_spawn(&pid, test_program, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    CHECK("calls.spawn_action_failure", error == ENOENT && waitpid(-1, &status, WNOHANG) == -1);

    posix_spawn_file_actions_init(&actions);
    CHECK("calls.spawn_bad_descriptor", posix_spawn_file_actions_addclose(&actions, -1) == EBADF
            && posix_spawn_file_actions_adddup2(&actions, 0, 100000) == EBADF);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_init(&attributes);
    CHECK("calls.spawnattr_unknown_flag", posix_spawnattr_setflags(&attributes, 0x4000) == EINVAL);
    short flags = -1;
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
    CHECK("calls.spawnattr_flags", posix_spawnattr_getflags(&attributes, &flags) == 0 && flags == POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_destroy(&attributes);

    char* true_argv[] = { "true", NULL };
    error = posix_spawnp(&pid, "true", NULL, NULL, true_argv, environ);
    CHECK("calls.spawnp_searches", error == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)
            && WEXITSTATUS(status) == 0);
    CHECK("calls.spawnp_missing", posix_spawnp(&pid, "no-such-program-here", NULL, NULL, true_argv, environ) == ENOENT);
}

#if BANOS_PROGRAM_ABI >= 3
static volatile sig_atomic_t alarms;
static void on_alarm(int number)
{
    (void)number;
    ++alarms;
}
#endif

static void check_timers_and_signals(void)
{
#if BANOS_PROGRAM_ABI >= 3
    signal(SIGALRM, on_alarm);
    CHECK("calls.alarm_none_before", alarm(100) == 0);
    unsigned left = alarm(0);
    CHECK("calls.alarm_cancel_returns_left", left >= 99 && left <= 100);
    alarms = 0;
    alarm(1);
    while (alarms == 0)
        pause();
    CHECK("calls.alarm_delivers_sigalrm", alarms == 1 && alarm(0) == 0);
    signal(SIGALRM, SIG_DFL);

    struct timespec resolution = { -1, -1 };
    CHECK("calls.clock_getres", clock_getres(CLOCK_MONOTONIC, &resolution) == 0 && resolution.tv_sec == 0
            && resolution.tv_nsec > 0 && clock_getres(CLOCK_REALTIME, NULL) == 0);
    errno = 0;
    CHECK("calls.clock_getres_bad_clock", clock_getres(12345, &resolution) == -1 && errno == EINVAL);

    sigset_t block, pending, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR2);
    signal(SIGUSR2, SIG_IGN); /* dropped, never delivered */
    CHECK("calls.sigpending", sigpending(&pending) == 0 && !sigismember(&pending, SIGUSR2));
    signal(SIGUSR2, SIG_DFL);
    raise(SIGUSR2);
    CHECK("calls.sigpending_blocked", sigpending(&pending) == 0 && sigismember(&pending, SIGUSR2));
    signal(SIGUSR2, SIG_IGN);
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGUSR2, SIG_DFL);
#else
    errno = 0;
    CHECK("calls.alarm_enosys", alarm(1) == 0 && errno == ENOSYS);
    sigset_t pending;
    errno = 0;
    CHECK("calls.sigpending_enosys", sigpending(&pending) == -1 && errno == ENOSYS);
#if BANOS_PROGRAM_ABI == 2
    struct timespec resolution;
    errno = 0;
    CHECK("calls.clock_getres_enosys", clock_getres(CLOCK_MONOTONIC, &resolution) == -1 && errno == ENOSYS);
#endif
#endif
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    check_format("calls.sysconf_cpus", cpus >= 1 && sysconf(_SC_NPROCESSORS_CONF) >= 1, "%ld", cpus);
}

static void check_files(void)
{
    const char* path = test_path("synced");
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    write(fd, "x", 1);
#if BANOS_PROGRAM_ABI >= 3
    CHECK("calls.fsync", fsync(fd) == 0);
    errno = 0;
    CHECK("calls.fsync_bad_descriptor", fsync(9999) == -1 && errno == EBADF);
    char before[512], after[512], real[PATH_MAX];
    getcwd(before, sizeof before);
    int directory = open(test_directory, O_RDONLY | O_DIRECTORY);
    CHECK("calls.fchdir", fchdir(directory) == 0 && getcwd(after, sizeof after) != NULL
            && strcmp(after, realpath(test_directory, real)) == 0);
    errno = 0;
    CHECK("calls.fchdir_not_directory", fchdir(fd) == -1 && errno == ENOTDIR);
    chdir(before);
    close(directory);

    struct stat st;
    CHECK("calls.stat_birth_time", stat(path, &st) == 0 && ((st.st_flags & BANOS_V3_STAT_BIRTHTIME)
            ? st.st_birthtim.tv_sec > 0 && st.st_birthtim.tv_sec <= st.st_mtim.tv_sec
            : st.st_birthtim.tv_sec == 0 && st.st_birthtim.tv_nsec == 0));
    struct stat by_fd;
    CHECK("calls.fstat_birth_time", fstat(fd, &by_fd) == 0 && by_fd.st_flags == st.st_flags
            && by_fd.st_birthtim.tv_sec == st.st_birthtim.tv_sec && by_fd.st_ino == st.st_ino);
#else
    errno = 0;
    CHECK("calls.fsync_enosys", fsync(fd) == -1 && errno == ENOSYS);
    errno = 0;
    CHECK("calls.fchdir_enosys", fchdir(fd) == -1 && errno == ENOSYS);
#endif
    close(fd);
}

void test_calls(void)
{
    check_vectors();
    check_poll();
    check_spawn();
    check_timers_and_signals();
    check_files();
}
