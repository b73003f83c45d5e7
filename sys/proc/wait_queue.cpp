#include "proc/wait_queue.h"

#include "proc/scheduler.h"

namespace proc {

WakeReason WaitQueue::block_current(bool interruptible, uint64_t deadline_ns)
{
    Thread& thread = sched::current();
    thread.set_state(ThreadState::Blocked);
    thread.blocked_on = this;
    thread.interruptible = interruptible;
    thread.wake_reason = WakeReason::Woken;
    waiters_.push_back(thread);
    if (deadline_ns)
        sched::add_sleeper(thread, deadline_ns);
    sched::schedule();
    return thread.wake_reason;
}

void WaitQueue::wake_thread(Thread& thread, WakeReason reason)
{
    auto state = klib::interrupts_save_and_disable();
    if (thread.state() == ThreadState::Blocked) {
        if (thread.queue_node.is_linked())
            decltype(waiters_)::remove(thread);
        sched::remove_sleeper(thread);
        thread.blocked_on = nullptr;
        thread.wake_reason = reason;
        sched::make_runnable(thread);
    }
    klib::interrupts_restore(state);
}

void WaitQueue::wake_all()
{
    auto state = klib::interrupts_save_and_disable();
    while (Thread* thread = waiters_.first())
        wake_thread(*thread, WakeReason::Woken);
    klib::interrupts_restore(state);
}

void WaitQueue::wake_one()
{
    auto state = klib::interrupts_save_and_disable();
    if (Thread* thread = waiters_.first())
        wake_thread(*thread, WakeReason::Woken);
    klib::interrupts_restore(state);
}

} // namespace proc
