#include "jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "../lib/signames.h"
#include "shell.h"
#include "util.h"

enum proc_state { RUNNING, STOPPED, DONE };

struct proc {
    pid_t pid;
    int status; /* waitpid status once DONE */
    enum proc_state state;
};

struct job {
    struct job *next;
    int id; /* 0 while in the foreground */
    pid_t pgid;
    struct proc *procs;
    int nprocs;
    char *text;
};

volatile sig_atomic_t got_sigint;
int shell_interrupted;

static struct job *jobs;
static int tty_fd = -1;
static pid_t shell_pgid;
static struct termios shell_modes;
static int have_modes;

static void on_sigint(int sig)
{
    (void)sig;
    got_sigint = 1;
}

void jobs_init_interactive(void)
{
    int fd = fd_copy_high(0);
    if (fd < 0)
        return;
    tty_fd = fd;

    /* Started in the background (e.g. `sh &`): wait until we are put in
     * the foreground rather than fighting for the terminal. A terminal
     * without a foreground group (0) or without job control (-1) is
     * simply taken below. */
    pid_t fg;
    while ((fg = tcgetpgrp(tty_fd)) > 0 && fg != getpgrp())
        kill(-getpgrp(), SIGTTIN);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_sigint; /* no SA_RESTART: ^C interrupts the read */
    sigaction(SIGINT, &sa, NULL);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);

    /* A session leader already leads its group; setpgid fails then. */
    setpgid(0, 0);
    shell_pgid = getpgrp();
    if (tcsetpgrp(tty_fd, shell_pgid) < 0) {
        /* No job control on this terminal: children stay in our group. */
        return;
    }
    have_modes = tcgetattr(tty_fd, &shell_modes) == 0;
    shell.jobctl = 1;
}

struct job *job_new(const char *text)
{
    struct job *j = xmalloc(sizeof *j);
    memset(j, 0, sizeof *j);
    j->text = xstrdup(text);
    j->next = jobs;
    jobs = j;
    return j;
}

static void job_free(struct job *j)
{
    for (struct job **link = &jobs; *link; link = &(*link)->next) {
        if (*link == j) {
            *link = j->next;
            break;
        }
    }
    free(j->procs);
    free(j->text);
    free(j);
}

void job_abandon(struct job *j)
{
    job_free(j);
}

static void forget_all_jobs(void)
{
    while (jobs)
        job_free(jobs);
}

void jobs_enter_subshell(void)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    signal(SIGTTIN, SIG_DFL);
    signal(SIGTTOU, SIG_DFL);
    shell.subshell = 1;
    shell.jobctl = 0;
    shell.interactive = 0;
    forget_all_jobs();
}

pid_t job_fork(struct job *j, int foreground)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        sh_error("fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        if (shell.jobctl) {
            pid_t pgid = j->pgid ? j->pgid : getpid();
            setpgid(0, pgid);
            /* Still ignoring SIGTTOU here, so this cannot stop us. */
            if (foreground)
                tcsetpgrp(tty_fd, pgid);
        }
        jobs_enter_subshell();
        return 0;
    }
    if (shell.jobctl) {
        if (!j->pgid)
            j->pgid = pid;
        setpgid(pid, j->pgid); /* both sides do it: no race on who runs first */
        if (foreground)
            tcsetpgrp(tty_fd, j->pgid);
    }
    j->procs = xrealloc(j->procs, (size_t)(j->nprocs + 1) * sizeof *j->procs);
    j->procs[j->nprocs].pid = pid;
    j->procs[j->nprocs].status = 0;
    j->procs[j->nprocs].state = RUNNING;
    j->nprocs++;
    return pid;
}

int status_from_wait(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    if (WIFSTOPPED(status))
        return 128 + WSTOPSIG(status);
    return 1;
}

/* Records what waitpid reported in the job that owns pid. */
static void record(pid_t pid, int status)
{
    for (struct job *j = jobs; j; j = j->next) {
        for (int i = 0; i < j->nprocs; i++) {
            if (j->procs[i].pid != pid)
                continue;
            if (WIFSTOPPED(status)) {
                j->procs[i].state = STOPPED;
#ifdef WIFCONTINUED
            } else if (WIFCONTINUED(status)) {
                j->procs[i].state = RUNNING;
#endif
            } else {
                j->procs[i].state = DONE;
                j->procs[i].status = status;
            }
            return;
        }
    }
    /* Not ours (a here-document writer, say): nothing to record. */
}

/* Waits for one child. Returns -1 when there is none or a signal came. */
static int wait_one(int block)
{
    int status;
#ifdef WCONTINUED
    int options = (shell.jobctl ? WUNTRACED | WCONTINUED : 0) | (block ? 0 : WNOHANG);
#else
    int options = (shell.jobctl ? WUNTRACED : 0) | (block ? 0 : WNOHANG);
#endif
    pid_t pid = waitpid(-1, &status, options);
    if (pid <= 0)
        return -1;
    record(pid, status);
    return 0;
}

void jobs_reap(void)
{
    while (wait_one(0) == 0)
        ;
}

static int job_running(struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == RUNNING)
            return 1;
    return 0;
}

static int job_stopped(struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == STOPPED)
            return 1;
    return 0;
}

static int job_status(struct job *j)
{
    return j->nprocs ? j->procs[j->nprocs - 1].status : 0;
}

static int next_job_id(void)
{
    int id = 0;
    for (struct job *j = jobs; j; j = j->next)
        if (j->id > id)
            id = j->id;
    return id + 1;
}

int job_background(struct job *j)
{
    if (!j->id)
        j->id = next_job_id();
    return j->id;
}

/* "Done", "Exit 3", "Killed", "Stopped", "Running". */
static const char *job_state_text(struct job *j, char *buf, size_t size)
{
    if (job_stopped(j))
        return "Stopped";
    if (job_running(j))
        return "Running";
    int status = job_status(j);
    if (WIFSIGNALED(status))
        return signal_description(WTERMSIG(status), buf, (unsigned)size);
    if (WEXITSTATUS(status)) {
        snprintf(buf, size, "Exit %d", WEXITSTATUS(status));
        return buf;
    }
    return "Done";
}

static void print_job(struct job *j)
{
    char buf[32];
    printf("[%d]  %-10s %s\n", j->id, job_state_text(j, buf, sizeof buf), j->text);
}

int job_wait(struct job *j)
{
    while (job_running(j)) {
        if (wait_one(1) < 0 && errno != EINTR)
            break;
    }
    if (shell.jobctl) {
        tcsetpgrp(tty_fd, shell_pgid);
        int status = job_status(j);
        if (have_modes && (job_stopped(j) || WIFSIGNALED(status)))
            tcsetattr(tty_fd, TCSADRAIN, &shell_modes);
    }
    if (job_stopped(j)) {
        job_background(j);
        fputc('\n', stdout);
        print_job(j);
        fflush(stdout);
        return 128 + SIGTSTP;
    }
    int status = job_status(j);
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGINT) {
            if (shell.interactive) {
                shell_interrupted = 1;
                fputc('\n', stderr);
            }
        } else if (sig != SIGPIPE) {
            char buf[32];
            fprintf(stderr, "%s\n", signal_description(sig, buf, sizeof buf));
        }
    }
    job_free(j);
    return status_from_wait(status);
}

void jobs_notify(void)
{
    jobs_reap();
    for (struct job *j = jobs, *next; j; j = next) {
        next = j->next;
        if (j->id && !job_running(j) && !job_stopped(j)) {
            print_job(j);
            job_free(j);
        }
    }
    fflush(stdout);
}

/* %n, %% / %+ (the newest job), or a pid. */
static struct job *find_job(const char *spec, pid_t *pid_out)
{
    *pid_out = 0;
    if (spec[0] == '%') {
        struct job *newest = NULL;
        for (struct job *j = jobs; j; j = j->next)
            if (j->id && (!newest || j->id > newest->id))
                newest = j;
        if (!spec[1] || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0)
            return newest;
        long id = parse_number(spec + 1);
        for (struct job *j = jobs; j; j = j->next)
            if (j->id && j->id == id)
                return j;
        return NULL;
    }
    long pid = parse_number(spec);
    if (pid <= 0)
        return NULL;
    for (struct job *j = jobs; j; j = j->next)
        for (int i = 0; i < j->nprocs; i++)
            if (j->procs[i].pid == pid) {
                *pid_out = (pid_t)pid;
                return j;
            }
    return NULL;
}

static struct proc *find_proc(struct job *j, pid_t pid)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].pid == pid)
            return &j->procs[i];
    return NULL;
}

int builtin_wait(int argc, char **argv)
{
    got_sigint = 0;
    if (argc == 1) {
        for (;;) {
            int busy = 0;
            for (struct job *j = jobs; j; j = j->next)
                busy |= job_running(j);
            if (!busy)
                break;
            if (wait_one(1) < 0 && (errno != EINTR || got_sigint))
                return got_sigint ? 130 : 0;
        }
        for (struct job *j = jobs, *next; j; j = next) {
            next = j->next;
            if (!job_stopped(j))
                job_free(j);
        }
        return 0;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        pid_t pid;
        struct job *j = find_job(argv[i], &pid);
        if (!j) {
            sh_error("wait: %s: no such job", argv[i]);
            status = 127;
            continue;
        }
        struct proc *p = pid ? find_proc(j, pid) : &j->procs[j->nprocs - 1];
        while (p->state == RUNNING) {
            if (wait_one(1) < 0 && (errno != EINTR || got_sigint))
                return got_sigint ? 130 : 127;
        }
        status = status_from_wait(p->status);
        if (!job_running(j) && !job_stopped(j))
            job_free(j);
    }
    return status;
}

int builtin_jobs(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    jobs_reap();
    /* Oldest first, as they were started. */
    int max = next_job_id();
    for (int id = 1; id < max; id++) {
        for (struct job *j = jobs, *next; j; j = next) {
            next = j->next;
            if (j->id != id)
                continue;
            print_job(j);
            if (!job_running(j) && !job_stopped(j))
                job_free(j);
        }
    }
    fflush(stdout);
    return 0;
}

static struct job *job_argument(const char *builtin, int argc, char **argv)
{
    pid_t pid;
    struct job *j = find_job(argc > 1 ? argv[1] : "%", &pid);
    if (!j || !j->id)
        sh_error("%s: %s: no such job", builtin, argc > 1 ? argv[1] : "current");
    return j && j->id ? j : NULL;
}

static void continue_job(struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == STOPPED)
            j->procs[i].state = RUNNING;
    if (j->pgid)
        kill(-j->pgid, SIGCONT);
    else
        for (int i = 0; i < j->nprocs; i++)
            kill(j->procs[i].pid, SIGCONT);
}

int builtin_fg(int argc, char **argv)
{
    if (!shell.jobctl) {
        sh_error("fg: no job control");
        return 1;
    }
    struct job *j = job_argument("fg", argc, argv);
    if (!j)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);
    tcsetpgrp(tty_fd, j->pgid);
    continue_job(j);
    return job_wait(j);
}

int builtin_bg(int argc, char **argv)
{
    if (!shell.jobctl) {
        sh_error("bg: no job control");
        return 1;
    }
    struct job *j = job_argument("bg", argc, argv);
    if (!j)
        return 1;
    continue_job(j);
    printf("[%d] %s &\n", j->id, j->text);
    fflush(stdout);
    return 0;
}
