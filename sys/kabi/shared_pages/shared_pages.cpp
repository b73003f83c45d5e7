#include "kabi/shared_pages/shared_pages.h"

#include <string.h>

#include "arch/x86_64/cpu/tsc_aux.h"
#include "arch/x86_64/interrupts/lapic.h"
#include "arch/x86_64/mm/phys.h"
#include "kabi/common/basic_traps.h"
#include "kernel/panic.h"
#include "mm/address_space.h"
#include "mm/physical_memory.h"
#include "proc/process.h"
#include "syscall/syscalls.h"
#include "time/clock.h"

namespace kabi::shared {

namespace {
mm::PhysAddr g_kpmap_frame = 0;

// Kernel ABI 2's part sits at the start of the page for both ABIs.
banos_k2_kpmap& kpmap() { return *arch::phys_to_virt<banos_k2_kpmap>(g_kpmap_frame); }
banos_k3_kpmap& kpmap_with_cpus() { return *arch::phys_to_virt<banos_k3_kpmap>(g_kpmap_frame); }
banos_k2_upmap& upmap_of(mm::PhysAddr frame) { return *arch::phys_to_virt<banos_k2_upmap>(frame); }

// One record per CPU the kernel runs on, indexed by the number rdtscp
// reports. The kernel runs on the boot CPU only, whose TSC is the clock's
// own, so its offset is zero.
void fill_cpu_records(banos_k3_kpmap& page)
{
    uint32_t count = static_cast<uint32_t>(sys::cpu_count());
    if (count > BANOS_K3_MAX_CPUS)
        count = BANOS_K3_MAX_CPUS;
    page.cpu_slots = count;
    for (uint32_t cpu = 0; cpu < count; ++cpu)
        page.cpus[cpu] = { 1, cpu == 0 ? arch::lapic::id() : 0, 0 };
}
} // namespace

void init_kpmap(uint32_t kernel_abi, PerCpuRecords per_cpu)
{
    auto frame = mm::allocate_frame(mm::FrameUse::User);
    if (frame.is_error())
        kernel::panic("kpmap: no memory");
    g_kpmap_frame = frame.value();
    memset(arch::phys_to_virt(g_kpmap_frame), 0, mm::kPageSize);
    mm::ref_frame(g_kpmap_frame); // the kernel's own reference: never freed
    banos_k2_kpmap& page = kpmap();
    write_sequenced(page.sequence, [&] {
        page.kernel_abi = kernel_abi;
        page.cpu_count = static_cast<uint32_t>(sys::cpu_count());
        page.features = (ktime::clock_ready() ? BANOS_K2_KPMAP_TSC : 0)
            | (arch::rdtscp_reports_cpu() ? BANOS_K2_KPMAP_RDTSCP_CPU : 0);
        page.tsc_base = ktime::tsc_base();
        page.monotonic_base_ns = 0;
        page.realtime_offset_ns = ktime::realtime_offset_ns();
        page.tsc_mult = ktime::tsc_scale().mult;
        page.tsc_shift = ktime::tsc_scale().shift;
        page.coarse_resolution_ns = 1000000000 / ktime::kTimerHz;
        page.coarse_monotonic_ns = ktime::monotonic_ns();
        kabi::fill_system_name(page.uts);
        if (per_cpu == PerCpuRecords::Yes)
            fill_cpu_records(kpmap_with_cpus());
    });
}

mm::PhysAddr kpmap_frame() { return g_kpmap_frame; }

void update_coarse_time()
{
    if (!g_kpmap_frame)
        return;
    uint64_t now = ktime::monotonic_ns();
    banos_k2_kpmap& page = kpmap();
    write_sequenced(page.sequence, [&] { page.coarse_monotonic_ns = now; });
}

void process_created(proc::Process& process)
{
    banos_k2_upmap& upmap = upmap_of(process.upmap_frame());
    process.set_syscall_counter(&upmap.syscall_count);
    process_ids_changed(process);
}

void process_ids_changed(proc::Process& process)
{
    banos_k2_upmap& page = upmap_of(process.upmap_frame());
    write_sequenced(page.sequence, [&] {
        page.pid = process.pid();
        page.ppid = process.ppid();
        page.uid = process.credentials().uid;
        page.euid = process.credentials().euid;
        page.gid = process.credentials().gid;
        page.egid = process.credentials().egid;
        page.pgid = process.pgid();
        page.sid = process.sid();
    });
}

klib::ErrorOr<void> map_pages(mm::AddressSpace& space, proc::Process& process, uint64_t window,
                              const banos_layer_descriptor& layer)
{
    if (layer.kpmap_offset) {
        mm::PhysAddr frame = g_kpmap_frame;
        TRY(space.map_frames(window + layer.kpmap_offset, klib::Span<const mm::PhysAddr>(&frame, 1), mm::kProtRead,
                             mm::RegionKind::Frames, "kpmap", true));
    }
    if (layer.upmap_offset) {
        mm::PhysAddr frame = process.upmap_frame();
        TRY(space.map_frames(window + layer.upmap_offset, klib::Span<const mm::PhysAddr>(&frame, 1), mm::kProtRead,
                             mm::RegionKind::ProcessPage, "upmap", true));
    }
    return {};
}

} // namespace kabi::shared
