// Every system call arrives here from syscall_entry.asm. Only the syscall
// layer may enter the kernel: a `syscall` instruction anywhere else in the
// process kills it, with one log line.
#include "arch/x86_64/cpu/cpu.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "proc/process.h"

namespace {
constexpr uint64_t kSyscallInstructionLength = 2;
constexpr int kSigsys = 31;
} // namespace

extern "C" void syscall_dispatch(arch::InterruptFrame* frame)
{
    proc::Process* process = proc::current_process();
    uint64_t instruction = frame->rip - kSyscallInstructionLength;
    if (!process->is_layer_text(instruction)) {
        klog::warn("syscall: pid {} ({}): system call at {:#x} is outside the syscall layer; killed by SIGSYS",
                   process->pid(), process->path(), instruction);
        arch::enable_interrupts();
        process->exit(128 + kSigsys);
    }
    process->count_syscall();
    arch::enable_interrupts();
    kabi::dispatch(*frame);
    arch::disable_interrupts();
}
