/* Signals: numbers, dispositions and masks from the program ABI. struct
 * sigaction has banos_v1_sigaction's layout; the syscall layer supplies
 * the return path from handlers. sigset_t is a 64-bit mask, bit
 * (signal - 1). */
#ifndef __BANOS_SIGNAL_H
#define __BANOS_SIGNAL_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>
#include <bits/sigset.h>

#define SIGHUP BANOS_SIGHUP
#define SIGINT BANOS_SIGINT
#define SIGQUIT BANOS_SIGQUIT
#define SIGILL BANOS_SIGILL
#define SIGTRAP BANOS_SIGTRAP
#define SIGABRT BANOS_SIGABRT
#define SIGIOT SIGABRT
#define SIGBUS BANOS_SIGBUS
#define SIGFPE BANOS_SIGFPE
#define SIGKILL BANOS_SIGKILL
#define SIGUSR1 BANOS_SIGUSR1
#define SIGSEGV BANOS_SIGSEGV
#define SIGUSR2 BANOS_SIGUSR2
#define SIGPIPE BANOS_SIGPIPE
#define SIGALRM BANOS_SIGALRM
#define SIGTERM BANOS_SIGTERM
#define SIGCHLD BANOS_SIGCHLD
#define SIGCONT BANOS_SIGCONT
#define SIGSTOP BANOS_SIGSTOP
#define SIGTSTP BANOS_SIGTSTP
#define SIGTTIN BANOS_SIGTTIN
#define SIGTTOU BANOS_SIGTTOU
#define SIGWINCH BANOS_SIGWINCH
#define SIGSYS BANOS_SIGSYS
#define NSIG BANOS_NSIG
#define _NSIG NSIG

typedef void (*sighandler_t)(int);
typedef int sig_atomic_t;

#ifdef __cplusplus
#define SIG_DFL (reinterpret_cast<sighandler_t>(static_cast<long>(BANOS_SIG_DFL)))
#define SIG_IGN (reinterpret_cast<sighandler_t>(static_cast<long>(BANOS_SIG_IGN)))
#define SIG_ERR (reinterpret_cast<sighandler_t>(-1L))
#else
#define SIG_DFL ((sighandler_t)BANOS_SIG_DFL)
#define SIG_IGN ((sighandler_t)BANOS_SIG_IGN)
#define SIG_ERR ((sighandler_t)-1)
#endif

#define SIG_BLOCK BANOS_SIG_BLOCK
#define SIG_UNBLOCK BANOS_SIG_UNBLOCK
#define SIG_SETMASK BANOS_SIG_SETMASK

#define SA_NOCLDSTOP BANOS_SA_NOCLDSTOP
#define SA_RESTART BANOS_SA_RESTART
#define SA_NODEFER BANOS_SA_NODEFER
#define SA_RESETHAND BANOS_SA_RESETHAND
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

struct sigaction {
    void (*sa_handler)(int); /* SIG_DFL, SIG_IGN or a function */
    unsigned long sa_flags;
    sigset_t sa_mask;        /* blocked while the handler runs */
};

__BANOS_STATIC_ASSERT(sizeof(struct sigaction) == sizeof(struct banos_v1_sigaction)
        && __builtin_offsetof(struct sigaction, sa_handler) == __builtin_offsetof(struct banos_v1_sigaction, handler)
        && __builtin_offsetof(struct sigaction, sa_flags) == __builtin_offsetof(struct banos_v1_sigaction, flags)
        && __builtin_offsetof(struct sigaction, sa_mask) == __builtin_offsetof(struct banos_v1_sigaction, mask)
        && sizeof(sigset_t) == sizeof(uint64_t),
    "struct sigaction has the program ABI's layout");

__BEGIN_DECLS

__BANOS_SAME_NAME_BEGIN
int sigaction(int signal, const struct sigaction* __restrict action, struct sigaction* __restrict old);
__BANOS_SAME_NAME_END
/* BSD semantics, as glibc's: the handler stays installed (SA_RESTART). */
sighandler_t signal(int signal, sighandler_t handler);
int raise(int signal);
int kill(pid_t pid, int signal);
int killpg(pid_t group, int signal);
int sigprocmask(int how, const sigset_t* __restrict set, sigset_t* __restrict old);
int sigsuspend(const sigset_t* mask);
/* The blocked signals waiting for delivery. A slot from ABI 3 on; ENOSYS
 * before. */
int sigpending(sigset_t* set);

int sigemptyset(sigset_t* set);
int sigfillset(sigset_t* set);
int sigaddset(sigset_t* set, int signal);
int sigdelset(sigset_t* set, int signal);
int sigismember(const sigset_t* set, int signal);

/* "prefix: description" on stderr. */
void psignal(int signal, const char* prefix);

__END_DECLS

#endif
