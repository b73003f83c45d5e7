#include "kabi/v2/shared_pages.h"

#include <string.h>

#include "arch/x86_64/mm/phys.h"
#include "kabi/common/basic_traps.h"
#include "kernel/panic.h"
#include "mm/physical_memory.h"
#include "syscall/syscalls.h"
#include "time/clock.h"

namespace kabi::v2 {

namespace {
mm::PhysAddr g_kpmap_frame = 0;

banos_k2_kpmap& kpmap() { return *arch::phys_to_virt<banos_k2_kpmap>(g_kpmap_frame); }
} // namespace

void init_kpmap()
{
    auto frame = mm::allocate_frame(mm::FrameUse::User);
    if (frame.is_error())
        kernel::panic("kpmap: no memory");
    g_kpmap_frame = frame.value();
    memset(arch::phys_to_virt(g_kpmap_frame), 0, mm::kPageSize);
    mm::ref_frame(g_kpmap_frame); // the kernel's own reference: never freed
    write_shared(kpmap(), [](banos_k2_kpmap& page) {
        page.kernel_abi = BANOS_KERNEL_ABI_V2;
        page.cpu_count = 1;
        page.features = ktime::clock_ready() ? BANOS_K2_KPMAP_TSC : 0;
        page.tsc_base = ktime::tsc_base();
        page.monotonic_base_ns = 0;
        page.realtime_offset_ns = ktime::realtime_offset_ns();
        page.tsc_mult = ktime::tsc_scale().mult;
        page.tsc_shift = ktime::tsc_scale().shift;
        page.coarse_resolution_ns = 1000000000 / ktime::kTimerHz;
        page.coarse_monotonic_ns = ktime::monotonic_ns();
        kabi::fill_system_name(page.uts);
    });
}

mm::PhysAddr kpmap_frame() { return g_kpmap_frame; }

void update_coarse_time()
{
    if (!g_kpmap_frame)
        return;
    uint64_t now = ktime::monotonic_ns();
    write_shared(kpmap(), [now](banos_k2_kpmap& page) { page.coarse_monotonic_ns = now; });
}

banos_k2_upmap& upmap_of(mm::PhysAddr frame) { return *arch::phys_to_virt<banos_k2_upmap>(frame); }

} // namespace kabi::v2
