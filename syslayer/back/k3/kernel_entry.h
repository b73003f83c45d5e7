#pragma once
// How the kernel ABI 3 back end enters its kernel (abi-versions/v3/kernel/
// abi.h): the message lives on this stack frame, SUBMIT starts it, and if
// the kernel left it pending, AWAIT waits for it. A program never sees the
// difference, which is the point: a call that has to wait (a read on an
// empty pipe) costs one more kernel entry, not a different API.
#include "back/k3/message.h"

namespace layer::trap {

struct Answer {
    int64_t value; // rax
    uint64_t code; // rdx: 0, a kernel error code, or BANOS_K3_PENDING
};

inline Answer enter(banos_k3_message& message, uint64_t mode)
{
    Answer answer;
    // The kernel reads and writes the message ("memory") and returns in
    // rax and rdx; rcx and r11 are the `syscall` instruction's.
    asm volatile("syscall"
                 : "=a"(answer.value), "=d"(answer.code)
                 : "a"(static_cast<uint64_t>(BANOS_K3_ENTER)), "D"(&message), "S"(mode)
                 : "rcx", "r11", "memory");
    return answer;
}

inline Status invoke(uint32_t operation, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
                     uint64_t a4 = 0, uint64_t a5 = 0)
{
    banos_k3_message message = make_message(operation, a0, a1, a2, a3, a4, a5);
    Answer answer = enter(message, BANOS_K3_SUBMIT);
    if (answer.code == BANOS_K3_PENDING)
        answer = enter(message, BANOS_K3_AWAIT);
    return status_of(answer.value, answer.code);
}

} // namespace layer::trap
