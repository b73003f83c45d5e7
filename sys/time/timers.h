#pragma once
// The kernel's timers: callbacks run by the periodic timer interrupt
// (ktime::kTimerHz) at its first tick at or after their deadline, with
// interrupts off. One CPU: code that disables interrupts (as arm and cancel
// do) can never overlap a callback.
#include <stdint.h>

#include "time/timer_queue.h"

namespace ktime {

// (Re)arms `timer` `delay_ns` from now, then every `period_ns` (0: once);
// see TimerQueue::arm. Callable from a timer callback.
void arm_timer(Timer&, uint64_t delay_ns, uint64_t period_ns);
// Whether it was armed. Once it returns the callback is not running (unless
// this is that callback, cancelling itself) and will not run until re-armed.
bool cancel_timer(Timer&);

// The timer interrupt: runs the due callbacks.
void run_due_timers();

} // namespace ktime
