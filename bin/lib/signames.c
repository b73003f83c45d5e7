#include "signames.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct signal_info {
    int sig;
    const char *name;
};

/* Only the signals every POSIX system has; numbers come from <signal.h>. */
static const struct signal_info signals[] = {
    {SIGHUP, "HUP"},
    {SIGINT, "INT"},
    {SIGQUIT, "QUIT"},
    {SIGILL, "ILL"},
    {SIGTRAP, "TRAP"},
    {SIGABRT, "ABRT"},
    {SIGBUS, "BUS"},
    {SIGFPE, "FPE"},
    {SIGKILL, "KILL"},
    {SIGUSR1, "USR1"},
    {SIGSEGV, "SEGV"},
    {SIGUSR2, "USR2"},
    {SIGPIPE, "PIPE"},
    {SIGALRM, "ALRM"},
    {SIGTERM, "TERM"},
    {SIGCHLD, "CHLD"},
    {SIGCONT, "CONT"},
    {SIGSTOP, "STOP"},
    {SIGTSTP, "TSTP"},
    {SIGTTIN, "TTIN"},
    {SIGTTOU, "TTOU"},
#ifdef SIGSYS
    {SIGSYS, "SYS"},
#endif
#ifdef SIGWINCH
    {SIGWINCH, "WINCH"},
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
    /* libc's descriptions; its text for an unknown number is not ours. */
    if (signal_name(sig))
        return strsignal(sig);
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
