#pragma once
#include "lib/intrusive_list.h"
#include "proc/thread.h"

namespace proc {

// Threads waiting for something. Waiting never spins: the thread leaves
// the run queue until woken. Callers check their condition and wait with
// interrupts off, so a wake-up cannot slip in between (one CPU for now).
class WaitQueue {
public:
    WaitQueue() = default;
    WaitQueue(const WaitQueue&) = delete;
    WaitQueue& operator=(const WaitQueue&) = delete;

    // Blocks the current thread until `condition()` holds.
    template <typename Condition>
    void wait_until(Condition&& condition);
    void wake_all();
    bool has_waiters() const { return !waiters_.is_empty(); }

private:
    void block_current();

    klib::IntrusiveList<Thread, &Thread::queue_node> waiters_;
};

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
        block_current();
        klib::interrupts_restore(state);
    }
}

} // namespace proc
