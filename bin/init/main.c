/* init: the first process. It reads /etc/inittab (see inittab.h), runs
 * the `once` entries one after the other, then keeps the `respawn`
 * entries running, each in its own session with the console as its
 * controlling terminal. It also reaps every orphan the kernel gives it.
 *
 *   init [-f inittab] [-c console]     (other files, for testing) */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "inittab.h"

/* The terminal everything runs on (init -c another, for testing). */
static const char *console = "/dev/console";
#define QUICK_SECONDS 2    /* an exit this soon after the start is a quick death */
#define QUICK_LIMIT 3      /* after this many quick deaths in a row, back off */
#define BACKOFF_SECONDS 5

/* The environment of everything init starts. */
static char *child_env[] = {
    "PATH=/bin:/usr/bin", "HOME=/", "SHELL=/bin/sh", "TERM=vt100", "USER=root", "LOGNAME=root", NULL,
};

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("init: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
}

/* init itself writes to the console, but never makes it its controlling
 * terminal: ^C there must not reach pid 1. */
static void open_own_console(void)
{
    for (int fd = 0; fd < 3; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue; /* open (or we cannot tell): keep it */
        int c = open(console, O_RDWR | O_NOCTTY);
        if (c < 0)
            return;
        if (c != fd) {
            dup2(c, fd);
            close(c);
        }
    }
}

/* In the child: the console as stdin/stdout/stderr; for a respawned
 * entry a new session whose controlling terminal is the console. */
static void child_setup(const struct entry *e)
{
    static const int signals[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGHUP, SIGTERM};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
        signal(signals[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);

    if (e->action == RESPAWN)
        setsid();
    else
        setpgid(0, 0);
    int fd = open(console, e->action == RESPAWN ? O_RDWR : O_RDWR | O_NOCTTY);
    if (fd < 0) {
        say("%s: %s", console, strerror(errno));
    } else {
        if (e->action == RESPAWN) {
            /* Opening a terminal in a new session may already have made it
             * the controlling one; if not, ask for it. */
            ioctl(fd, TIOCSCTTY, 0);
            tcsetpgrp(fd, getpid());
        }
        for (int i = 0; i < 3; i++)
            if (fd != i)
                dup2(fd, i);
        if (fd > 2)
            close(fd);
    }
}

static pid_t start(struct entry *e)
{
    pid_t pid = fork();
    if (pid < 0) {
        say("cannot start %s: fork: %s", e->text, strerror(errno));
        return -1;
    }
    if (pid == 0) {
        child_setup(e);
        execve(e->argv[0], e->argv, child_env);
        say("cannot run %s: %s", e->argv[0], strerror(errno));
        _exit(127);
    }
    e->pid = pid;
    e->started = time(NULL);
    return pid;
}

static void describe_exit(const struct entry *e, int status)
{
    if (WIFEXITED(status))
        say("%s exited with status %d", e->text, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        say("%s was killed by signal %d", e->text, WTERMSIG(status));
}

/* A respawn entry ended: when may it start again? */
static void schedule_restart(struct entry *e, int status)
{
    time_t now = time(NULL);
    describe_exit(e, status);
    e->pid = 0;
    if (now - e->started < QUICK_SECONDS) {
        e->quick_deaths++;
    } else {
        e->quick_deaths = 0;
    }
    e->restart_at = now;
    if (e->quick_deaths >= QUICK_LIMIT) {
        say("%s is respawning too fast: waiting %d seconds", e->text, BACKOFF_SECONDS);
        e->restart_at = now + BACKOFF_SECONDS;
    }
}

static struct entry *entry_of(struct inittab *tab, pid_t pid)
{
    for (int i = 0; i < tab->count; i++)
        if (tab->entries[i].pid == pid)
            return &tab->entries[i];
    return NULL;
}

/* Runs a once entry to its end, reaping whatever else exits meanwhile. */
static void run_once(struct inittab *tab, struct entry *e)
{
    if (start(e) < 0)
        return;
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (pid == e->pid) {
            e->pid = 0;
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                describe_exit(e, status);
            return;
        }
        (void)tab; /* an orphan: reaped, nothing more to do */
    }
}

static void supervise(struct inittab *tab)
{
    for (;;) {
        time_t now = time(NULL), next = 0;
        int alive = 0;
        for (int i = 0; i < tab->count; i++) {
            struct entry *e = &tab->entries[i];
            if (e->action != RESPAWN)
                continue;
            if (!e->pid && e->restart_at <= now)
                start(e);
            if (e->pid)
                alive++;
            else if (!next || e->restart_at < next)
                next = e->restart_at;
        }
        if (!alive && !next) {
            if (getpid() != 1)
                return; /* a test run: nothing left to do */
            say("nothing to respawn; reaping orphans");
        }
        int status;
        pid_t pid;
        if (next) {
            /* Sleep until the next restart is due, then collect exits. */
            struct timespec t = {.tv_sec = next > now ? next - now : 0, .tv_nsec = 0};
            nanosleep(&t, NULL);
            while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
                struct entry *e = entry_of(tab, pid);
                if (e)
                    schedule_restart(e, status);
            }
            continue;
        }
        pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == ECHILD && getpid() != 1)
                return;
            if (errno != EINTR) {
                struct timespec t = {.tv_sec = 1, .tv_nsec = 0};
                nanosleep(&t, NULL); /* never spin */
            }
            continue;
        }
        struct entry *e = entry_of(tab, pid);
        if (e)
            schedule_restart(e, status);
    }
}

int main(int argc, char **argv)
{
    const char *path = "/etc/inittab";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            console = argv[++i];
    }
    /* Other arguments may come from the kernel command line: ignored. */

    open_own_console();
    /* Keyboard signals are for the shell's jobs, never for init. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    if (getpid() == 1)
        signal(SIGTERM, SIG_IGN);
    /* init must not hold the console as its controlling terminal, or no
     * respawned session could take it: a new session has none, and a
     * session leader (what the kernel may make us) lets go of its own. */
    if (setsid() < 0) {
#ifdef TIOCNOTTY
        ioctl(0, TIOCNOTTY, 0);
#endif
    }

#ifdef BANOS_PROGRAM_ABI
    say("banos user space (program ABI %d), pid %d", BANOS_PROGRAM_ABI, (int)getpid());
#endif

    struct inittab tab;
    if (inittab_read(path, &tab) < 0) {
        say("%s: %s; starting /bin/sh", path, strerror(errno));
        inittab_default(&tab);
    }
    for (int i = 0; i < tab.count; i++)
        if (tab.entries[i].action == ONCE)
            run_once(&tab, &tab.entries[i]);
    supervise(&tab);
    return 0;
}
