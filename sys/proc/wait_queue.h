#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/intrusive_list.h"
#include "proc/thread.h"

namespace proc {

// Threads waiting for something: two pointers, small enough to embed in
// anything that can be waited for. Waiting never spins: the thread leaves
// the run queue until woken. Callers check their condition and block with
// interrupts off, so a wake-up cannot slip in between (one CPU for now).
class WaitQueue {
public:
    WaitQueue() = default;
    WaitQueue(const WaitQueue&) = delete;
    WaitQueue& operator=(const WaitQueue&) = delete;

    // Blocks until `condition()` holds; signals do not interrupt.
    template <typename Condition>
    void wait_until(Condition&& condition);
    // Blocks until `condition()` holds, a signal arrives for the thread's
    // process (Interrupted), or the monotonic clock reaches deadline_ns
    // (TimedOut; 0 means no deadline).
    template <typename Condition>
    klib::ErrorOr<void> wait_interruptible(Condition&& condition, uint64_t deadline_ns = 0);

    void wake_all();
    void wake_one();
    bool has_waiters() const { return !waiters_.is_empty(); }

    // Takes a blocked thread off whatever queue it waits in and makes it
    // runnable with the given reason (signals, timeouts).
    static void wake_thread(Thread&, WakeReason);

private:
    WakeReason block_current(bool interruptible, uint64_t deadline_ns);

    klib::IntrusiveList<Thread, &Thread::queue_node> waiters_;
};

// True when the current thread has a signal it must act on (a blocking
// call should give up with Interrupted).
bool current_has_pending_signal();

} // namespace proc

#include "lib/spinlock.h"

namespace proc {

template <typename Condition>
void WaitQueue::wait_until(Condition&& condition)
{
    for (;;) {
        auto state = klib::interrupts_save_and_disable();
        if (condition()) {
            klib::interrupts_restore(state);
            return;
        }
        block_current(false, 0);
        klib::interrupts_restore(state);
    }
}

template <typename Condition>
klib::ErrorOr<void> WaitQueue::wait_interruptible(Condition&& condition, uint64_t deadline_ns)
{
    for (;;) {
        auto state = klib::interrupts_save_and_disable();
        if (condition()) {
            klib::interrupts_restore(state);
            return {};
        }
        if (current_has_pending_signal()) {
            klib::interrupts_restore(state);
            return klib::ErrorCode::Interrupted;
        }
        WakeReason reason = block_current(true, deadline_ns);
        klib::interrupts_restore(state);
        if (reason == WakeReason::TimedOut && !condition())
            return klib::ErrorCode::TimedOut;
    }
}

} // namespace proc
