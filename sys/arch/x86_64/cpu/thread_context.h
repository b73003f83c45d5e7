#pragma once
#include <stdint.h>

#include "arch/x86_64/interrupts/frame.h"

namespace arch {

// The x87/SSE register file as fxsave stores it.
struct alignas(16) FpuState {
    uint8_t bytes[512];
};

// What the architecture keeps per thread besides its kernel stack.
struct ThreadContext {
    uint64_t kernel_rsp { 0 };  // saved by switch_context while not running
    uint64_t kernel_stack_top { 0 };
    uint64_t fs_base { 0 };
    FpuState fpu {};
};

using ThreadFunction = void (*)(void*);

// Lays out a new thread's kernel stack so the first switch to it calls
// function(argument) on that stack.
void prepare_thread_stack(ThreadContext&, uint64_t stack_top, ThreadFunction function, void* argument);

// A clean FPU state (default control words, nothing pending).
void init_fpu_state(FpuState&);

// Saves the running thread's user-visible state and loads the next one's;
// called with interrupts off, then switch_context does the stacks.
void switch_thread_state(ThreadContext& from, ThreadContext& to);

// Leaves the kernel for user mode through the prepared frame, on the
// current thread's kernel stack.
[[noreturn]] void enter_user_mode(const InterruptFrame&);

// Installs the system-call entry point on this CPU.
void init_syscall_entry();

} // namespace arch

extern "C" void switch_context(uint64_t* save_rsp, uint64_t load_rsp);
