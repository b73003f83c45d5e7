/* Signals: dispositions, masks, sending, waiting. Handlers count what they
 * catch (conformance_count_signal); every test leaves the dispositions and
 * the mask as it found them (the runner clears the mask anyway). */
#include "conformance.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t bit(int signal) { return 1ull << (signal - 1); }

static void set_handler(int signal, void (*handler)(int), uint64_t flags)
{
    struct banos_v1_sigaction action = { (uint64_t)(uintptr_t)handler, flags, 0 };
    __banos_slot_sigaction(signal, &action, NULL);
}

static void restore_default(int signal) { set_handler(signal, SIG_DFL, 0); }

static volatile uint64_t mask_in_handler;

static void record_mask(int signal)
{
    uint64_t mask = 0;
    __banos_slot_sigprocmask(SIG_BLOCK, NULL, &mask);
    mask_in_handler = mask;
    conformance_count_signal(signal);
}

TEST(signals, sigaction, "sigaction kill")
{
    _Static_assert(sizeof(struct banos_v1_sigaction) == 24 && offsetof(struct banos_v1_sigaction, mask) == 16,
                   "banos_v1_sigaction's layout");
    struct banos_v1_sigaction action = { (uint64_t)(uintptr_t)record_mask, SA_RESTART, bit(SIGUSR2) }, old;
    memset(&old, 0xa5, sizeof(old));
    EXPECT(__banos_slot_sigaction(SIGUSR1, &action, &old) == 0, "sigaction: %s", conformance_errno_name(errno));
    EXPECT(old.handler == (uint64_t)(uintptr_t)SIG_DFL, "the old action was not SIG_DFL (%#llx)",
           (unsigned long long)old.handler);
    conformance_signal_count = 0;
    EXPECT(kill(getpid(), SIGUSR1) == 0, "kill");
    /* A signal sent to oneself is delivered before kill returns. */
    EXPECT(conformance_signal_count == 1 && conformance_last_signal == SIGUSR1, "the handler ran %d times",
           conformance_signal_count);
    /* While it runs, the handler's mask and the signal itself are blocked. */
    EXPECT((mask_in_handler & bit(SIGUSR2)) && (mask_in_handler & bit(SIGUSR1)), "mask in the handler %#llx",
           (unsigned long long)mask_in_handler);
    uint64_t after = 0;
    __banos_slot_sigprocmask(SIG_BLOCK, NULL, &after);
    EXPECT(after == 0, "the mask was not restored after the handler: %#llx", (unsigned long long)after);
    /* Reading back gives what was set. */
    EXPECT(__banos_slot_sigaction(SIGUSR1, NULL, &old) == 0 && old.handler == action.handler
               && (old.mask & bit(SIGUSR2)) && (old.flags & SA_RESTART),
           "read back handler %#llx flags %#llx mask %#llx", (unsigned long long)old.handler,
           (unsigned long long)old.flags, (unsigned long long)old.mask);
    /* SA_RESETHAND: once, then the default again. */
    action.flags = SA_RESETHAND;
    __banos_slot_sigaction(SIGUSR1, &action, NULL);
    kill(getpid(), SIGUSR1);
    EXPECT(__banos_slot_sigaction(SIGUSR1, NULL, &old) == 0 && old.handler == (uint64_t)(uintptr_t)SIG_DFL,
           "SA_RESETHAND left the handler installed");
    /* Ignored signals vanish. */
    set_handler(SIGUSR2, SIG_IGN, 0);
    conformance_signal_count = 0;
    kill(getpid(), SIGUSR2);
    EXPECT(conformance_signal_count == 0, "an ignored signal reached a handler");
    restore_default(SIGUSR2);
    restore_default(SIGUSR1);
    EXPECT_ERRNO(__banos_slot_sigaction(SIGKILL, &action, NULL), EINVAL);
    EXPECT_ERRNO(__banos_slot_sigaction(SIGSTOP, &action, NULL), EINVAL);
    EXPECT_ERRNO(__banos_slot_sigaction(0, &action, NULL), EINVAL);
    EXPECT_ERRNO(__banos_slot_sigaction(65, &action, NULL), EINVAL);
    EXPECT(__banos_slot_sigaction(SIGKILL, NULL, &old) == 0, "reading SIGKILL's action");
}

static int child_waits_for_signals(void* unused)
{
    (void)unused;
    for (;;)
        pause();
    return 0;
}

static int child_signals_root(void* parent)
{
    if (setuid(1000) != 0)
        return 10;
    errno = 0;
    if (__banos_slot_kill(*(pid_t*)parent, 0) != -1 || errno != EPERM)
        return 11;
    if (__banos_slot_kill(getpid(), 0) != 0)
        return 12;
    return 0;
}

TEST(signals, kill, "kill")
{
    EXPECT(__banos_slot_kill(getpid(), 0) == 0, "kill(self, 0): %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_kill(1 << 20, SIGTERM), ESRCH);
    EXPECT_ERRNO(__banos_slot_kill(getpid(), 65), EINVAL);
    EXPECT_ERRNO(__banos_slot_kill(getpid(), -1), EINVAL);
    static const int signals[] = { SIGTERM, SIGKILL, SIGUSR1, SIGINT };
    for (int i = 0; i < 4; ++i) {
        pid_t pid = conformance_fork();
        if (pid == 0)
            _exit(child_waits_for_signals(NULL));
        EXPECT(__banos_slot_kill(pid, signals[i]) == 0, "kill(child, %d): %s", signals[i],
               conformance_errno_name(errno));
        int status = conformance_wait(pid);
        EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == signals[i],
               "child killed with %d: status %#x", signals[i], status);
    }
    pid_t self = getpid();
    int status = conformance_in_child(child_signals_root, &self);
    EXPECT(status == 0, "unprivileged child: exit %d (11: signalling root was not EPERM)", WEXITSTATUS(status));
}

TEST(signals, sigprocmask, "sigprocmask kill")
{
    set_handler(SIGUSR1, conformance_count_signal, 0);
    conformance_signal_count = 0;
    uint64_t block = bit(SIGUSR1), old = 99;
    EXPECT(__banos_slot_sigprocmask(SIG_BLOCK, &block, &old) == 0 && old == 0, "SIG_BLOCK: old mask %#llx",
           (unsigned long long)old);
    kill(getpid(), SIGUSR1);
    EXPECT(conformance_signal_count == 0, "a blocked signal was delivered");
    uint64_t current = 0;
    EXPECT(__banos_slot_sigprocmask(SIG_SETMASK, NULL, &current) == 0 && current == block, "mask %#llx",
           (unsigned long long)current);
    /* Unblocking delivers what was pending, once. */
    kill(getpid(), SIGUSR1);
    EXPECT(__banos_slot_sigprocmask(SIG_UNBLOCK, &block, NULL) == 0, "SIG_UNBLOCK");
    EXPECT(conformance_signal_count == 1, "after unblocking the handler ran %d times", conformance_signal_count);
    /* SIGKILL and SIGSTOP cannot be blocked. */
    uint64_t all = ~0ull;
    EXPECT(__banos_slot_sigprocmask(SIG_SETMASK, &all, &old) == 0, "SIG_SETMASK all");
    __banos_slot_sigprocmask(SIG_SETMASK, &old, &current);
    EXPECT(!(current & bit(SIGKILL)) && !(current & bit(SIGSTOP)) && (current & bit(SIGTERM)), "mask %#llx",
           (unsigned long long)current);
    EXPECT_ERRNO(__banos_slot_sigprocmask(7, &block, NULL), EINVAL);
    EXPECT_ERRNO(__banos_slot_sigprocmask(SIG_BLOCK, (const uint64_t*)16, NULL), EFAULT);
    restore_default(SIGUSR1);
}

TEST(signals, sigsuspend, "sigsuspend")
{
    /* Blocked first, so the child's signal cannot slip in before the wait. */
    set_handler(SIGUSR1, conformance_count_signal, 0);
    conformance_signal_count = 0;
    uint64_t block = bit(SIGUSR1);
    __banos_slot_sigprocmask(SIG_BLOCK, &block, NULL);
    pid_t parent = getpid();
    pid_t pid = conformance_fork();
    if (pid == 0)
        _exit(kill(parent, SIGUSR1) == 0 ? 0 : 1);
    uint64_t during = 0;
    errno = 0;
    int result = __banos_slot_sigsuspend(&during);
    EXPECT(result == -1 && errno == EINTR, "sigsuspend = %d, errno %s", result, conformance_errno_name(errno));
    EXPECT(conformance_signal_count == 1, "the handler ran %d times", conformance_signal_count);
    uint64_t after = 0;
    __banos_slot_sigprocmask(SIG_BLOCK, NULL, &after);
    EXPECT(after == block, "the mask after sigsuspend is %#llx", (unsigned long long)after);
    conformance_wait(pid);
    EXPECT_ERRNO(__banos_slot_sigsuspend(NULL), EFAULT);
    __banos_slot_sigprocmask(SIG_UNBLOCK, &block, NULL);
    restore_default(SIGUSR1);
}

TEST(signals, pause, "pause")
{
    /* pause has no mask to close the race, so the child keeps signalling
     * until it is told to stop. */
    set_handler(SIGUSR1, conformance_count_signal, 0);
    conformance_signal_count = 0;
    pid_t parent = getpid();
    pid_t pid = conformance_fork();
    if (pid == 0) {
        for (int i = 0; i < 500; ++i) {
            kill(parent, SIGUSR1);
            struct banos_v1_timespec gap = { 0, 20000000 };
            __banos_slot_nanosleep(&gap, NULL);
        }
        _exit(1);
    }
    errno = 0;
    int result = __banos_slot_pause();
    EXPECT(result == -1 && errno == EINTR, "pause = %d, errno %s", result, conformance_errno_name(errno));
    EXPECT(conformance_signal_count >= 1, "pause returned before the handler ran");
    kill(pid, SIGKILL);
    conformance_wait(pid);
    restore_default(SIGUSR1);
}

#ifdef BANOS_HAS_SLOT_sigpending
TEST(signals, sigpending, "sigpending")
{
    set_handler(SIGUSR1, conformance_count_signal, 0);
    conformance_signal_count = 0;
    uint64_t block = bit(SIGUSR1) | bit(SIGUSR2), pending = 99;
    __banos_slot_sigprocmask(SIG_BLOCK, &block, NULL);
    EXPECT(__banos_slot_sigpending(&pending) == 0 && pending == 0, "pending %#llx before any signal",
           (unsigned long long)pending);
    kill(getpid(), SIGUSR1);
    EXPECT(__banos_slot_sigpending(&pending) == 0 && pending == bit(SIGUSR1), "pending %#llx after SIGUSR1",
           (unsigned long long)pending);
    __banos_slot_sigprocmask(SIG_UNBLOCK, &block, NULL);
    EXPECT(conformance_signal_count == 1, "the pending signal ran %d times once unblocked", conformance_signal_count);
    EXPECT(__banos_slot_sigpending(&pending) == 0 && pending == 0, "pending %#llx after delivery",
           (unsigned long long)pending);
    EXPECT_ERRNO(__banos_slot_sigpending((uint64_t*)16), EFAULT);
    restore_default(SIGUSR1);
}
#endif

#ifdef BANOS_HAS_SLOT_alarm
TEST(signals, alarm, "alarm")
{
    set_handler(SIGALRM, conformance_count_signal, 0);
    conformance_signal_count = 0;
    EXPECT(__banos_slot_alarm(10) == 0, "no alarm was set, yet alarm returned time left");
    uint32_t left = __banos_slot_alarm(20);
    EXPECT(left >= 9 && left <= 10, "the 10-second alarm had %u seconds left", left);
    left = __banos_slot_alarm(0);
    EXPECT(left >= 19 && left <= 20, "cancelling: %u seconds were left", left);
    EXPECT(__banos_slot_alarm(0) == 0, "the alarm was not cancelled");
    /* One second, then SIGALRM. */
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    __banos_slot_alarm(1);
    for (int i = 0; i < 300 && !conformance_signal_count; ++i) {
        struct timespec gap = { 0, 10000000 };
        nanosleep(&gap, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long elapsed = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    EXPECT(conformance_signal_count == 1 && conformance_last_signal == SIGALRM, "no SIGALRM within 3 s");
    EXPECT(elapsed >= 950000000LL, "SIGALRM after only %lld ns", elapsed);
    /* Alarms are not inherited by a child. */
    __banos_slot_alarm(30);
    pid_t pid = conformance_fork();
    if (pid == 0)
        _exit(__banos_slot_alarm(0) == 0 ? 0 : 1);
    int status = conformance_wait(pid);
    EXPECT(status == 0, "the child inherited the alarm");
    __banos_slot_alarm(0);
    restore_default(SIGALRM);
}
#endif
