#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/cpu/gdt.h"
#include "arch/x86_64/cpu/thread_context.h"

extern "C" void syscall_entry();

namespace arch {

void init_syscall_entry()
{
    wrmsr(msr::kEfer, rdmsr(msr::kEfer) | kEferSyscall);
    // syscall loads CS from STAR[47:32] (SS = +8); sysret loads CS from
    // STAR[63:48] + 16 and SS from STAR[63:48] + 8, hence user data at 0x18
    // and user code at 0x20.
    uint64_t star = (static_cast<uint64_t>(selector::kUserData - 8) << 48)
        | (static_cast<uint64_t>(selector::kKernelCode) << 32);
    wrmsr(msr::kStar, star);
    wrmsr(msr::kLstar, reinterpret_cast<uint64_t>(&syscall_entry));
    // Interrupts off, direction flag clear, no single-step on entry.
    wrmsr(msr::kFmask, kRflagsInterrupt | (1 << 10) | (1 << 8) | (1 << 18));
}

} // namespace arch
