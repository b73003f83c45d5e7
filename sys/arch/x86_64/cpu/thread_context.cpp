#include "arch/x86_64/cpu/thread_context.h"

#include <string.h>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/cpu/gdt.h"
#include "arch/x86_64/cpu/percpu.h"

extern "C" void thread_trampoline();
extern "C" [[noreturn]] void enter_user_mode_with_frame(const arch::InterruptFrame* frame);

namespace arch {

namespace {
FpuState g_clean_fpu;
bool g_clean_fpu_ready = false;

// Stack layout switch_context pops: r15 r14 r13 r12 rbx rbp, then returns.
struct InitialFrame {
    uint64_t r15, r14, r13, r12, rbx, rbp, return_address;
};
} // namespace

void prepare_thread_stack(ThreadContext& context, uint64_t stack_top, ThreadFunction function, void* argument)
{
    // Keep the ABI's 16-byte alignment at the trampoline's call.
    uint64_t rsp = (stack_top - sizeof(InitialFrame) - 8) & ~0xfull;
    auto* frame = reinterpret_cast<InitialFrame*>(rsp);
    *frame = InitialFrame {};
    frame->r12 = reinterpret_cast<uint64_t>(function);
    frame->r13 = reinterpret_cast<uint64_t>(argument);
    frame->return_address = reinterpret_cast<uint64_t>(&thread_trampoline);
    context.kernel_rsp = rsp;
    context.kernel_stack_top = stack_top;
}

void init_fpu_state(FpuState& state)
{
    if (!g_clean_fpu_ready) {
        // The kernel never touches these registers, so what fninit and the
        // default MXCSR leave is every new thread's starting state.
        uint32_t mxcsr = 0x1f80;
        asm volatile("fninit\n\tldmxcsr %0\n\tfxsave64 %1" : : "m"(mxcsr), "m"(g_clean_fpu) : "memory");
        g_clean_fpu_ready = true;
    }
    memcpy(&state, &g_clean_fpu, sizeof(state));
}

void switch_thread_state(ThreadContext& from, ThreadContext& to)
{
    asm volatile("fxsave64 %0" : "=m"(from.fpu) : : "memory");
    from.fs_base = rdmsr(msr::kFsBase);
    asm volatile("fxrstor64 %0" : : "m"(to.fpu) : "memory");
    wrmsr(msr::kFsBase, to.fs_base);
    Cpu& cpu = this_cpu();
    cpu.kernel_rsp = to.kernel_stack_top;
    cpu.tss.rsp[0] = to.kernel_stack_top;
}

void enter_user_mode(const InterruptFrame& frame) { enter_user_mode_with_frame(&frame); }

} // namespace arch
