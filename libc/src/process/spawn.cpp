// posix_spawn and posix_spawnp. In ABI 3 posix_spawn is the slot (the
// kernel's spawn, or the layer's emulation on kernels without one); in
// older ABIs libc does it itself with fork and execve, the child reporting
// any failure before its exec through a close-on-exec pipe, so that the
// error is posix_spawn's and the failed child is reaped at once.
#include <banos/slots.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn_action.h"

namespace {

constexpr const char* default_path = "/bin:/usr/bin";

#ifndef BANOS_HAS_SLOT_posix_spawn
constexpr int kExecFailedStatus = 127;

// Caught signals back to their default action (exec would anyway), and
// those SETSIGDEF names.
int reset_signals(const posix_spawnattr_t* attributes)
{
    for (int number = 1; number < NSIG; ++number) {
        if (number == SIGKILL || number == SIGSTOP)
            continue;
        struct sigaction old = {};
        if (sigaction(number, nullptr, &old) != 0)
            continue;
        bool caught = old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN;
        bool named = attributes != nullptr && (attributes->__flags & POSIX_SPAWN_SETSIGDEF)
            && sigismember(&attributes->__sigdefault, number);
        if (caught || named) {
            struct sigaction to_default = {};
            to_default.sa_handler = SIG_DFL;
            if (sigaction(number, &to_default, nullptr) != 0)
                return errno;
        }
    }
    return 0;
}

int apply_attributes(const posix_spawnattr_t* attributes)
{
    if (attributes == nullptr)
        return 0;
    if ((attributes->__flags & POSIX_SPAWN_SETSID) && setsid() < 0)
        return errno;
    if ((attributes->__flags & POSIX_SPAWN_SETPGROUP) && setpgid(0, attributes->__pgroup) != 0)
        return errno;
    // The group first: once the user id is dropped it may not be allowed.
    if ((attributes->__flags & POSIX_SPAWN_RESETIDS) && (setgid(getgid()) != 0 || setuid(getuid()) != 0))
        return errno;
    return 0;
}

// The report pipe must not be a descriptor an action names: moved away.
int keep_report_clear(int* report, const __banos_spawn_action& action)
{
    bool named = action.fd == *report || (action.kind == banos::libc::spawn::kDup2 && action.source_fd == *report);
    if (action.kind == banos::libc::spawn::kChdir || !named)
        return 0;
    int moved = fcntl(*report, F_DUPFD_CLOEXEC, 0);
    if (moved < 0)
        return errno;
    close(*report);
    *report = moved;
    return 0;
}

int apply_action(const __banos_spawn_action& action)
{
    using namespace banos::libc::spawn;
    switch (action.kind) {
    case kOpen: {
        int opened = open(action.path, action.flags, action.mode);
        if (opened < 0)
            return errno;
        if (opened == action.fd)
            return 0;
        int moved = dup3(opened, action.fd, action.flags & O_CLOEXEC);
        int error = errno;
        close(opened);
        return moved < 0 ? error : 0;
    }
    case kClose:
        // Closing what is not open is no error (POSIX.1-2008 TC2).
        return close(action.fd) != 0 && errno != EBADF ? errno : 0;
    case kDup2:
        if (action.fd == action.source_fd) // kept across exec
            return fcntl(action.fd, F_GETFD) < 0 || fcntl(action.fd, F_SETFD, 0) != 0 ? errno : 0;
        return dup2(action.source_fd, action.fd) < 0 ? errno : 0;
    case kChdir:
        return chdir(action.path) != 0 ? errno : 0;
    default:
        return EINVAL;
    }
}

// The child: returns only the error that stopped it before (or in) exec.
int run_child(int* report, const char* path, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* attributes, char* const argv[], char* const envp[], sigset_t parent_mask)
{
    int error = reset_signals(attributes);
    if (error == 0)
        error = apply_attributes(attributes);
    for (unsigned i = 0; actions != nullptr && i < actions->__count && error == 0; ++i) {
        error = keep_report_clear(report, actions->__actions[i]);
        if (error == 0)
            error = apply_action(actions->__actions[i]);
    }
    if (error != 0)
        return error;
    sigset_t mask = attributes != nullptr && (attributes->__flags & POSIX_SPAWN_SETSIGMASK) ? attributes->__sigmask
                                                                                             : parent_mask;
    if (sigprocmask(SIG_SETMASK, &mask, nullptr) != 0)
        return errno;
    execve(path, argv, envp);
    return errno;
}

int spawn_with_fork(pid_t* pid, const char* path, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* attributes, char* const argv[], char* const envp[])
{
    if (attributes != nullptr && (attributes->__flags & ~banos::libc::spawn::kKnownFlags))
        return EINVAL;
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0)
        return errno;
    // No handler of the caller's may run in the child before its exec.
    sigset_t all, parent_mask;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &parent_mask);
    // The slot, not fork(): nothing buffered needs flushing, as the child
    // either execs or leaves through _exit.
    pid_t child = __banos_slot_fork();
    if (child == 0) {
        close(report[0]);
        int writer = report[1];
        int error = run_child(&writer, path, actions, attributes, argv, envp, parent_mask);
        write(writer, &error, sizeof error);
        _exit(kExecFailedStatus);
    }
    int fork_error = errno;
    sigprocmask(SIG_SETMASK, &parent_mask, nullptr);
    close(report[1]);
    if (child < 0) {
        close(report[0]);
        return fork_error;
    }
    int error = 0;
    ssize_t got;
    while ((got = read(report[0], &error, sizeof error)) < 0 && errno == EINTR) {
    }
    close(report[0]);
    if (got == sizeof error) {
        // It stopped before its exec: reaped here, its error is ours.
        while (waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
        }
        return error != 0 ? error : EIO;
    }
    if (pid != nullptr)
        *pid = child;
    return 0;
}
#endif

} // namespace

extern "C" {

int posix_spawn(pid_t* __restrict pid, const char* __restrict path, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* __restrict attributes, char* const argv[], char* const envp[])
{
    // The result is the error number; errno is the caller's.
    int saved = errno;
#ifdef BANOS_HAS_SLOT_posix_spawn
    // The file-action list and the attributes have the slot's layouts (spawn.h).
    int32_t child = 0;
    int error = 0;
    if (__banos_slot_posix_spawn(&child, path, reinterpret_cast<const banos_v3_spawn_actions*>(actions),
            reinterpret_cast<const banos_v3_spawn_attributes*>(attributes), argv, envp) != 0)
        error = errno;
    else if (pid != nullptr)
        *pid = child;
#else
    int error = spawn_with_fork(pid, path, actions, attributes, argv, envp);
#endif
    errno = saved;
    return error;
}

int posix_spawnp(pid_t* __restrict pid, const char* __restrict file, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* __restrict attributes, char* const argv[], char* const envp[])
{
    if (strchr(file, '/') != nullptr)
        return posix_spawn(pid, file, actions, attributes, argv, envp);
    const char* search = getenv("PATH");
    if (search == nullptr)
        search = default_path;
    size_t file_length = strlen(file);
    int result = ENOENT;
    bool denied = false;
    for (const char* entry = search;; ++entry) {
        const char* end = strchr(entry, ':');
        size_t length = end != nullptr ? static_cast<size_t>(end - entry) : strlen(entry);
        char candidate[PATH_MAX];
        if (length + 1 + file_length + 1 <= sizeof candidate) {
            // An empty entry means the current directory.
            size_t at = 0;
            if (length == 0)
                candidate[at++] = '.';
            memcpy(candidate + at, entry, length);
            at += length;
            candidate[at++] = '/';
            memcpy(candidate + at, file, file_length + 1);
            result = posix_spawn(pid, candidate, actions, attributes, argv, envp);
            if (result == 0)
                return 0;
            if (result == EACCES)
                denied = true;
            else if (result != ENOENT && result != ENOTDIR)
                return result;
        }
        if (end == nullptr)
            break;
        entry = end;
    }
    return denied ? EACCES : result == ENOTDIR ? ENOENT : result;
}
}
