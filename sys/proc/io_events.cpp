#include "proc/io_events.h"

#include "proc/wait_queue.h"

namespace proc {

namespace {
uint64_t g_generation = 0;
WaitQueue g_waiters;
} // namespace

void announce_io_event()
{
    __atomic_add_fetch(&g_generation, 1, __ATOMIC_RELEASE);
    g_waiters.wake_all();
}

uint64_t io_event_generation() { return __atomic_load_n(&g_generation, __ATOMIC_ACQUIRE); }

klib::ErrorOr<void> wait_for_io_event(uint64_t seen, uint64_t deadline_ns)
{
    return g_waiters.wait_interruptible([seen] { return io_event_generation() != seen; }, deadline_ns);
}

} // namespace proc
