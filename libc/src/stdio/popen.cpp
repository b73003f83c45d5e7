#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../internal/failure.h"
#include "../internal/stdio.h"

using banos::libc::fail;

extern "C" FILE* popen(const char* command, const char* mode)
{
    bool reading = mode[0] == 'r';
    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] != '\0' && mode[1] != 'e'))
        return fail<FILE*>(EINVAL, nullptr);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return nullptr;
    int ours = reading ? fds[0] : fds[1];
    int theirs = reading ? fds[1] : fds[0];
    fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(fds[0]);
        close(fds[1]);
        return fail<FILE*>(saved, nullptr);
    }
    if (pid == 0) {
        int target = reading ? STDOUT_FILENO : STDIN_FILENO;
        if (theirs != target)
            dup2(theirs, target);
        else
            fcntl(theirs, F_SETFD, 0);
        execl("/bin/sh", "sh", "-c", command, static_cast<char*>(nullptr));
        _exit(127);
    }
    close(theirs);
    FILE* stream = fdopen(ours, reading ? "r" : "w");
    if (stream == nullptr) {
        close(ours);
        waitpid(pid, nullptr, 0);
        return nullptr;
    }
    stream->child = pid;
    return stream;
}

extern "C" int pclose(FILE* stream)
{
    pid_t pid = stream->child;
    if (pid <= 0)
        return fail(ECHILD);
    fclose(stream);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return status;
}
