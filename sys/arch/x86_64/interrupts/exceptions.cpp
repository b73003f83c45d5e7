#include "arch/x86_64/interrupts/exceptions.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/cpu/fault_catch.h"
#include "arch/x86_64/interrupts/idt.h"
#include "mm/kernel_stack.h"
#include "arch/x86_64/mm/layout.h"
#include "kernel/log.h"
#include "kernel/panic.h"

namespace arch {

namespace {
UserExceptionHandler g_user_handler = nullptr;
UserMemoryFaultResolver g_user_memory_resolver = nullptr;

constexpr const char* kNames[32] = {
    "divide error (#DE)",
    "debug (#DB)",
    "non-maskable interrupt (NMI)",
    "breakpoint (#BP)",
    "overflow (#OF)",
    "bound range exceeded (#BR)",
    "invalid opcode (#UD)",
    "device not available (#NM)",
    "double fault (#DF)",
    "coprocessor segment overrun",
    "invalid TSS (#TS)",
    "segment not present (#NP)",
    "stack-segment fault (#SS)",
    "general protection fault (#GP)",
    "page fault (#PF)",
    "reserved exception 15",
    "x87 floating-point error (#MF)",
    "alignment check (#AC)",
    "machine check (#MC)",
    "SIMD floating-point exception (#XM)",
    "virtualization exception (#VE)",
    "control protection exception (#CP)",
    "reserved exception 22",
    "reserved exception 23",
    "reserved exception 24",
    "reserved exception 25",
    "reserved exception 26",
    "reserved exception 27",
    "hypervisor injection exception (#HV)",
    "VMM communication exception (#VC)",
    "security exception (#SX)",
    "reserved exception 31",
};

bool catchable(uint64_t vector)
{
    return vector == vector::kPageFault || vector == vector::kGeneralProtection || vector == 12 /* #SS */
        || vector == vector::kInvalidOpcode || vector == vector::kDivideError;
}

[[noreturn]] void report(const InterruptFrame& frame)
{
    uint64_t v = frame.vector;
    if (v == vector::kPageFault) {
        uint64_t code = frame.error_code;
        kernel::panic_with_frame(frame, "{} at address {:#x} ({} {}, {} mode{}) error code {:#x}", exception_name(v),
                                 read_cr2(), code & 1 ? "protection violation on" : "not-present page on",
                                 code & 16 ? "instruction fetch" : code & 2 ? "write" : "read",
                                 code & 4 ? "user" : "kernel", code & 8 ? ", reserved bit set" : "", code);
    }
    if (v == vector::kDoubleFault) {
        // The usual cause: a kernel stack ran into its guard page and the
        // page fault could not push its frame.
        if (mm::is_kernel_stack_guard(frame.rsp))
            kernel::panic_with_frame(frame, "{}: kernel stack overflow into the guard page at {:#x}",
                                     exception_name(v), frame.rsp);
        kernel::panic_with_frame(frame, "{}", exception_name(v));
    }
    kernel::panic_with_frame(frame, "{} error code {:#x}", exception_name(v), frame.error_code);
}
} // namespace

const char* exception_name(uint64_t vector) { return vector < 32 ? kNames[vector] : "interrupt"; }

void set_user_exception_handler(UserExceptionHandler handler) { g_user_handler = handler; }
void set_user_memory_fault_resolver(UserMemoryFaultResolver resolver) { g_user_memory_resolver = resolver; }

void handle_exception(InterruptFrame& frame)
{
    if (frame.from_user() && g_user_handler) {
        g_user_handler(frame);
        return;
    }
    // Only code that expects user memory to fault (the guarded copy
    // routines, inside a fault catch) gets a user page brought in; a kernel
    // bug touching user addresses still panics.
    if (!frame.from_user() && frame.vector == vector::kPageFault && g_user_memory_resolver && this_cpu().fault_catch) {
        uint64_t address = read_cr2();
        if (layout::is_canonical(address) && !layout::is_kernel_address(address)
            && g_user_memory_resolver(address, frame.error_code))
            return;
    }
    if (!frame.from_user() && catchable(frame.vector)) {
        if (FaultCatch* context = this_cpu().fault_catch) {
            context->info = FaultInfo {
                static_cast<uint8_t>(frame.vector),
                frame.error_code,
                frame.vector == vector::kPageFault ? read_cr2() : 0,
                frame.rip,
            };
            // Resume in fault_catch_longjmp, which unwinds to the catch.
            frame.rip = reinterpret_cast<uint64_t>(&fault_catch_longjmp);
            frame.rdi = reinterpret_cast<uint64_t>(context);
            return;
        }
    }
    report(frame);
}

void print_registers(const InterruptFrame& f)
{
    klog::print("registers:\n");
    klog::print("  rax {:#018x}  rbx {:#018x}  rcx {:#018x}\n", f.rax, f.rbx, f.rcx);
    klog::print("  rdx {:#018x}  rsi {:#018x}  rdi {:#018x}\n", f.rdx, f.rsi, f.rdi);
    klog::print("  rbp {:#018x}  rsp {:#018x}  r8  {:#018x}\n", f.rbp, f.rsp, f.r8);
    klog::print("  r9  {:#018x}  r10 {:#018x}  r11 {:#018x}\n", f.r9, f.r10, f.r11);
    klog::print("  r12 {:#018x}  r13 {:#018x}  r14 {:#018x}\n", f.r12, f.r13, f.r14);
    klog::print("  r15 {:#018x}  rip {:#018x}  rflags {:#010x}\n", f.r15, f.rip, f.rflags);
    klog::print("  cs {:#06x}  ss {:#06x}  vector {}  error {:#x}\n", f.cs, f.ss, f.vector, f.error_code);
    klog::print("  cr0 {:#x}  cr2 {:#x}  cr3 {:#x}  cr4 {:#x}\n", read_cr0(), read_cr2(), read_cr3(), read_cr4());
    klog::print("faulting instruction:\n");
    kernel::print_code_address(0, f.rip, false);
}

} // namespace arch
