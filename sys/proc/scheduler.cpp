#include "proc/scheduler.h"

#include "arch/x86_64/cpu/cpu.h"
#include "kernel/panic.h"
#include "lib/intrusive_list.h"
#include "lib/spinlock.h"
#include "proc/process.h"
#include "proc/switch_hook.h"
#include "proc/wait_queue.h"
#include "time/clock.h"

namespace sched {

namespace {
// All of this is touched only with interrupts off (one CPU for now).
klib::IntrusiveList<proc::Thread, &proc::Thread::queue_node> g_run_queue;
klib::IntrusiveList<proc::Thread, &proc::Thread::timer_node> g_sleepers; // by deadline
proc::Thread* g_current = nullptr;
proc::Thread* g_idle = nullptr;
klib::OwnPtr<proc::Thread> g_idle_owner;
bool g_preempt_due = false;

void switch_to(proc::Thread& next)
{
    proc::Thread& previous = *g_current;
    next.set_state(proc::ThreadState::Running);
    if (&next == &previous)
        return;
    proc::Process* next_process = next.process();
    if (next_process && next_process != previous.process())
        next_process->address_space().activate();
    run_switch_hook(static_cast<uint64_t>(previous.tid()), static_cast<uint64_t>(next.tid()));
    g_current = &next;
    g_preempt_due = false;
    arch::switch_thread_state(previous.context(), next.context());
    switch_context(&previous.context().kernel_rsp, next.context().kernel_rsp);
}
} // namespace

void init()
{
    auto idle = proc::Thread::adopt_boot_thread();
    if (idle.is_error())
        kernel::panic("sched: no memory for the idle thread");
    g_idle_owner = idle.release_value();
    g_idle = g_idle_owner.get();
    g_current = g_idle;
}

proc::Thread& current() { return *g_current; }
bool ready() { return g_current != nullptr; }
bool can_block() { return g_current != nullptr && g_current != g_idle; }

void make_runnable(proc::Thread& thread)
{
    auto state = klib::interrupts_save_and_disable();
    thread.set_state(proc::ThreadState::Runnable);
    if (&thread != g_idle && !thread.queue_node.is_linked())
        g_run_queue.push_back(thread);
    klib::interrupts_restore(state);
}

void schedule()
{
    KASSERT(!arch::interrupts_enabled());
    proc::Thread* next = g_run_queue.pop_front();
    if (!next) {
        if (g_current->state() == proc::ThreadState::Running)
            return;
        next = g_idle;
    }
    switch_to(*next);
}

void yield()
{
    auto state = klib::interrupts_save_and_disable();
    if (g_current != g_idle) {
        g_current->set_state(proc::ThreadState::Runnable);
        g_run_queue.push_back(*g_current);
    }
    schedule();
    klib::interrupts_restore(state);
}

void exit_current_thread()
{
    arch::disable_interrupts();
    g_current->set_state(proc::ThreadState::Dead);
    schedule();
    kernel::panic("sched: a dead thread was scheduled");
}

void run_idle()
{
    for (;;) {
        arch::disable_interrupts();
        if (!g_run_queue.is_empty()) {
            g_idle->set_state(proc::ThreadState::Runnable);
            schedule();
            continue;
        }
        // sti takes effect after the next instruction, so no interrupt
        // can slip in between the check above and the halt.
        asm volatile("sti; hlt" ::: "memory");
    }
}

void add_sleeper(proc::Thread& thread, uint64_t deadline_ns)
{
    thread.wake_at_ns = deadline_ns;
    g_sleepers.insert_sorted(thread,
                             [](const proc::Thread& a, const proc::Thread& b) { return a.wake_at_ns < b.wake_at_ns; });
}

void remove_sleeper(proc::Thread& thread)
{
    if (thread.timer_node.is_linked())
        decltype(g_sleepers)::remove(thread);
    thread.wake_at_ns = 0;
}

proc::WakeReason sleep_until(uint64_t deadline_ns, bool interruptible)
{
    auto state = klib::interrupts_save_and_disable();
    proc::Thread& thread = *g_current;
    if (interruptible && proc::current_has_pending_signal()) {
        klib::interrupts_restore(state);
        return proc::WakeReason::Interrupted;
    }
    if (ktime::monotonic_ns() >= deadline_ns) {
        klib::interrupts_restore(state);
        return proc::WakeReason::TimedOut;
    }
    thread.set_state(proc::ThreadState::Blocked);
    thread.blocked_on = nullptr;
    thread.interruptible = interruptible;
    thread.wake_reason = proc::WakeReason::Woken;
    add_sleeper(thread, deadline_ns);
    schedule();
    klib::interrupts_restore(state);
    return thread.wake_reason;
}

void timer_tick()
{
    uint64_t now = ktime::monotonic_ns();
    while (proc::Thread* sleeper = g_sleepers.first()) {
        if (sleeper->wake_at_ns > now)
            break;
        proc::WaitQueue::wake_thread(*sleeper, proc::WakeReason::TimedOut);
    }
    if (g_current != g_idle && !g_run_queue.is_empty())
        g_preempt_due = true;
}

void preempt_if_due(const arch::InterruptFrame& frame)
{
    if (g_preempt_due && frame.from_user())
        yield();
}

} // namespace sched

// Where every new thread starts (see context_switch.asm).
extern "C" [[noreturn]] void thread_start_hook(arch::ThreadFunction function, void* argument)
{
    arch::enable_interrupts();
    function(argument);
    sched::exit_current_thread();
}
