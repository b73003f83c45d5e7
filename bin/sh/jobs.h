/* Jobs: the processes of one pipeline (or one background command), their
 * process group, and waiting for them. With job control on (interactive
 * shell on a terminal), each job gets its own process group and the
 * foreground one owns the terminal. */
#ifndef SH_JOBS_H
#define SH_JOBS_H

#include <signal.h>
#include <sys/types.h>

struct job;

/* Set by the SIGINT handler of an interactive shell. */
extern volatile sig_atomic_t got_sigint;
/* A foreground job died of SIGINT: abandon the rest of the command line. */
extern int shell_interrupted;

/* Takes the terminal and turns job control on (interactive shells). */
void jobs_init_interactive(void);

/* In a forked copy of the shell: default signal actions, no job control,
 * no jobs of the parent. */
void jobs_enter_subshell(void);

struct job *job_new(const char *text);
/* Forks a process of job j. In the child (return 0) the process is in
 * the job's group, owns the terminal if foreground, has default signal
 * actions and forgets the parent's jobs. -1 if fork failed. */
pid_t job_fork(struct job *j, int foreground);
/* Waits for a foreground job; returns the exit status of its last
 * process (128+n for signal n). A stopped job stays as a background job. */
int job_wait(struct job *j);
/* Makes j a background job; returns its number. */
int job_background(struct job *j);
/* Drops a job whose fork failed. */
void job_abandon(struct job *j);

/* Collects finished children without blocking. */
void jobs_reap(void);
/* Prints finished background jobs (before a prompt). */
void jobs_notify(void);

/* The builtins. */
int builtin_wait(int argc, char **argv);
int builtin_jobs(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);

/* Decodes a waitpid status into a shell exit status. */
int status_from_wait(int status);

#endif
