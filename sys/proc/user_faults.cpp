#include "proc/user_faults.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/exceptions.h"
#include "arch/x86_64/interrupts/idt.h"
#include "kernel/log.h"
#include "proc/process.h"
#include "proc/scheduler.h"
#include "proc/signals.h"

namespace proc {

namespace {
constexpr uint64_t kFaultPresent = 1 << 0, kFaultWrite = 1 << 1, kFaultFetch = 1 << 4;

mm::FaultAccess access_of(uint64_t error_code)
{
    return { (error_code & kFaultWrite) != 0, (error_code & kFaultFetch) != 0, (error_code & kFaultPresent) != 0 };
}

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
    case arch::vector::kBreakpoint:
        return kSigtrap;
    default:
        return kSigsegv;
    }
}
} // namespace

bool resolve_user_memory_fault(uint64_t address, uint64_t error_code)
{
    if (!sched::ready())
        return false;
    Process* process = current_process();
    if (!process)
        return false;
    auto resolved = process->address_space().handle_fault(address, access_of(error_code));
    if (resolved.is_error())
        klog::debug("fault: pid {}: kernel access to user address {:#x} (error {:#x}): {}", process->pid(), address,
                    error_code, resolved.error());
    return !resolved.is_error();
}

void handle_user_fault(arch::InterruptFrame& frame)
{
    Process* process = current_process();
    if (frame.vector == arch::vector::kPageFault) {
        uint64_t address = arch::read_cr2();
        auto resolved = process->address_space().handle_fault(address, access_of(frame.error_code));
        if (!resolved.is_error())
            return;
        if (resolved.error().code() == klib::ErrorCode::NoMemory) {
            klog::warn("fault: pid {} ({}): out of memory at {:#x}; killed", process->pid(), process->path(), address);
            force_signal(*process, kSigkill);
            return;
        }
        klog::warn("fault: pid {} ({}): bad {} at address {:#x} (rip {:#x}); SIGSEGV", process->pid(),
                   process->path(), frame.error_code & kFaultFetch ? "instruction fetch" : frame.error_code & kFaultWrite ? "write" : "read",
                   address, frame.rip);
        force_signal(*process, kSigsegv);
        return;
    }
    int signal = signal_for(frame.vector);
    klog::warn("fault: pid {} ({}): {} at rip {:#x}; signal {}", process->pid(), process->path(),
               arch::exception_name(frame.vector), frame.rip, signal);
    force_signal(*process, signal);
}

} // namespace proc
