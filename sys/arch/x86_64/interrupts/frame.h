#pragma once
#include <stddef.h>
#include <stdint.h>

namespace arch {

// What interrupt_entry.asm leaves on the stack, lowest address first.
struct InterruptFrame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector;
    uint64_t error_code;
    // Pushed by the CPU.
    uint64_t rip, cs, rflags, rsp, ss;

    bool from_user() const { return (cs & 3) == 3; }
};
static_assert(sizeof(InterruptFrame) == 22 * 8);
static_assert(offsetof(InterruptFrame, vector) == 15 * 8);

void print_registers(const InterruptFrame&);

} // namespace arch
