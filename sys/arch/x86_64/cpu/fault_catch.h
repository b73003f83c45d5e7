#pragma once
#include <stdint.h>

#include "arch/x86_64/cpu/percpu.h"
#include "lib/optional.h"

// Lets kernel code touch memory that may fault and get the fault back as a
// value instead of a panic: the self-tests use it to prove that NX and
// read-only mappings are enforced, and it is the base for copying from user
// memory.
namespace arch {

struct FaultInfo {
    uint8_t vector;
    uint64_t error_code;
    uint64_t address; // CR2 for page faults
    uint64_t rip;
};

struct FaultCatch {
    uint64_t rbx, rbp, r12, r13, r14, r15, rsp, rip; // read by fault_catch.asm
    FaultInfo info;
};

} // namespace arch

extern "C" [[gnu::returns_twice]] int fault_catch_setjmp(arch::FaultCatch*);
extern "C" [[noreturn]] void fault_catch_longjmp(arch::FaultCatch*);

namespace arch {

// Runs `body`; returns the fault it took, or nothing if it ran to the end.
template <typename Body>
[[gnu::noinline]] klib::Optional<FaultInfo> catch_fault(Body&& body)
{
    FaultCatch context;
    FaultCatch* outer = this_cpu().fault_catch;
    if (fault_catch_setjmp(&context) == 0) {
        this_cpu().fault_catch = &context;
        body();
        this_cpu().fault_catch = outer;
        return {};
    }
    this_cpu().fault_catch = outer;
    return context.info;
}

} // namespace arch
