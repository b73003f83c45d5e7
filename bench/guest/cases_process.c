/* Whole-process operations: fork+exit+wait, running a hello program
 * (fork+exec+exit+wait, one entry per kind of executable), a byte's round
 * trip between two processes through pipes, and a module install. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "platform.h"

static int wait_for(pid_t pid, const char* what)
{
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return bench_fail("%s: waitpid failed", what);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return bench_fail("%s: child ended with status %#x", what, status);
    return 0;
}

static int fork_exit_wait(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i) {
        pid_t pid = fork();
        if (pid < 0)
            return bench_fail("fork failed");
        if (pid == 0)
            _exit(0);
        if (wait_for(pid, "fork") != 0)
            return -1;
    }
    return 0;
}

/* The exec cases: each runs one hello program from bench_hello_dir with
 * its output sent to /dev/null. A kind whose program is not in the image
 * is reported as not available, with the reason. */
struct hello_kind {
    const char* file;
    const char* missing; /* why the file may be absent */
};

static const struct hello_kind kStaticHello = { "bench_hello", "the static hello is not in the image" };
static const struct hello_kind kDynamicHello = {
    "bench_hello_dynamic", "not yet available: no dynamic hello in the image (needs ld-elf)"
};

static char hello_path[256];
static const struct hello_kind* hello_running;

static const char* prepare_hello(const struct hello_kind* kind)
{
    snprintf(hello_path, sizeof(hello_path), "%s/%s", bench_hello_dir, kind->file);
    hello_running = kind;
    return access(hello_path, X_OK) == 0 ? NULL : kind->missing;
}

static const char* prepare_static_hello(void) { return prepare_hello(&kStaticHello); }
static const char* prepare_dynamic_hello(void) { return prepare_hello(&kDynamicHello); }

static int run_hello(uint64_t n)
{
    char* const argv[] = { hello_path, NULL };
    char* const envp[] = { NULL };
    for (uint64_t i = 0; i < n; ++i) {
        pid_t pid = fork();
        if (pid < 0)
            return bench_fail("fork failed");
        if (pid == 0) {
            int null_fd = open("/dev/null", O_WRONLY);
            if (null_fd >= 0)
                dup2(null_fd, STDOUT_FILENO);
            execve(hello_path, argv, envp);
            _exit(127);
        }
        if (wait_for(pid, hello_running->file) != 0)
            return -1;
    }
    return 0;
}

/* Exec to main: the child reads the TSC just before execve and passes it
 * as the hello's argument; the hello's main writes the ticks since to a
 * pipe. Only that span counts, not the fork, exit or wait around it. */
static int exec_to_main(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i) {
        int pipe_ends[2];
        if (pipe(pipe_ends) != 0)
            return bench_fail("pipe failed");
        pid_t pid = fork();
        if (pid < 0)
            return bench_fail("fork failed");
        if (pid == 0) {
            dup2(pipe_ends[1], STDOUT_FILENO);
            close(pipe_ends[0]);
            close(pipe_ends[1]);
            char since[32];
            char* const argv[] = { hello_path, since, NULL };
            char* const envp[] = { NULL };
            snprintf(since, sizeof(since), "%llu", (unsigned long long)bench_ticks());
            execve(hello_path, argv, envp);
            _exit(127);
        }
        close(pipe_ends[1]);
        char line[32];
        ssize_t got = 0, part;
        while (got < (ssize_t)sizeof(line) - 1 && (part = read(pipe_ends[0], line + got, sizeof(line) - 1 - (size_t)got)) > 0)
            got += part;
        close(pipe_ends[0]);
        line[got > 0 ? got : 0] = '\0';
        if (wait_for(pid, hello_running->file) != 0)
            return -1;
        if (got <= 0)
            return bench_fail("%s wrote no exec-to-main time", hello_running->file);
        bench_own_ticks += strtoull(line, NULL, 10);
    }
    return 0;
}

/* Ping-pong: the parent sends a byte through one pipe, the child sends it
 * back through another; one iteration is one round trip. */
static int to_child[2] = { -1, -1 }, to_parent[2] = { -1, -1 };
static pid_t echo_child = -1;

static void close_pipes(void)
{
    for (int i = 0; i < 2; ++i) {
        if (to_child[i] >= 0)
            close(to_child[i]);
        if (to_parent[i] >= 0)
            close(to_parent[i]);
        to_child[i] = to_parent[i] = -1;
    }
}

static const char* start_echo(void)
{
    if (pipe(to_child) != 0 || pipe(to_parent) != 0) {
        close_pipes();
        return "pipe failed";
    }
    echo_child = fork();
    if (echo_child < 0) {
        close_pipes();
        return "fork failed";
    }
    if (echo_child == 0) {
        close(to_child[1]);
        close(to_parent[0]);
        char byte;
        while (read(to_child[0], &byte, 1) == 1)
            if (write(to_parent[1], &byte, 1) != 1)
                _exit(1);
        _exit(0);
    }
    close(to_child[0]);
    close(to_parent[1]);
    to_child[0] = to_parent[1] = -1;
    return NULL;
}

static void stop_echo(void)
{
    close_pipes(); /* the child reads end of file and leaves */
    int status;
    waitpid(echo_child, &status, 0);
    echo_child = -1;
}

static int ping_pong(uint64_t n)
{
    char byte = 'p';
    for (uint64_t i = 0; i < n; ++i) {
        if (write(to_child[1], &byte, 1) != 1)
            return bench_fail("write to the echo child failed");
        if (read(to_parent[0], &byte, 1) != 1)
            return bench_fail("read from the echo child failed");
    }
    return 0;
}

const struct bench_case bench_process_cases[] = {
    { "fork.exit.wait", NULL, fork_exit_wait, NULL, 1, 0 },
    { "exec.static_hello", prepare_static_hello, run_hello, NULL, 1, 0 },
    { "exec.dynamic_hello", prepare_dynamic_hello, run_hello, NULL, 1, 0 },
    { "exec_to_main.static_hello", prepare_static_hello, exec_to_main, NULL, 1, 1 },
    { "exec_to_main.dynamic_hello", prepare_dynamic_hello, exec_to_main, NULL, 1, 1 },
    { "pipe.ping_pong", start_echo, ping_pong, stop_echo, 0, 0 },
    { "module.install", platform_module_install_prepare, platform_module_install, NULL, 1, 0 },
};
const int bench_process_case_count = sizeof(bench_process_cases) / sizeof(bench_process_cases[0]);
