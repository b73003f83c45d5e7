#pragma once
// posix_spawn on kernels without a spawn call (kernel ABIs 1 and 2): fork,
// then the child applies the attributes and file actions itself and calls
// execve. Everything the child does before its exec that fails is reported
// to the parent through a close-on-exec pipe, so the parent reads either
// nothing (the exec closed the pipe: success) or the error, reaps the
// child (no zombie) and fails with that error: the same answer a kernel
// spawn gives, only with a short-lived extra process.
//
// Order, as glibc's: signal dispositions, session, process group, ids,
// the file actions in order, the signal mask, exec. Signals: the parent
// blocks them all around fork, so none of its handlers runs in the child;
// the child resets every caught signal to its default action (exec would
// anyway) and those SETSIGDEF names, and sets its mask (the parent's, or
// SETSIGMASK's) just before exec.
//
// Needs from the back end: fork, execve, waitpid, pipe2, dup3, fcntl,
// openat, close, read, write, chdir, sigaction, sigprocmask, setsid,
// setpgid, setuid, setgid, getuid, getgid, exit.
#include "abi-versions/v1/program/types.h" // the kernel's numbering
#include "abi-versions/v3/program/types.h" // BANOS_SPAWN_*
#include "syslayer/neutral.h"

namespace layer::backend::emulation {

constexpr uint32_t kKnownSpawnFlags = BANOS_SPAWN_RESETIDS | BANOS_SPAWN_SETPGROUP | BANOS_SPAWN_SETSIGDEF
    | BANOS_SPAWN_SETSIGMASK | BANOS_SPAWN_SETSID;
constexpr uint64_t kAllSignals = ~0ull;
constexpr int32_t kExecFailedStatus = 127;

inline uint64_t signal_bit(int32_t signal) { return 1ull << (signal - 1); }

// The child's own signal dispositions: caught ones back to default.
inline Status reset_signals(const SpawnAttributes* attributes)
{
    for (int32_t signal = 1; signal < BANOS_NSIG; ++signal) {
        if (signal == BANOS_SIGKILL || signal == BANOS_SIGSTOP)
            continue;
        SignalAction old {};
        Status status = sigaction(signal, nullptr, &old);
        if (status.failed())
            continue; // a number the kernel does not know
        bool caught = old.handler != BANOS_SIG_DFL && old.handler != BANOS_SIG_IGN;
        bool named = attributes && (attributes->flags & BANOS_SPAWN_SETSIGDEF)
            && (attributes->sigdefault & signal_bit(signal));
        if (caught || named) {
            SignalAction to_default { BANOS_SIG_DFL, 0, 0 };
            status = sigaction(signal, &to_default, nullptr);
            if (status.failed())
                return status;
        }
    }
    return Status::ok(0);
}

inline Status apply_attributes(const SpawnAttributes* attributes)
{
    if (!attributes)
        return Status::ok(0);
    if (attributes->flags & BANOS_SPAWN_SETSID) {
        Status status = setsid();
        if (status.failed())
            return status;
    }
    if (attributes->flags & BANOS_SPAWN_SETPGROUP) {
        Status status = setpgid(0, attributes->pgroup); // 0: a group of its own
        if (status.failed())
            return status;
    }
    if (attributes->flags & BANOS_SPAWN_RESETIDS) {
        // The group first: once the user id is dropped it may not be allowed.
        Status status = setgid(getgid());
        if (!status.failed())
            status = setuid(getuid());
        if (status.failed())
            return status;
    }
    return Status::ok(0);
}

// The report pipe must not be what an action names: move it out of the way.
inline Status keep_report_clear(int32_t* report, const SpawnAction& action)
{
    bool named = action.fd == *report || (action.kind == BANOS_SPAWN_ACTION_DUP2 && action.source_fd == *report);
    if (action.kind == BANOS_SPAWN_ACTION_CHDIR || !named)
        return Status::ok(0);
    Status moved = fcntl(*report, BANOS_F_DUPFD_CLOEXEC, 0);
    if (moved.failed())
        return moved;
    close(*report);
    *report = static_cast<int32_t>(moved.value);
    return Status::ok(0);
}

inline Status apply_action(const SpawnAction& action)
{
    switch (action.kind) {
    case BANOS_SPAWN_ACTION_OPEN: {
        Status opened = openat(kAtFdcwd, reinterpret_cast<const char*>(action.path), action.flags, action.mode);
        if (opened.failed() || opened.value == action.fd)
            return opened;
        Status moved = dup3(static_cast<int32_t>(opened.value), action.fd, action.flags & BANOS_O_CLOEXEC);
        close(static_cast<int32_t>(opened.value));
        return moved;
    }
    case BANOS_SPAWN_ACTION_CLOSE: {
        // Closing what is not open is no error (POSIX.1-2008 TC2).
        Status closed = close(action.fd);
        return closed.failed() && closed.error != Error::BadDescriptor ? closed : Status::ok(0);
    }
    case BANOS_SPAWN_ACTION_DUP2:
        // Onto itself: the descriptor stays, now inherited across exec.
        if (action.fd == action.source_fd) {
            Status open = fcntl(action.fd, BANOS_F_GETFD, 0);
            return open.failed() ? open : fcntl(action.fd, BANOS_F_SETFD, 0);
        }
        return dup3(action.source_fd, action.fd, 0);
    case BANOS_SPAWN_ACTION_CHDIR:
        return chdir(reinterpret_cast<const char*>(action.path));
    default:
        return Status::fail(Error::Invalid);
    }
}

// The child: returns only with the error that stopped it.
inline Error run_child(int32_t* report, const char* path, const SpawnAction* actions, uint32_t count,
                       const SpawnAttributes* attributes, char* const* argv, char* const* envp, uint64_t parent_mask)
{
    Status status = reset_signals(attributes);
    if (!status.failed())
        status = apply_attributes(attributes);
    for (uint32_t i = 0; i < count && !status.failed(); ++i) {
        SpawnAction action;
        __builtin_memcpy(&action, &actions[i], sizeof(action));
        status = keep_report_clear(report, action);
        if (!status.failed())
            status = apply_action(action);
    }
    if (status.failed())
        return status.error;
    uint64_t mask = attributes && (attributes->flags & BANOS_SPAWN_SETSIGMASK) ? attributes->sigmask : parent_mask;
    status = sigprocmask(BANOS_SIG_SETMASK, &mask, nullptr);
    if (status.failed())
        return status.error;
    return execve(path, argv, envp).error;
}

inline Status posix_spawn(int32_t* pid, const char* path, const SpawnAction* actions, uint32_t count,
                          const SpawnAttributes* attributes, char* const* argv, char* const* envp)
{
    if (attributes && (attributes->flags & ~kKnownSpawnFlags))
        return Status::fail(Error::Invalid);
    int32_t report[2];
    Status piped = pipe2(report, BANOS_O_CLOEXEC);
    if (piped.failed())
        return piped;
    uint64_t all = kAllSignals, parent_mask = 0;
    sigprocmask(BANOS_SIG_SETMASK, &all, &parent_mask);
    Status forked = fork();
    if (!forked.failed() && forked.value == 0) {
        close(report[0]);
        int32_t writer = report[1];
        Error failure = run_child(&writer, path, actions, count, attributes, argv, envp, parent_mask);
        uint32_t error = static_cast<uint32_t>(failure == Error::None ? Error::IoError : failure);
        write(writer, &error, sizeof(error));
        exit(kExecFailedStatus);
    }
    sigprocmask(BANOS_SIG_SETMASK, &parent_mask, nullptr);
    close(report[1]);
    if (forked.failed()) {
        close(report[0]);
        return forked;
    }
    uint32_t error = 0;
    Status got;
    do
        got = read(report[0], &error, sizeof(error));
    while (got.failed() && got.error == Error::Interrupted);
    close(report[0]);
    int32_t child = static_cast<int32_t>(forked.value);
    if (!got.failed() && got.value == sizeof(error)) {
        // The child stopped before its exec: reap it, fail with its error.
        Status reaped;
        do
            reaped = waitpid(child, nullptr, 0);
        while (reaped.failed() && reaped.error == Error::Interrupted);
        return Status::fail(static_cast<Error>(error));
    }
    if (pid)
        *pid = child;
    return Status::ok(0);
}

} // namespace layer::backend::emulation
