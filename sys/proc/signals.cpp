#include "proc/signals.h"

#include <string.h>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/cpu/gdt.h"
#include "arch/x86_64/mm/layout.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "proc/process.h"
#include "proc/scheduler.h"

namespace proc {

namespace {
enum class DefaultAction : uint8_t { Terminate, Core, Ignore, Stop, Continue };

DefaultAction default_action(int signal)
{
    switch (signal) {
    case kSigquit:
    case kSigill:
    case kSigtrap:
    case kSigabrt:
    case kSigbus:
    case kSigfpe:
    case kSigsegv:
    case kSigsys:
        return DefaultAction::Core;
    case kSigchld:
    case kSigwinch:
    case 16:
    case 23: // SIGURG
        return DefaultAction::Ignore;
    case kSigstop:
    case kSigtstp:
    case kSigttin:
    case kSigttou:
        return DefaultAction::Stop;
    case kSigcont:
        return DefaultAction::Continue;
    default:
        return DefaultAction::Terminate;
    }
}

constexpr SignalSet kStopSignals = signal_bit(kSigstop) | signal_bit(kSigtstp) | signal_bit(kSigttin)
    | signal_bit(kSigttou);
// The rflags bits user code may set through a signal frame: arithmetic
// flags, direction, trap, alignment check, ID.
constexpr uint64_t kUserRflagsMask = 0x0cd5 | (1u << 10) | (1u << 18) | (1u << 21);
constexpr uint64_t kRflagsInterruptsOn = 1u << 9;
constexpr uint64_t kRflagsBit1 = 1u << 1;

bool ignores(Process& process, int signal)
{
    const SignalAction& action = process.signal_action(signal);
    if (action.handler == kSignalIgnore)
        return true;
    return action.handler == kSignalDefault && default_action(signal) == DefaultAction::Ignore;
}

void wake_for_signal(Process& process)
{
    Thread* thread = process.main_thread();
    if (thread && thread->state() == ThreadState::Blocked && thread->interruptible)
        WaitQueue::wake_thread(*thread, WakeReason::Interrupted);
}

int lowest_signal(SignalSet set)
{
    // SIGKILL first: nothing should run after it.
    if (set & signal_bit(kSigkill))
        return kSigkill;
    return __builtin_ctzll(set) + 1;
}

void restart_interrupted_call(arch::InterruptFrame& frame, Thread& thread, bool restart)
{
    if (!thread.syscall_interrupted)
        return;
    thread.syscall_interrupted = false;
    if (!restart || !thread.syscall_restartable)
        return;
    // Re-enter the same trap: back over the syscall instruction with the
    // original rax; the argument registers are untouched. On kernel ABI 3
    // that is the same message and mode: a restarted AWAIT resumes the
    // message still pending, even after a handler made calls of its own.
    frame.rip -= 2;
    frame.rax = thread.syscall_number;
}
} // namespace

bool is_valid_signal(int signal) { return signal >= 1 && signal < kSignalCount; }

void send_signal(Process& process, int signal)
{
    if (!is_valid_signal(signal) || process.state() == ProcessState::Zombie)
        return;
    auto state = klib::interrupts_save_and_disable();
    SignalSet bit = signal_bit(signal);
    if (signal == kSigcont) {
        process.pending_signals() &= ~kStopSignals;
        process.resume();
    } else if (bit & kStopSignals) {
        process.pending_signals() &= ~signal_bit(kSigcont);
    }
    if (signal == kSigkill || signal == kSigstop || !ignores(process, signal)) {
        process.pending_signals() |= bit;
        if (signal == kSigkill)
            process.resume(); // a stopped process must wake up to die
        if (!(process.blocked_signals() & bit) || (bit & kUnblockable))
            wake_for_signal(process);
    }
    klib::interrupts_restore(state);
}

void force_signal(Process& process, int signal)
{
    SignalAction& action = process.signal_action(signal);
    SignalSet bit = signal_bit(signal);
    if (action.handler == kSignalIgnore || (process.blocked_signals() & bit))
        action.handler = kSignalDefault;
    process.blocked_signals() &= ~bit;
    process.pending_signals() |= bit;
}

bool current_has_pending_signal()
{
    Process* process = current_process();
    if (!process)
        return false;
    SignalSet deliverable = process->pending_signals() & ~(process->blocked_signals() & ~kUnblockable);
    return deliverable != 0;
}

void deliver_pending_signals(arch::InterruptFrame& frame)
{
    Process* process = current_process();
    if (!process || !frame.from_user())
        return;
    Thread& thread = sched::current();
    for (;;) {
        SignalSet deliverable = process->pending_signals() & ~(process->blocked_signals() & ~kUnblockable);
        if (!deliverable)
            break;
        int signal = lowest_signal(deliverable);
        process->pending_signals() &= ~signal_bit(signal);
        SignalAction action = process->signal_action(signal);
        if (signal == kSigkill || signal == kSigstop)
            action.handler = kSignalDefault;
        if (action.handler == kSignalIgnore)
            continue;
        if (action.handler == kSignalDefault) {
            switch (default_action(signal)) {
            case DefaultAction::Ignore:
            case DefaultAction::Continue:
                continue;
            case DefaultAction::Stop:
                process->stop(signal);
                continue;
            case DefaultAction::Terminate:
                process->exit_by_signal(signal, false);
            case DefaultAction::Core:
                process->exit_by_signal(signal, true);
            }
        }

        // A handler: it runs on the user stack, then returns through the
        // layer's restorer and the sigreturn trap.
        restart_interrupted_call(frame, thread, action.flags & kSaRestart);
        SavedUserState saved;
        saved.frame = frame;
        saved.blocked = process->mask_after_suspend().value_or(process->blocked_signals());
        process->mask_after_suspend().reset();
        asm volatile("fxsave64 %0" : "=m"(saved.fpu) : : "memory");
        auto pushed = kabi::push_signal_frame(saved, signal, action.restorer, frame.rsp);
        if (pushed.is_error()) {
            klog::warn("signal: pid {} ({}): no room on the stack for the handler of signal {}; killed",
                       process->pid(), process->path(), signal);
            process->exit_by_signal(kSigsegv, true);
        }
        frame.rsp = pushed.value();
        frame.rip = action.handler;
        frame.rdi = static_cast<uint64_t>(signal);
        frame.rsi = 0;
        frame.rdx = 0;
        frame.rax = 0;
        frame.rflags &= ~((1u << 10) | (1u << 8)); // direction and trap flags clear, as for a call
        SignalSet add = action.mask | ((action.flags & kSaNoDefer) ? 0 : signal_bit(signal));
        process->blocked_signals() = (process->blocked_signals() | add) & ~kUnblockable;
        if (action.flags & kSaResetHand)
            process->signal_action(signal) = SignalAction {};
        return;
    }
    // No handler ran: an interrupted call starts again, unseen.
    restart_interrupted_call(frame, thread, true);
    if (auto& mask = process->mask_after_suspend()) {
        process->blocked_signals() = *mask;
        mask.reset();
    }
}

klib::ErrorOr<void> restore_after_handler(arch::InterruptFrame& frame, const SavedUserState& saved)
{
    const arch::InterruptFrame& from = saved.frame;
    if (from.rip >= arch::layout::kUserTop || from.rsp >= arch::layout::kUserTop)
        return klib::ErrorCode::Fault;
    uint64_t vector = frame.vector;
    uint64_t error = frame.error_code;
    frame = from;
    frame.vector = vector;
    frame.error_code = error;
    frame.cs = arch::selector::kUserCode;
    frame.ss = arch::selector::kUserData;
    frame.rflags = (from.rflags & kUserRflagsMask) | kRflagsInterruptsOn | kRflagsBit1;
    Process* process = current_process();
    process->blocked_signals() = saved.blocked & ~kUnblockable;
    // Reserved MXCSR bits would make fxrstor fault in the kernel.
    arch::FpuState fpu = saved.fpu;
    uint32_t mxcsr;
    memcpy(&mxcsr, fpu.bytes + 24, 4);
    mxcsr &= 0xffff;
    memcpy(fpu.bytes + 24, &mxcsr, 4);
    asm volatile("fxrstor64 %0" : : "m"(fpu) : "memory");
    return {};
}

} // namespace proc
