#include "vfs/clock.h"

namespace vfs {

namespace {
ClockFunction g_clock = nullptr;
}

void set_clock(ClockFunction clock) { __atomic_store_n(&g_clock, clock, __ATOMIC_RELEASE); }

Timestamp now()
{
    ClockFunction clock = __atomic_load_n(&g_clock, __ATOMIC_ACQUIRE);
    return clock ? clock() : Timestamp {};
}

} // namespace vfs
