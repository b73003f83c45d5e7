#include "proc/user_faults.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/exceptions.h"
#include "arch/x86_64/interrupts/idt.h"
#include "kernel/log.h"
#include "proc/process.h"

namespace proc {

namespace {
constexpr int kSigill = 4, kSigfpe = 8, kSigsegv = 11, kSigbus = 7;

int signal_for(uint64_t vector)
{
    switch (vector) {
    case arch::vector::kInvalidOpcode:
        return kSigill;
    case arch::vector::kDivideError:
    case 16: // x87
    case 19: // SIMD
        return kSigfpe;
    case 17: // alignment check
        return kSigbus;
    default:
        return kSigsegv;
    }
}
} // namespace

void handle_user_fault(arch::InterruptFrame& frame)
{
    Process* process = current_process();
    int signal = signal_for(frame.vector);
    if (frame.vector == arch::vector::kPageFault)
        klog::warn("fault: pid {} ({}): {} at address {:#x} (rip {:#x}, error {:#x}); killed by signal {}",
                   process->pid(), process->path(), arch::exception_name(frame.vector), arch::read_cr2(), frame.rip,
                   frame.error_code, signal);
    else
        klog::warn("fault: pid {} ({}): {} at rip {:#x}; killed by signal {}", process->pid(), process->path(),
                   arch::exception_name(frame.vector), frame.rip, signal);
    arch::enable_interrupts();
    process->exit(128 + signal);
}

} // namespace proc
