/* Processes: fork, the exec family (PATH search, the shell fallback for
 * scripts), waitpid and the status macros, exit flushing in a child,
 * signals that end children, pipes between processes, system, popen,
 * process groups and sessions. The child side runs this same program with
 * --child=<what> (child_main). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

int child_main(const char* what, int argc, char** argv)
{
    if (strncmp(what, "exit=", 5) == 0) {
        printf("exiting with %s", what + 5); /* no newline: exit must flush */
        exit(atoi(what + 5));
    }
    if (strcmp(what, "arguments") == 0) {
        printf("arguments:");
        for (int i = 2; i < argc; ++i)
            printf("%s|", argv[i]);
        return 0;
    }
    if (strcmp(what, "environment") == 0) {
        const char* value = getenv("BANOS_CHILD_VALUE");
        printf("environment:%s", value != NULL ? value : "(none)");
        return 0;
    }
    if (strcmp(what, "count") == 0) { /* counts stdin's bytes */
        char buffer[4096];
        long total = 0;
        ssize_t got;
        while ((got = read(STDIN_FILENO, buffer, sizeof buffer)) > 0)
            total += got;
        printf("%ld", total);
        return got == 0 ? 0 : 1;
    }
    if (strcmp(what, "prompt") == 0) { /* on a terminal: the prompt must show before the read */
        printf("prompt> ");
        char answer[32];
        if (fgets(answer, sizeof answer, stdin) == NULL)
            return 2;
        printf("got %s", answer);
        return 0;
    }
    if (strcmp(what, "cwd") == 0) { /* where posix_spawn's chdir action left it */
        char cwd[512];
        printf("cwd:%s", getcwd(cwd, sizeof cwd) != NULL ? cwd : "?");
        return 0;
    }
    if (strcmp(what, "group") == 0) { /* is it its own process group's leader? */
        printf("group:%s", getpgrp() == getpid() ? "own" : "inherited");
        return 0;
    }
    if (strcmp(what, "descriptor") == 0) { /* argv[2]: is this descriptor open? */
        printf("descriptor:%s", fcntl(atoi(argv[2]), F_GETFD) >= 0 ? "open" : "closed");
        return 0;
    }
    if (strcmp(what, "abort") == 0)
        abort();
    if (strcmp(what, "segfault") == 0) {
        volatile int* volatile bad = (volatile int*)16;
        *bad = 1;
        return 0;
    }
    fprintf(stderr, "unknown child action %s\n", what);
    return 99;
}

/* Runs the test program with the given child action and arguments, its
 * stdout into `output`; returns the wait status (-1 if it could not run). */
static int run_child(char* const* argv, char* const* envp, bool search, char* output, size_t size)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        if (search)
            execvp(argv[0], argv);
        else if (envp != NULL)
            execve(argv[0], argv, envp);
        else
            execv(argv[0], argv);
        _exit(126);
    }
    close(fds[1]);
    size_t used = 0;
    ssize_t got;
    while (used + 1 < size && (got = read(fds[0], output + used, size - 1 - used)) > 0)
        used += (size_t)got;
    output[used] = '\0';
    close(fds[0]);
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

void test_process(void)
{
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0)
        _exit(getppid() == parent ? 7 : 8);
    int status = -1;
    CHECK("process.fork_exit_status", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)
            && !WIFSIGNALED(status) && WEXITSTATUS(status) == 7);

    errno = 0;
    CHECK("process.no_children", wait(&status) == -1 && errno == ECHILD);

    /* A child that waits to be killed. */
    int ready[2];
    pipe(ready);
    pid = fork();
    if (pid == 0) {
        close(ready[0]);
        write(ready[1], "r", 1);
        for (;;)
            pause();
    }
    close(ready[1]);
    char byte;
    read(ready[0], &byte, 1);
    close(ready[0]);
    CHECK("process.wnohang", waitpid(pid, &status, WNOHANG) == 0);
    CHECK("process.kill", kill(pid, SIGKILL) == 0 && waitpid(pid, &status, 0) == pid && WIFSIGNALED(status)
            && WTERMSIG(status) == SIGKILL && !WIFEXITED(status));
    errno = 0;
    CHECK("process.kill_missing", kill(pid, SIGKILL) == -1 && errno == ESRCH);

    char output[256];
    char* exit_argv[] = { (char*)test_program, "--child=exit=5", NULL };
    status = run_child(exit_argv, NULL, false, output, sizeof output);
    check_format("process.exec_and_exit_flush", WIFEXITED(status) && WEXITSTATUS(status) == 5
            && strcmp(output, "exiting with 5") == 0, "status %#x output \"%s\"", status, output);

    char* arguments_argv[] = { (char*)test_program, "--child=arguments", "a b", "", "c", NULL };
    status = run_child(arguments_argv, NULL, false, output, sizeof output);
    check_format("process.execv_arguments", status == 0 && strcmp(output, "arguments:a b||c|") == 0, "%s", output);

    char* environment[] = { "BANOS_CHILD_VALUE=given", NULL };
    char* environment_argv[] = { (char*)test_program, "--child=environment", NULL };
    status = run_child(environment_argv, environment, false, output, sizeof output);
    check_format("process.execve_environment", status == 0 && strcmp(output, "environment:given") == 0, "%s", output);
    setenv("BANOS_CHILD_VALUE", "inherited", 1);
    status = run_child(environment_argv, NULL, false, output, sizeof output);
    check_format("process.environ_inherited", status == 0 && strcmp(output, "environment:inherited") == 0, "%s", output);
    unsetenv("BANOS_CHILD_VALUE");

    /* PATH search: only the file name, with the program's directory on PATH. */
    char directory_copy[512], name_copy[512];
    snprintf(directory_copy, sizeof directory_copy, "%s", test_program);
    snprintf(name_copy, sizeof name_copy, "%s", test_program);
    char* directory = dirname(directory_copy);
    char* name = basename(name_copy);
    const char* old_path = getenv("PATH");
    char saved_path[4096];
    snprintf(saved_path, sizeof saved_path, "%s", old_path != NULL ? old_path : "");
    char path[1100];
    snprintf(path, sizeof path, "/nonexistent-banos:%s", directory);
    setenv("PATH", path, 1);
    char* search_argv[] = { name, "--child=exit=0", NULL };
    status = run_child(search_argv, NULL, true, output, sizeof output);
    check_format("process.execvp_path_search", status == 0 && strcmp(output, "exiting with 0") == 0,
        "status %#x output \"%s\"", status, output);
    setenv("PATH", saved_path, 1);
    errno = 0;
    char* missing_argv[] = { "banos-no-such-program", NULL };
    CHECK("process.execvp_missing", execvp("banos-no-such-program", missing_argv) == -1 && errno == ENOENT);
    errno = 0;
    CHECK("process.execve_missing", execve("/nonexistent/program", missing_argv, environ) == -1 && errno == ENOENT);

    /* A script without #! runs with /bin/sh. */
    const char* script = test_path("script");
    int fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    dprintf(fd, "echo script ran with \"$1\"\n");
    close(fd);
    char* script_argv[] = { (char*)script, "argument", NULL };
    status = run_child(script_argv, NULL, false, output, sizeof output);
    check_format("process.exec_script_with_shell", status == 0 && strcmp(output, "script ran with argument\n") == 0,
        "status %#x output \"%s\"", status, output);

    /* execl and friends. */
    pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", "exit 12", (char*)NULL);
        _exit(1);
    }
    CHECK("process.execl", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 12);
    pid = fork();
    if (pid == 0) {
        char* envp[] = { "SHELL_VALUE=13", NULL };
        execle("/bin/sh", "sh", "-c", "exit $SHELL_VALUE", (char*)NULL, envp);
        _exit(1);
    }
    CHECK("process.execle", waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 13);
    pid = fork();
    if (pid == 0) {
        execlp("sh", "sh", "-c", "exit 14", (char*)NULL);
        _exit(1);
    }
    CHECK("process.execlp", waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 14);

    /* Children killed by signals. */
    char* abort_argv[] = { (char*)test_program, "--child=abort", NULL };
    status = run_child(abort_argv, NULL, false, output, sizeof output);
    check_format("process.abort", WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "status %#x", status);
    char* segfault_argv[] = { (char*)test_program, "--child=segfault", NULL };
    status = run_child(segfault_argv, NULL, false, output, sizeof output);
    check_format("process.segfault", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "status %#x", status);

    /* A pipe into a child: 200000 bytes through. */
    int to_child[2], from_child[2];
    pipe(to_child);
    pipe(from_child);
    pid = fork();
    if (pid == 0) {
        dup2(to_child[0], STDIN_FILENO);
        dup2(from_child[1], STDOUT_FILENO);
        close(to_child[0]);
        close(to_child[1]);
        close(from_child[0]);
        close(from_child[1]);
        char* count_argv[] = { (char*)test_program, "--child=count", NULL };
        execv(test_program, count_argv);
        _exit(126);
    }
    close(to_child[0]);
    close(from_child[1]);
    static char block[200000];
    memset(block, 'b', sizeof block);
    bool written = true;
    for (size_t done = 0; done < sizeof block;) {
        ssize_t wrote = write(to_child[1], block + done, sizeof block - done);
        if (wrote <= 0) {
            written = false;
            break;
        }
        done += (size_t)wrote;
    }
    close(to_child[1]);
    ssize_t got = read(from_child[0], output, sizeof output - 1);
    output[got > 0 ? got : 0] = '\0';
    close(from_child[0]);
    CHECK("process.pipe_between_processes", written && waitpid(pid, &status, 0) == pid && status == 0
            && strcmp(output, "200000") == 0);

    struct rusage usage;
    memset(&usage, 0xff, sizeof usage);
    pid = fork();
    if (pid == 0)
        _exit(0);
    CHECK("process.wait4", wait4(pid, &status, 0, &usage) == pid && usage.ru_utime.tv_sec == 0 && usage.ru_maxrss == 0);

    /* Groups and sessions. */
    pid = fork();
    if (pid == 0) {
        bool ok = setpgid(0, 0) == 0 && getpgid(0) == getpid() && getpgrp() == getpid();
        ok = ok && setsid() == -1 && errno == EPERM; /* a group leader cannot */
        _exit(ok ? 0 : 1);
    }
    CHECK("process.setpgid", waitpid(pid, &status, 0) == pid && status == 0);
    pid = fork();
    if (pid == 0) {
        bool ok = setsid() == getpid() && getsid(0) == getpid() && getpgid(0) == getpid();
        _exit(ok ? 0 : 1);
    }
    CHECK("process.setsid", waitpid(pid, &status, 0) == pid && status == 0);

    /* system and popen, through /bin/sh. */
    CHECK("process.system", system(NULL) != 0 && WEXITSTATUS(system("exit 3")) == 3 && system("true") == 0);
    FILE* reading = popen("echo hello from popen; exit 4", "r");
    char line[64] = "";
    CHECK("process.popen_read", reading != NULL && fgets(line, sizeof line, reading) != NULL
            && strcmp(line, "hello from popen\n") == 0 && WEXITSTATUS(pclose(reading)) == 4);
    char command[600];
    snprintf(command, sizeof command, "cat > '%s'", test_path("popen-output"));
    FILE* writing = popen(command, "w");
    bool ok = writing != NULL && fprintf(writing, "written %d\n", 99) == 11 && pclose(writing) == 0;
    FILE* result = fopen(test_path("popen-output"), "r");
    ok = ok && result != NULL && fgets(line, sizeof line, result) != NULL && strcmp(line, "written 99\n") == 0;
    if (result != NULL)
        fclose(result);
    CHECK("process.popen_write", ok);
}
