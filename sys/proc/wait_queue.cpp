#include "proc/wait_queue.h"

#include "proc/scheduler.h"

namespace proc {

void WaitQueue::block_current()
{
    Thread& thread = sched::current();
    thread.set_state(ThreadState::Blocked);
    waiters_.push_back(thread);
    sched::schedule();
}

void WaitQueue::wake_all()
{
    auto state = klib::interrupts_save_and_disable();
    while (Thread* thread = waiters_.pop_front())
        sched::make_runnable(*thread);
    klib::interrupts_restore(state);
}

} // namespace proc
