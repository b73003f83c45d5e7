#pragma once
// "Some file may have become ready": pipes and terminals announce every
// change of their state here, and poll() waits here. Waiters look at a
// generation count rather than only wait for a wake-up, so a change that
// happens between poll's scan of its descriptors and its sleep is never
// missed: the count has moved and the wait ends at once.
#include <stdint.h>

#include "lib/error_or.h"

namespace proc {

// Safe from interrupt handlers (a key press).
void announce_io_event();
uint64_t io_event_generation();
// Blocks until the generation differs from `seen` (fine), the monotonic
// clock reaches deadline_ns (TimedOut; 0 means no deadline) or a signal
// arrives for the caller (Interrupted).
klib::ErrorOr<void> wait_for_io_event(uint64_t seen, uint64_t deadline_ns);

} // namespace proc
