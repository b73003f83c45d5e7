#include <banos/slots.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

namespace {

bool valid(int number) { return number >= 1 && number < NSIG; }
sigset_t bit(int number) { return sigset_t(1) << (number - 1); }

} // namespace

extern "C" {

int sigaction(int number, const struct sigaction* __restrict action, struct sigaction* __restrict old)
{
    // struct sigaction has banos_v1_sigaction's layout (checked in <signal.h>).
    return __banos_slot_sigaction(number, reinterpret_cast<const banos_v1_sigaction*>(action),
        reinterpret_cast<banos_v1_sigaction*>(old));
}

sighandler_t signal(int number, sighandler_t handler)
{
    struct sigaction action = {};
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    struct sigaction old = {};
    if (sigaction(number, &action, &old) != 0)
        return SIG_ERR;
    return old.sa_handler;
}

int kill(pid_t pid, int number) { return __banos_slot_kill(pid, number); }

int killpg(pid_t group, int number)
{
    if (group < 0)
        return fail(EINVAL);
    return __banos_slot_kill(-group, number);
}

int raise(int number) { return __banos_slot_kill(__banos_slot_getpid(), number); }

int sigprocmask(int how, const sigset_t* __restrict set, sigset_t* __restrict old)
{
    return __banos_slot_sigprocmask(how, set, old);
}

int sigsuspend(const sigset_t* mask) { return __banos_slot_sigsuspend(mask); }

int sigpending(sigset_t* set)
{
#ifdef BANOS_HAS_SLOT_sigpending
    return __banos_slot_sigpending(set);
#else
    (void)set;
    return fail(ENOSYS);
#endif
}

int sigemptyset(sigset_t* set)
{
    *set = 0;
    return 0;
}

int sigfillset(sigset_t* set)
{
    *set = (sigset_t(1) << (NSIG - 1)) - 1;
    return 0;
}

int sigaddset(sigset_t* set, int number)
{
    if (!valid(number))
        return fail(EINVAL);
    *set |= bit(number);
    return 0;
}

int sigdelset(sigset_t* set, int number)
{
    if (!valid(number))
        return fail(EINVAL);
    *set &= ~bit(number);
    return 0;
}

int sigismember(const sigset_t* set, int number)
{
    if (!valid(number))
        return fail(EINVAL);
    return (*set & bit(number)) != 0;
}
}
