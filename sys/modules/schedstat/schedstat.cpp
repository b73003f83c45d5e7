// schedstat: counts context switches through the kernel's scheduler hook;
// /dev/schedstat reads "switches N\n". A thread that sleeps makes at least
// two (away from it, and back), so the count grows across any sleep.
#include "abi-versions/modules/api.h"
#include "sys/modules/lib/module_text.h"

namespace {

// Written by the hook, with interrupts off.
volatile uint64_t g_switches = 0;

void count_switch(void*, uint64_t, uint64_t) { g_switches = g_switches + 1; }

int64_t schedstat_read(void*, uint64_t offset, void* buffer, uint64_t count)
{
    char text[48];
    size_t length = module_text::labelled_line(text, "switches", g_switches);
    return module_text::read_text(text, length, offset, buffer, count);
}

const banos_chardev_ops kOps = { schedstat_read, nullptr };

int schedstat_init()
{
    int registered = banos_chardev_register("schedstat", 0444, &kOps, nullptr);
    if (registered != 0)
        return registered;
    int attached = banos_sched_hook_attach(count_switch, nullptr);
    if (attached != 0)
        return attached; // the kernel drops /dev/schedstat with the module
    banos_log(BANOS_LOG_INFO, "schedstat: counting context switches in /dev/schedstat");
    return 0;
}

void schedstat_uninit() { banos_sched_hook_detach(count_switch); }

} // namespace

BANOS_DRIVER("schedstat", "BSD-2-Clause", "1.0", schedstat_init, schedstat_uninit);
