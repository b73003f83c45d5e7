/* Signals with handlers (the layer's return path), masks, sigsuspend,
 * SA_RESETHAND, signal(), SIGCHLD; setjmp/longjmp and sigsetjmp/siglongjmp
 * out of a handler, with and without the saved mask. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

static volatile sig_atomic_t caught;
static volatile sig_atomic_t last_signal;
static volatile sig_atomic_t children_done;
static sigjmp_buf jump_back;

static void count_signal(int number)
{
    ++caught;
    last_signal = number;
}

static void child_finished(int number)
{
    (void)number;
    ++children_done;
}

static void jump_out(int number)
{
    siglongjmp(jump_back, number);
}

static sigset_t current_mask(void)
{
    sigset_t mask = 0;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    return mask;
}

static int depth_jump(jmp_buf env, int depth)
{
    char frame[64];
    memset(frame, depth, sizeof frame);
    if (depth == 0)
        longjmp(env, 0); /* comes back as 1 */
    if (depth > 1000)
        return 0;
    return depth_jump(env, depth - 1) + frame[0];
}

void test_signals(void)
{
    sigset_t set;
    CHECK("signal.sets", sigemptyset(&set) == 0 && sigaddset(&set, SIGUSR1) == 0 && sigismember(&set, SIGUSR1) == 1
            && sigismember(&set, SIGUSR2) == 0 && sigaddset(&set, SIGTERM) == 0 && sigdelset(&set, SIGUSR1) == 0
            && sigismember(&set, SIGUSR1) == 0 && set == (1ul << (SIGTERM - 1)));
    CHECK("signal.fillset", sigfillset(&set) == 0 && sigismember(&set, 1) && sigismember(&set, NSIG - 1));
    errno = 0;
    CHECK("signal.bad_number", sigaddset(&set, 0) == -1 && errno == EINVAL && sigismember(&set, NSIG) == -1);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_signal;
    struct sigaction old;
    CHECK("signal.sigaction", sigaction(SIGUSR1, &action, &old) == 0 && old.sa_handler == SIG_DFL);
    caught = 0;
    CHECK("signal.raise_runs_handler", raise(SIGUSR1) == 0 && caught == 1 && last_signal == SIGUSR1);
    CHECK("signal.kill_self", kill(getpid(), SIGUSR1) == 0 && caught == 2);
    struct sigaction query;
    CHECK("signal.query", sigaction(SIGUSR1, NULL, &query) == 0 && query.sa_handler == count_signal
            && (query.sa_flags & SA_RESETHAND) == 0);

    /* Blocked: pending until unblocked. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigset_t before;
    CHECK("signal.block", sigprocmask(SIG_BLOCK, &set, &before) == 0 && (current_mask() & set) == set);
    raise(SIGUSR1);
    CHECK("signal.pending_while_blocked", caught == 2);
    CHECK("signal.delivered_on_unblock", sigprocmask(SIG_SETMASK, &before, NULL) == 0 && caught == 3);

    /* SA_RESETHAND: once, then the default (ignored here: SIGURG-like use of SIGCHLD). */
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR2, &action, NULL);
    raise(SIGUSR2);
    CHECK("signal.resethand", caught == 4 && sigaction(SIGUSR2, NULL, &query) == 0 && query.sa_handler == SIG_DFL);

    /* signal(): BSD semantics, the old handler back. */
    CHECK("signal.signal", signal(SIGUSR2, count_signal) == SIG_DFL && signal(SIGUSR2, SIG_IGN) == count_signal);
    raise(SIGUSR2);
    CHECK("signal.ignored", caught == 4);
    CHECK("signal.signal_error", signal(SIGKILL, count_signal) == SIG_ERR && errno == EINVAL);
    signal(SIGUSR2, SIG_DFL);

    /* sigsuspend: wait with SIGUSR1 unblocked for a child's kill. */
    sigprocmask(SIG_BLOCK, &set, &before);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        kill(parent, SIGUSR1);
        _exit(0);
    }
    sigset_t waiting = before;
    sigdelset(&waiting, SIGUSR1);
    int result = sigsuspend(&waiting);
    CHECK("signal.sigsuspend", result == -1 && errno == EINTR && caught == 5 && (current_mask() & set) == set);
    sigprocmask(SIG_SETMASK, &before, NULL);
    waitpid(pid, NULL, 0);

    /* SIGCHLD when a child ends. */
    signal(SIGCHLD, child_finished);
    children_done = 0;
    pid = fork();
    if (pid == 0)
        _exit(0);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    CHECK("signal.sigchld", children_done == 1);
    signal(SIGCHLD, SIG_DFL);

    /* A handler that interrupts pause(). */
    pid = fork();
    if (pid == 0) {
        signal(SIGUSR1, count_signal);
        caught = 0;
        int paused = pause();
        _exit(paused == -1 && errno == EINTR && caught == 1 ? 0 : 1);
    }
    struct timespec moment = { 0, 50000000 };
    nanosleep(&moment, NULL);
    kill(pid, SIGUSR1);
    CHECK("signal.pause_interrupted", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);

    /* setjmp and longjmp. */
    jmp_buf env;
    volatile int rounds = 0;
    int value = setjmp(env);
    if (value == 0 || value < 3) {
        ++rounds;
        if (rounds < 5)
            longjmp(env, rounds);
    }
    CHECK("setjmp.longjmp_values", rounds == 3 && value == 3);
    value = setjmp(env);
    if (value == 0)
        depth_jump(env, 20);
    CHECK("setjmp.zero_becomes_one", value == 1);

    /* Out of a signal handler: the saved mask comes back with siglongjmp. */
    signal(SIGUSR1, jump_out);
    value = sigsetjmp(jump_back, 1);
    if (value == 0)
        raise(SIGUSR1); /* the handler runs with SIGUSR1 blocked, and jumps */
    CHECK("setjmp.siglongjmp_restores_mask", value == SIGUSR1 && (current_mask() & set) == 0);
    value = sigsetjmp(jump_back, 0);
    if (value == 0)
        raise(SIGUSR1);
    CHECK("setjmp.sigsetjmp_without_mask", value == SIGUSR1 && (current_mask() & set) == set);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    signal(SIGUSR1, SIG_DFL);

#if BANOS_PROGRAM_ABI < 3
    errno = 0;
    CHECK("signal.alarm_unsupported", alarm(1) == 0 && errno == ENOSYS); /* a slot from ABI 3 (test_calls.c) */
#endif
    CHECK("signal.strsignal", strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0
            && strcmp(strsignal(99), "Unknown signal 99") == 0);
}
