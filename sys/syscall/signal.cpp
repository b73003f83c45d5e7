// kill, sigaction, sigprocmask, sigpending, sigsuspend, sigreturn, alarm.
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "proc/alarm.h"
#include "proc/process.h"
#include "proc/scheduler.h"
#include "syscall/syscalls.h"

namespace sys {

namespace {
constexpr int kSigBlock = 0, kSigUnblock = 1, kSigSetMask = 2;

bool may_signal(const proc::Process& sender, const proc::Process& target)
{
    const proc::Credentials& from = sender.credentials();
    const proc::Credentials& to = target.credentials();
    return from.is_superuser() || from.uid == to.uid || from.euid == to.uid;
}
} // namespace

klib::ErrorOr<void> kill(int pid, int signal)
{
    if (signal != 0 && !proc::is_valid_signal(signal))
        return klib::ErrorCode::Invalid;
    proc::Process& sender = *proc::current_process();
    bool found = false;
    bool permitted = false;
    proc::for_each_process([&](proc::Process& target) {
        if (target.has_exited())
            return true;
        bool selected = pid > 0 ? target.pid() == pid
            : pid == 0          ? target.pgid() == sender.pgid()
            : pid == -1         ? target.pid() != proc::Process::kInitPid && &target != &sender
                                : target.pgid() == -pid;
        if (!selected)
            return true;
        found = true;
        if (!may_signal(sender, target))
            return true;
        permitted = true;
        if (signal)
            proc::send_signal(target, signal);
        return true;
    });
    if (!found)
        return klib::ErrorCode::NoProcess;
    if (!permitted)
        return klib::ErrorCode::NotPermitted;
    return {};
}

klib::ErrorOr<void> sigaction(int signal, const proc::SignalAction* action, proc::SignalAction* old)
{
    if (!proc::is_valid_signal(signal))
        return klib::ErrorCode::Invalid;
    proc::Process& process = *proc::current_process();
    if (old)
        *old = process.signal_action(signal);
    if (action) {
        if (signal == proc::kSigkill || signal == proc::kSigstop)
            return klib::ErrorCode::Invalid;
        if (action->handler > proc::kSignalIgnore && !process.is_layer_text(action->restorer)) {
            // The handler returns through the restorer, which must make the
            // sigreturn trap: only layer code can.
            klog::warn("sigaction: pid {} ({}): restorer {:#x} is not in the syscall layer", process.pid(),
                       process.path(), action->restorer);
            return klib::ErrorCode::Fault;
        }
        process.signal_action(signal) = *action;
        process.signal_action(signal).mask &= ~proc::kUnblockable;
        // Setting SIG_IGN drops what is pending (POSIX).
        if (action->handler == proc::kSignalIgnore)
            process.pending_signals() &= ~proc::signal_bit(signal);
    }
    return {};
}

proc::SignalSet sigpending()
{
    proc::Process& process = *proc::current_process();
    return process.pending_signals() & process.blocked_signals();
}

uint32_t alarm(uint32_t seconds) { return proc::set_alarm(*proc::current_process(), seconds); }

klib::ErrorOr<void> sigprocmask(int how, const proc::SignalSet* set, proc::SignalSet* old)
{
    proc::Process& process = *proc::current_process();
    if (old)
        *old = process.blocked_signals();
    if (!set)
        return {};
    proc::SignalSet& blocked = process.blocked_signals();
    switch (how) {
    case kSigBlock:
        blocked |= *set;
        break;
    case kSigUnblock:
        blocked &= ~*set;
        break;
    case kSigSetMask:
        blocked = *set;
        break;
    default:
        return klib::ErrorCode::Invalid;
    }
    blocked &= ~proc::kUnblockable;
    return {};
}

klib::ErrorOr<void> sigsuspend(proc::SignalSet mask)
{
    proc::Process& process = *proc::current_process();
    // The handler runs with the caller's mask saved for after it (signal
    // delivery takes it from mask_after_suspend).
    process.mask_after_suspend() = process.blocked_signals();
    process.blocked_signals() = mask & ~proc::kUnblockable;
    sched::current().syscall_restartable = false;
    proc::WaitQueue never;
    return never.wait_interruptible([] { return false; });
}

klib::ErrorOr<void> sigreturn(arch::InterruptFrame& frame)
{
    proc::SavedUserState saved;
    auto read = kabi::read_signal_frame(frame.rsp, saved);
    proc::Process& process = *proc::current_process();
    if (read.is_error() || proc::restore_after_handler(frame, saved).is_error()) {
        klog::warn("sigreturn: pid {} ({}): bad signal frame at {:#x}; SIGSEGV", process.pid(), process.path(),
                   frame.rsp);
        proc::force_signal(process, proc::kSigsegv);
        return klib::ErrorCode::Fault;
    }
    return {};
}

} // namespace sys
