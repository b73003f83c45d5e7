#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "unknown_number.h"

namespace {

const char* describe(int number)
{
    switch (number) {
    case SIGHUP:
        return "Hangup";
    case SIGINT:
        return "Interrupt";
    case SIGQUIT:
        return "Quit";
    case SIGILL:
        return "Illegal instruction";
    case SIGTRAP:
        return "Trace/breakpoint trap";
    case SIGABRT:
        return "Aborted";
    case SIGBUS:
        return "Bus error";
    case SIGFPE:
        return "Floating point exception";
    case SIGKILL:
        return "Killed";
    case SIGUSR1:
        return "User defined signal 1";
    case SIGSEGV:
        return "Segmentation fault";
    case SIGUSR2:
        return "User defined signal 2";
    case SIGPIPE:
        return "Broken pipe";
    case SIGALRM:
        return "Alarm clock";
    case SIGTERM:
        return "Terminated";
    case SIGCHLD:
        return "Child exited";
    case SIGCONT:
        return "Continued";
    case SIGSTOP:
        return "Stopped (signal)";
    case SIGTSTP:
        return "Stopped";
    case SIGTTIN:
        return "Stopped (tty input)";
    case SIGTTOU:
        return "Stopped (tty output)";
    case SIGWINCH:
        return "Window changed";
    case SIGSYS:
        return "Bad system call";
    default:
        return nullptr;
    }
}

} // namespace

extern "C" char* strsignal(int number)
{
    static char unknown[banos::libc::unknown_number_size];
    return const_cast<char*>(banos::libc::describe_number(describe(number), "Unknown signal", number, unknown));
}

extern "C" void psignal(int number, const char* prefix)
{
    if (prefix != nullptr && prefix[0] != '\0')
        fprintf(stderr, "%s: %s\n", prefix, strsignal(number));
    else
        fprintf(stderr, "%s\n", strsignal(number));
}
