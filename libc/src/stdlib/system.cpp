#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

// /bin/sh -c command in a child, SIGINT and SIGQUIT ignored and SIGCHLD
// blocked in the caller meanwhile (POSIX). system(NULL): is there a shell?
extern "C" int system(const char* command)
{
    if (command == nullptr)
        return access("/bin/sh", X_OK) == 0;
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction old_interrupt, old_quit;
    sigaction(SIGINT, &ignore, &old_interrupt);
    sigaction(SIGQUIT, &ignore, &old_quit);
    sigset_t child = 0, old_mask;
    sigaddset(&child, SIGCHLD);
    sigprocmask(SIG_BLOCK, &child, &old_mask);

    int status = -1;
    pid_t pid = fork();
    if (pid == 0) {
        sigaction(SIGINT, &old_interrupt, nullptr);
        sigaction(SIGQUIT, &old_quit, nullptr);
        sigprocmask(SIG_SETMASK, &old_mask, nullptr);
        execl("/bin/sh", "sh", "-c", command, static_cast<char*>(nullptr));
        _exit(127);
    }
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0) {
            if (errno != EINTR) {
                status = -1;
                break;
            }
        }
    }
    int saved = errno;
    sigaction(SIGINT, &old_interrupt, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
    sigprocmask(SIG_SETMASK, &old_mask, nullptr);
    errno = saved;
    return status;
}
