#pragma once
// Which kernel ABI 3 operations SUBMIT leaves pending, and how AWAIT
// finishes them. The operations that may wait are read, write, readv and
// writev on a descriptor without O_NONBLOCK, waitpid without WNOHANG,
// nanosleep for a nonzero time and poll with a nonzero timeout; each is
// left pending only when it would in fact have to wait.
#include "kabi/common/register_traps.h"
#include "kabi/pending_messages.h"

namespace kabi::v3 {

using TrapResult = klib::ErrorOr<uint64_t>;

// SUBMIT: whether the operation in `record` (operation and arguments
// filled in) runs now, must wait (Pending: `record` then holds what AWAIT
// needs) or was finished by a probe (Finished: its result is in `result`).
enum class Start { Now, Pending, Finished };
struct Started {
    Start how;
    TrapResult result; // when Finished
};
Started start(PendingMessage& record, const TrapArguments&);

// AWAIT: runs the pending operation to completion, blocking. Interrupted
// leaves it pending (the caller keeps the record).
TrapResult finish(const PendingMessage& record, arch::InterruptFrame&);

// The thread's table of pending messages (kabi/pending_messages.h).
PendingMessage* find(PendingMessages&, uint64_t address);
// A SUBMIT at `address`: whatever was pending there is over.
void forget(PendingMessages&, uint64_t address);
// Stores a new pending message, in a free slot or the oldest one's.
PendingMessage& claim(PendingMessages&, const PendingMessage&);
void release(PendingMessage&);
void clear(PendingMessages&);

} // namespace kabi::v3
