#include "signames.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct signal_info {
    int sig;
    const char *name;
    const char *description;
};

/* Only the signals every POSIX system has; numbers come from <signal.h>. */
static const struct signal_info signals[] = {
    {SIGHUP, "HUP", "Hangup"},
    {SIGINT, "INT", "Interrupt"},
    {SIGQUIT, "QUIT", "Quit"},
    {SIGILL, "ILL", "Illegal instruction"},
    {SIGTRAP, "TRAP", "Trace/breakpoint trap"},
    {SIGABRT, "ABRT", "Aborted"},
    {SIGBUS, "BUS", "Bus error"},
    {SIGFPE, "FPE", "Floating point exception"},
    {SIGKILL, "KILL", "Killed"},
    {SIGUSR1, "USR1", "User defined signal 1"},
    {SIGSEGV, "SEGV", "Segmentation fault"},
    {SIGUSR2, "USR2", "User defined signal 2"},
    {SIGPIPE, "PIPE", "Broken pipe"},
    {SIGALRM, "ALRM", "Alarm clock"},
    {SIGTERM, "TERM", "Terminated"},
    {SIGCHLD, "CHLD", "Child exited"},
    {SIGCONT, "CONT", "Continued"},
    {SIGSTOP, "STOP", "Stopped (signal)"},
    {SIGTSTP, "TSTP", "Stopped"},
    {SIGTTIN, "TTIN", "Stopped (tty input)"},
    {SIGTTOU, "TTOU", "Stopped (tty output)"},
#ifdef SIGSYS
    {SIGSYS, "SYS", "Bad system call"},
#endif
#ifdef SIGWINCH
    {SIGWINCH, "WINCH", "Window changed"},
#endif
};
#define COUNT (sizeof signals / sizeof signals[0])

/* Case-insensitive equality of the first n bytes (n = -1: whole strings). */
static int same_name(const char *a, const char *b, long n)
{
    for (; n != 0; a++, b++, n--) {
        if (toupper((unsigned char)*a) != toupper((unsigned char)*b))
            return 0;
        if (!*a)
            return 1;
    }
    return 1;
}

const char *signal_name(int sig)
{
    for (unsigned i = 0; i < COUNT; i++)
        if (signals[i].sig == sig)
            return signals[i].name;
    return NULL;
}

int signal_number(const char *name)
{
    if (isdigit((unsigned char)name[0])) {
        char *end;
        long n = strtol(name, &end, 10);
        return *end || n < 0 || n > 64 ? -1 : (int)n;
    }
    if (same_name(name, "SIG", 3))
        name += 3;
    for (unsigned i = 0; i < COUNT; i++)
        if (same_name(signals[i].name, name, -1))
            return signals[i].sig;
    return -1;
}

const char *signal_description(int sig, char *buf, unsigned size)
{
    for (unsigned i = 0; i < COUNT; i++)
        if (signals[i].sig == sig)
            return signals[i].description;
    snprintf(buf, size, "Signal %d", sig);
    return buf;
}

void signal_each(void (*fn)(int sig, const char *name))
{
    /* The table is not in number order on every system: sort on the fly. */
    int last = 0;
    for (;;) {
        const struct signal_info *next = NULL;
        for (unsigned i = 0; i < COUNT; i++)
            if (signals[i].sig > last && (!next || signals[i].sig < next->sig))
                next = &signals[i];
        if (!next)
            return;
        fn(next->sig, next->name);
        last = next->sig;
    }
}
