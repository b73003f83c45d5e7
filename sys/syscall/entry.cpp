// Every system call arrives here from syscall_entry.asm. Only the syscall
// layer may enter the kernel: a `syscall` instruction anywhere else in the
// process gets SIGSYS, with one log line.
#include "arch/x86_64/cpu/cpu.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "proc/process.h"
#include "proc/scheduler.h"
#include "proc/signals.h"

namespace {
constexpr uint64_t kSyscallInstructionLength = 2;
} // namespace

extern "C" void syscall_dispatch(arch::InterruptFrame* frame)
{
    proc::Process* process = proc::current_process();
    uint64_t instruction = frame->rip - kSyscallInstructionLength;
    if (!process->is_layer_text(instruction)) {
        klog::warn("syscall: pid {} ({}): system call at {:#x} is outside the syscall layer; SIGSYS", process->pid(),
                   process->path(), instruction);
        proc::force_signal(*process, proc::kSigsys);
        proc::deliver_pending_signals(*frame);
        return;
    }
    process->count_syscall();
    proc::Thread& thread = sched::current();
    thread.syscall_number = frame->rax;
    thread.syscall_restartable = true;
    arch::enable_interrupts();
    thread.syscall_interrupted = kabi::dispatch(*frame);
    arch::disable_interrupts();
    proc::deliver_pending_signals(*frame);
}

// The way back to user mode from an interrupt or exception.
extern "C" void return_to_user_hook(arch::InterruptFrame* frame)
{
    sched::preempt_if_due(*frame);
    proc::deliver_pending_signals(*frame);
}
