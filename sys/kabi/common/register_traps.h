#pragma once
// The register convention kernel ABIs 1 and 2 share: trap number in rax,
// arguments in rdi, rsi, rdx, r10, r8, r9; the result in rax, or
// -(error number) on failure, numbered by the ABI's errors.def.
#include <stdint.h>

#include "arch/x86_64/interrupts/frame.h"
#include "lib/error.h"
#include "lib/error_or.h"

namespace kabi {

struct TrapArguments {
    uint64_t a0, a1, a2, a3, a4, a5;
    arch::InterruptFrame* frame; // for the traps that change how user mode resumes
};

inline TrapArguments arguments_of(arch::InterruptFrame& frame)
{
    return { frame.rdi, frame.rsi, frame.rdx, frame.r10, frame.r8, frame.r9, &frame };
}

// `numbers` maps each ErrorCode to this ABI's error number. Returns true
// for Interrupted.
inline bool store_result(arch::InterruptFrame& frame, const klib::ErrorOr<uint64_t>& result, const int16_t* numbers)
{
    if (result.is_error()) {
        auto code = result.error().code();
        frame.rax = static_cast<uint64_t>(-static_cast<int64_t>(numbers[static_cast<unsigned>(code)]));
        return code == klib::ErrorCode::Interrupted;
    }
    frame.rax = result.value();
    return false;
}

} // namespace kabi
