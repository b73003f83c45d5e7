#include "proc/reaper.h"

#include "kernel/panic.h"
#include "proc/process.h"
#include "proc/scheduler.h"

namespace proc::reaper {

namespace {
klib::IntrusiveList<Process, &Process::table_node> g_orphans;
WaitQueue g_work;

void run(void*)
{
    for (;;) {
        g_work.wait_until([] { return !g_orphans.is_empty(); });
        auto state = klib::interrupts_save_and_disable();
        Process* zombie = g_orphans.pop_front();
        klib::interrupts_restore(state);
        if (zombie)
            zombie->unref(); // the process table's reference
    }
}
} // namespace

void start()
{
    auto thread = Thread::create_kernel("reaper", run, nullptr);
    if (thread.is_error())
        kernel::panic("reaper: cannot start: {}", thread.error());
    sched::make_runnable(*thread.release_value().leak());
}

void adopt_orphan(Process& zombie)
{
    auto state = klib::interrupts_save_and_disable();
    if (zombie.table_node.is_linked())
        klib::IntrusiveList<Process, &Process::table_node>::remove(zombie);
    g_orphans.push_back(zombie);
    klib::interrupts_restore(state);
    g_work.wake_all();
}

} // namespace proc::reaper
