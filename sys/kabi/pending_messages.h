#pragma once
#include <stdint.h>

// What kernel ABI 3 keeps per thread for its message entry: the messages
// SUBMIT left pending, waiting for their AWAIT. Lives in proc::Thread so it
// dies with the thread; other kernel ABIs leave it empty.
//
// Normally there is one. A signal handler can run between a SUBMIT that
// went pending and its AWAIT, or inside an interrupted AWAIT that the
// kernel will restart, and make calls of its own; their SUBMITs set the
// earlier message aside instead of losing it, so the restarted AWAIT still
// finds it. Entries are keyed by the message's user address: a SUBMIT at an
// address ends any older message there (its stack slot was reused, so that
// call is over), and when all slots are taken the oldest goes.
namespace kabi {

struct PendingMessage {
    uint64_t address;     // the message in user memory; 0: slot free
    uint64_t age;         // order of submission, to drop the oldest
    uint32_t operation;
    uint64_t arguments[6];
    uint64_t deadline_ns; // nanosleep and timed poll: when the wait ends
};

struct PendingMessages {
    static constexpr int kSlots = 4;
    PendingMessage slots[kSlots] {};
    uint64_t submissions { 0 };
};

} // namespace kabi
