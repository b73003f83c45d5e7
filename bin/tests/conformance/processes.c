/* Processes: fork, _exit, execve, waitpid, process groups and sessions.
 * Every test that forks reaps what it forked. The exec tests run this
 * program again as "conformance --child <what> ...": see
 * conformance_child_main at the end. */
#include "conformance.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int wait_for(pid_t pid, int options)
{
    int status = -1;
    pid_t waited;
    do
        waited = waitpid(pid, &status, options);
    while (waited < 0 && errno == EINTR);
    return waited == pid ? status : -1;
}

static int counter = 5;

TEST(processes, fork, "fork _exit waitpid")
{
    int fds[2];
    REQUIRE(pipe(fds) == 0, "pipe");
    fflush(stdout);
    int32_t parent = getpid();
    int32_t pid = __banos_slot_fork();
    if (pid == 0) {
        /* The child's memory is a copy; descriptors are shared. */
        counter = 99;
        int32_t me = __banos_slot_getpid();
        (void)write(fds[1], &me, sizeof(me));
        __banos_slot__exit(getppid() == parent && me != parent ? 42 : 1);
    }
    REQUIRE(pid > 0, "fork: %s", conformance_errno_name(errno));
    int32_t reported = 0;
    EXPECT(read(fds[0], &reported, sizeof(reported)) == sizeof(reported) && reported == pid,
           "fork returned %d, the child says it is %d", pid, reported);
    int status = wait_for(pid, 0);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 42, "child status %#x", status);
    EXPECT(counter == 5, "the child's write reached the parent");
    close(fds[0]);
    close(fds[1]);
}

TEST(processes, exit_status, "_exit waitpid")
{
    /* Only the low 8 bits of the status reach the parent. */
    static const int statuses[] = { 0, 1, 255, 256 + 7 };
    for (int i = 0; i < 4; ++i) {
        pid_t pid = conformance_fork();
        if (pid == 0)
            __banos_slot__exit(statuses[i]);
        int status = wait_for(pid, 0);
        EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == (statuses[i] & 0xff), "_exit(%d) gave status %#x",
               statuses[i], status);
    }
}

TEST(processes, waitpid, "waitpid kill")
{
    int status = 0;
    EXPECT_ERRNO(__banos_slot_waitpid(-1, &status, 0), ECHILD);
    EXPECT_ERRNO(__banos_slot_waitpid(-1, &status, WNOHANG), ECHILD);
    EXPECT_ERRNO(__banos_slot_waitpid(1 << 20, &status, 0), ECHILD);
    /* A child still running: WNOHANG gives 0 at once. */
    int gate[2];
    REQUIRE(pipe(gate) == 0, "pipe");
    pid_t pid = conformance_fork();
    if (pid == 0) {
        char c;
        close(gate[1]);
        _exit(read(gate[0], &c, 1) == 0 ? 3 : 4);
    }
    close(gate[0]);
    EXPECT(__banos_slot_waitpid(pid, &status, WNOHANG) == 0, "WNOHANG on a running child did not return 0");
    EXPECT_ERRNO(__banos_slot_waitpid(pid, &status, 0x40000000), EINVAL);
    close(gate[1]);
    status = 0;
    int32_t waited = __banos_slot_waitpid(pid, &status, 0);
    EXPECT(waited == pid && WIFEXITED(status) && WEXITSTATUS(status) == 3, "waitpid = %d, status %#x", waited, status);
    EXPECT_ERRNO(__banos_slot_waitpid(pid, &status, 0), ECHILD);
    /* Killed by a signal; a NULL status is allowed. */
    pid = conformance_fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGKILL);
    status = wait_for(pid, 0);
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "killed child status %#x", status);
    pid = conformance_fork();
    if (pid == 0)
        _exit(0);
    EXPECT(__banos_slot_waitpid(pid, NULL, 0) == pid, "waitpid with a NULL status: %s", conformance_errno_name(errno));
    /* -1 waits for any child; a pid for that one only. */
    pid_t first = conformance_fork();
    if (first == 0)
        _exit(11);
    pid_t second = conformance_fork();
    if (second == 0)
        _exit(12);
    status = wait_for(second, 0);
    EXPECT(WEXITSTATUS(status) == 12, "waitpid(second) got status %#x", status);
    waited = __banos_slot_waitpid(-1, &status, 0);
    EXPECT(waited == first && WEXITSTATUS(status) == 11, "waitpid(-1) = %d (first %d), status %#x", waited, first,
           status);
}

TEST(processes, execve, "execve")
{
    /* Arguments and environment arrive; the process keeps its pid. */
    pid_t pid = conformance_fork();
    if (pid == 0) {
        char pid_text[16];
        snprintf(pid_text, sizeof(pid_text), "%d", (int)getpid());
        char* const argv[] = { (char*)conformance_program, "--child", "arguments", pid_text, "two words", "", NULL };
        char* const envp[] = { "CONFORMANCE_A=1", "CONFORMANCE_B=b=c", NULL };
        __banos_slot_execve(conformance_program, argv, envp);
        _exit(100 + errno);
    }
    int status = wait_for(pid, 0);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
           "exec'd child status %#x (exit 1-9: argv/env check n failed, 100+: execve failed with errno n-100)",
           status);
}

TEST(processes, execve_resets, "execve fcntl sigaction")
{
    /* Close-on-exec descriptors close; handled signals return to their
     * default action, ignored ones stay ignored. */
    pid_t pid = conformance_fork();
    if (pid == 0) {
        int kept = open("/dev/null", O_RDONLY);
        int closed = open("/dev/null", O_RDONLY | O_CLOEXEC);
        signal(SIGUSR1, conformance_count_signal);
        signal(SIGUSR2, SIG_IGN);
        char kept_text[8], closed_text[8];
        snprintf(kept_text, sizeof(kept_text), "%d", kept);
        snprintf(closed_text, sizeof(closed_text), "%d", closed);
        char* const argv[] = { (char*)conformance_program, "--child", "after-exec", kept_text, closed_text, NULL };
        char* const envp[] = { NULL };
        execve(conformance_program, argv, envp);
        _exit(100 + errno);
    }
    int status = wait_for(pid, 0);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
           "exec'd child status %#x (exit 1: kept descriptor closed, 2: close-on-exec one open, 3: handler survived, "
           "4: ignored signal reset)",
           status);
}

static int child_exec_failures(void* executable_garbage)
{
    char* const argv[] = { "x", NULL };
    char* const envp[] = { NULL };
    errno = 0;
    if (__banos_slot_execve("/no/such/program", argv, envp) != -1 || errno != ENOENT)
        return 1;
    errno = 0;
    if (__banos_slot_execve("/tmp", argv, envp) != -1 || errno != EACCES)
        return 2;
    errno = 0;
    if (__banos_slot_execve("/dev/null", argv, envp) != -1 || errno != EACCES)
        return 3;
    errno = 0;
    if (__banos_slot_execve((const char*)executable_garbage, argv, envp) != -1 || errno != ENOEXEC)
        return 4;
    errno = 0;
    if (__banos_slot_execve((const char*)16, argv, envp) != -1 || errno != EFAULT)
        return 5;
    errno = 0;
    if (__banos_slot_execve(conformance_program, (char* const*)16, envp) != -1 || errno != EFAULT)
        return 6;
    /* A program built for a program ABI no layer serves. */
    errno = 0;
    if (__banos_slot_execve("/bin/hello-noabi", argv, envp) != -1 || errno != ENOEXEC)
        return 7;
    return 0;
}

TEST(processes, execve_errors, "execve")
{
    SCRATCH(garbage, "not-a-program");
    REQUIRE(conformance_write_file(garbage, "#!nothing\nthis is not ELF\n") == 0 && chmod(garbage, 0755) == 0,
            "cannot create %s", garbage);
    int status = conformance_in_child(child_exec_failures, garbage);
    EXPECT(status == 0,
           "child exit %d (1 ENOENT, 2 directory EACCES, 3 device EACCES, 4 ENOEXEC, 5-6 EFAULT, 7 hello-noabi "
           "not ENOEXEC)",
           WEXITSTATUS(status));
    unlink(garbage);
}

static int child_process_group(void* unused)
{
    (void)unused;
    int32_t me = getpid();
    if (__banos_slot_setpgid(0, 0) != 0)
        return 1;
    if (__banos_slot_getpgid(0) != me || __banos_slot_getpgid(me) != me)
        return 2;
    /* A group must exist in the session to be joined. */
    errno = 0;
    if (__banos_slot_setpgid(0, 1 << 20) != -1 || errno != EPERM)
        return 3;
    errno = 0;
    if (__banos_slot_setpgid(0, -1) != -1 || errno != EINVAL)
        return 4;
    return 0;
}

TEST(processes, process_groups, "setpgid getpgid")
{
    int32_t mine = __banos_slot_getpgid(0);
    EXPECT(mine > 0 && mine == __banos_slot_getpgid(getpid()), "getpgid(0) %d", mine);
    EXPECT_ERRNO(__banos_slot_getpgid(1 << 20), ESRCH);
    EXPECT_ERRNO(__banos_slot_setpgid(1 << 20, 0), ESRCH);
    int status = conformance_in_child(child_process_group, NULL);
    EXPECT(status == 0, "child exit %d (1 setpgid failed, 2 getpgid wrong, 3 joining a missing group, 4 EINVAL)",
           WEXITSTATUS(status));
    /* The parent may move its child into a group of its own. */
    int gate[2];
    REQUIRE(pipe(gate) == 0, "pipe");
    pid_t pid = conformance_fork();
    if (pid == 0) {
        char c;
        close(gate[1]);
        (void)read(gate[0], &c, 1);
        _exit(getpgid(0) == getpid() ? 0 : 1);
    }
    close(gate[0]);
    EXPECT(__banos_slot_getpgid(pid) == mine, "a new child is not in its parent's group");
    EXPECT(__banos_slot_setpgid(pid, pid) == 0, "setpgid(child, child): %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_getpgid(pid) == pid, "the child's group is %d", __banos_slot_getpgid(pid));
    close(gate[1]);
    status = wait_for(pid, 0);
    EXPECT(status == 0, "the child did not see its new group: status %#x", status);
}

static int child_session(void* unused)
{
    (void)unused;
    int32_t me = getpid();
    int32_t old = __banos_slot_getsid(0);
    if (old <= 0 || old == me)
        return 1;
    if (__banos_slot_setsid() != me)
        return 2;
    if (__banos_slot_getsid(0) != me || __banos_slot_getsid(me) != me || getpgid(0) != me)
        return 3;
    /* A group leader cannot start another session. */
    errno = 0;
    if (__banos_slot_setsid() != -1 || errno != EPERM)
        return 4;
    return 0;
}

TEST(processes, sessions, "setsid getsid")
{
    int32_t mine = __banos_slot_getsid(0);
    EXPECT(mine > 0 && __banos_slot_getsid(getpid()) == mine, "getsid(0) %d", mine);
    EXPECT_ERRNO(__banos_slot_getsid(1 << 20), ESRCH);
    int status = conformance_in_child(child_session, NULL);
    EXPECT(status == 0, "child exit %d (1 getsid, 2 setsid, 3 new ids, 4 second setsid not EPERM)",
           WEXITSTATUS(status));
}

#ifdef BANOS_HAS_SLOT_posix_spawn
/* Program ABI 3: posix_spawn, native on kernel ABI 3 and emulated (fork and
 * execve in the layer) on 1 and 2: the same results either way. */
static int wait_status(pid_t pid)
{
    int status = -1;
    return waitpid(pid, &status, 0) == pid ? status : -1;
}

TEST(processes, posix_spawn, "posix_spawn")
{
    _Static_assert(sizeof(struct banos_v3_spawn_action) == 32 && sizeof(struct banos_v3_spawn_attributes) == 24,
                   "spawn structure layouts");
    char* const argv[] = { (char*)conformance_program, "--child", "spawned", "two words", "", NULL };
    char* const envp[] = { "CONFORMANCE_A=1", "CONFORMANCE_B=b=c", NULL };
    int32_t pid = -1;
    EXPECT(__banos_slot_posix_spawn(&pid, conformance_program, NULL, NULL, argv, envp) == 0, "posix_spawn: %s",
           conformance_errno_name(errno));
    REQUIRE(pid > 0 && pid != getpid(), "pid %d", pid);
    int status = wait_status(pid);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0, "spawned child status %#x (exit 1-6: check n failed)",
           status);
    /* An exec failure is the call's failure, and leaves no child. */
    pid = -1;
    EXPECT_ERRNO(__banos_slot_posix_spawn(&pid, "/no/such/program", NULL, NULL, argv, envp), ENOENT);
    EXPECT_ERRNO(__banos_slot_posix_spawn(&pid, "/tmp", NULL, NULL, argv, envp), EACCES);
    EXPECT_ERRNO(__banos_slot_posix_spawn(&pid, "/bin/hello-noabi", NULL, NULL, argv, envp), ENOEXEC);
    EXPECT(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD, "a failed spawn left a child");
    EXPECT_ERRNO(__banos_slot_posix_spawn(&pid, (const char*)16, NULL, NULL, argv, envp), EFAULT);
}

TEST(processes, posix_spawn_actions, "posix_spawn")
{
    /* Open a file on 7, make it stdout, close 7, change directory: the
     * child writes what it sees to its stdout, which is the file. */
    SCRATCH(directory, "spawn-dir");
    SCRATCH(output, "spawn-out");
    REQUIRE(mkdir(directory, 0755) == 0, "mkdir: %s", conformance_errno_name(errno));
    struct banos_v3_spawn_action steps[] = {
        { BANOS_SPAWN_ACTION_OPEN, 7, 0, O_WRONLY | O_CREAT | O_TRUNC, 0600, 0, output },
        { BANOS_SPAWN_ACTION_DUP2, 1, 7, 0, 0, 0, NULL },
        { BANOS_SPAWN_ACTION_CLOSE, 7, 0, 0, 0, 0, NULL },
        { BANOS_SPAWN_ACTION_CHDIR, 0, 0, 0, 0, 0, directory },
    };
    struct banos_v3_spawn_actions actions = { 4, 0, steps };
    char* const argv[] = { (char*)conformance_program, "--child", "spawn-report", NULL };
    char* const envp[] = { NULL };
    int32_t pid = -1;
    EXPECT(__banos_slot_posix_spawn(&pid, conformance_program, &actions, NULL, argv, envp) == 0, "posix_spawn: %s",
           conformance_errno_name(errno));
    int status = pid > 0 ? wait_status(pid) : -1;
    EXPECT(status == 0, "child status %#x", status);
    char text[256] = { 0 };
    int fd = open(output, O_RDONLY);
    EXPECT(fd >= 0 && read(fd, text, sizeof(text) - 1) > 0, "nothing written to %s", output);
    close(fd);
    char expected[256];
    snprintf(expected, sizeof(expected), "cwd=%s fd7=closed pgroup=inherited mask=0 usr2=default\n", directory);
    EXPECT(strcmp(text, expected) == 0, "the child reported '%s', expected '%s'", text, expected);
    /* A failing action fails the call. */
    struct banos_v3_spawn_action bad[] = { { BANOS_SPAWN_ACTION_CHDIR, 0, 0, 0, 0, 0, "/no/such/directory" } };
    struct banos_v3_spawn_actions bad_actions = { 1, 0, bad };
    EXPECT_ERRNO(__banos_slot_posix_spawn(&pid, conformance_program, &bad_actions, NULL, argv, envp), ENOENT);
    unlink(output);
    rmdir(directory);
}

TEST(processes, posix_spawn_attributes, "posix_spawn")
{
    SCRATCH(output, "spawn-attributes");
    struct banos_v3_spawn_action steps[] = {
        { BANOS_SPAWN_ACTION_OPEN, 1, 0, O_WRONLY | O_CREAT | O_TRUNC, 0600, 0, output },
    };
    struct banos_v3_spawn_actions actions = { 1, 0, steps };
    struct banos_v3_spawn_attributes attributes = {
        BANOS_SPAWN_SETPGROUP | BANOS_SPAWN_SETSIGMASK | BANOS_SPAWN_SETSIGDEF, 0, 1ull << (SIGUSR1 - 1),
        1ull << (SIGUSR2 - 1),
    };
    /* The child would inherit SIGUSR2 ignored, but SETSIGDEF resets it. */
    signal(SIGUSR2, SIG_IGN);
    char* const argv[] = { (char*)conformance_program, "--child", "spawn-report", NULL };
    char* const envp[] = { NULL };
    int32_t pid = -1;
    EXPECT(__banos_slot_posix_spawn(&pid, conformance_program, &actions, &attributes, argv, envp) == 0,
           "posix_spawn: %s", conformance_errno_name(errno));
    signal(SIGUSR2, SIG_DFL);
    int status = pid > 0 ? wait_status(pid) : -1;
    EXPECT(status == 0, "child status %#x", status);
    char text[256] = { 0 };
    int fd = open(output, O_RDONLY);
    EXPECT(fd >= 0 && read(fd, text, sizeof(text) - 1) > 0, "nothing written to %s", output);
    close(fd);
    char cwd[160], expected[256];
    getcwd(cwd, sizeof(cwd));
    snprintf(expected, sizeof(expected), "cwd=%s fd7=closed pgroup=own mask=%#llx usr2=default\n", cwd,
             1ull << (SIGUSR1 - 1));
    EXPECT(strcmp(text, expected) == 0, "the child reported '%s', expected '%s'", text, expected);
    unlink(output);
}
#endif

/* ---- the other side of the exec tests ---- */

static int check_arguments(int argc, char** argv)
{
    /* argv: program --child arguments <pid> "two words" "" */
    if (argc != 6)
        return 1;
    if (strcmp(argv[4], "two words") != 0)
        return 2;
    if (argv[5][0] != 0 || argv[6] != NULL)
        return 3;
    if (atoi(argv[3]) != getpid() || getauxval(AT_BANOS_PID) != (unsigned long)getpid())
        return 4;
    const char* a = getenv("CONFORMANCE_A");
    const char* b = getenv("CONFORMANCE_B");
    if (!a || strcmp(a, "1") != 0 || !b || strcmp(b, "b=c") != 0)
        return 5;
    if (getenv("PATH") || getenv("BANOS_SYSLAYER"))
        return 6; /* the environment is exactly what execve passed */
    return 0;
}

static int check_after_exec(int argc, char** argv)
{
    if (argc != 5)
        return 9;
    if (fcntl(atoi(argv[3]), F_GETFD) < 0)
        return 1;
    if (fcntl(atoi(argv[4]), F_GETFD) >= 0 || errno != EBADF)
        return 2;
    struct sigaction action;
    if (sigaction(SIGUSR1, NULL, &action) != 0 || action.sa_handler != SIG_DFL)
        return 3;
    if (sigaction(SIGUSR2, NULL, &action) != 0 || action.sa_handler != SIG_IGN)
        return 4;
    return 0;
}

/* posix_spawn's child: argv and the environment as passed. */
static int check_spawned(int argc, char** argv)
{
    if (argc != 5 || strcmp(argv[3], "two words") != 0 || argv[4][0] != 0)
        return 1;
    const char* a = getenv("CONFORMANCE_A");
    const char* b = getenv("CONFORMANCE_B");
    if (!a || strcmp(a, "1") != 0 || !b || strcmp(b, "b=c") != 0)
        return 2;
    if (getppid() <= 0)
        return 3;
    return 0;
}

/* Reports, on stdout, what the spawn actions and attributes did. */
static int report_spawn(void)
{
    char cwd[160] = "?";
    getcwd(cwd, sizeof(cwd));
    sigset_t mask = 0;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    struct sigaction action;
    sigaction(SIGUSR2, NULL, &action);
    printf("cwd=%s fd7=%s pgroup=%s mask=%#llx usr2=%s\n", cwd, fcntl(7, F_GETFD) < 0 ? "closed" : "open",
           getpgid(0) == getpid() ? "own" : "inherited", (unsigned long long)mask,
           action.sa_handler == SIG_IGN ? "ignored" : action.sa_handler == SIG_DFL ? "default" : "handled");
    return fflush(stdout) == 0 ? 0 : 1;
}

int conformance_child_main(int argc, char** argv)
{
    if (strcmp(argv[2], "spawned") == 0)
        return check_spawned(argc, argv);
    if (strcmp(argv[2], "spawn-report") == 0)
        return report_spawn();
    if (strcmp(argv[2], "arguments") == 0)
        return check_arguments(argc, argv);
    if (strcmp(argv[2], "after-exec") == 0)
        return check_after_exec(argc, argv);
    return 99;
}
