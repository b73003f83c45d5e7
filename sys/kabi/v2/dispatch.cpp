// Kernel ABI 2: trap table T2, -errno results, kpmap and upmap.
#include "abi-versions/v2/kernel/abi.h"
#include "kabi/common/file_traps.h"
#include "kabi/kabi.h"
#include "kabi/v2/shared_pages.h"
#include "kernel/log.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "syscall/syscalls.h"

#define KABI_ERRORS_DEF "abi-versions/v2/kernel/errors.def"
#include "kabi/common/error_numbers.h"

namespace kabi {

namespace {
constexpr ErrorNumbers kErrors = make_error_numbers();

using Result = TrapResult;

banos_k2_stat kernel_stat(const sys::FileStatus& s)
{
    banos_k2_stat out {};
    out.dev = s.device;
    out.ino = s.inode;
    out.mode = s.mode;
    out.nlink = s.links;
    out.uid = s.uid;
    out.gid = s.gid;
    out.rdev = s.rdev;
    out.size = s.size;
    out.blksize = s.block_size;
    out.blocks = s.blocks;
    out.atime = { s.access_seconds, s.access_nanoseconds };
    out.mtime = { s.modify_seconds, s.modify_nanoseconds };
    out.ctime = { s.change_seconds, s.change_nanoseconds };
    return out;
}

Result trap_fstatat(const TrapArguments& a) { return fstatat_as<banos_k2_stat, kernel_stat>(a); }
Result trap_fstat(const TrapArguments& a) { return fstat_as<banos_k2_stat, kernel_stat>(a); }

Result trap_clock_gettime(const TrapArguments& a)
{
    sys::Clock clock;
    if (a.a0 == BANOS_K2_CLOCK_REALTIME)
        clock = sys::Clock::Realtime;
    else if (a.a0 == BANOS_K2_CLOCK_MONOTONIC)
        clock = sys::Clock::Monotonic;
    else
        return klib::ErrorCode::Invalid;
    uint64_t ns = sys::clock_ns(clock);
    banos_k2_timespec out { static_cast<int64_t>(ns / 1000000000), static_cast<int64_t>(ns % 1000000000) };
    TRY(mm::copy_to_user(a.a1, &out, sizeof(out)));
    return 0;
}

Result trap_uname(const TrapArguments& a)
{
    banos_k2_utsname out;
    fill_system_name(out);
    TRY(mm::copy_to_user(a.a0, &out, sizeof(out)));
    return 0;
}
} // namespace

void init() { v2::init_kpmap(); }

void process_created(proc::Process& process)
{
    banos_k2_upmap& upmap = v2::upmap_of(process.upmap_frame());
    process.set_syscall_counter(&upmap.syscall_count);
    process_ids_changed(process);
}

void process_ids_changed(proc::Process& process)
{
    v2::write_shared(v2::upmap_of(process.upmap_frame()), [&](banos_k2_upmap& page) {
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

void timer_tick() { v2::update_coarse_time(); }

#define KABI_TRAPS_DEF "abi-versions/v2/kernel/traps.def"
#include "kabi/common/register_dispatch.inc"

klib::ErrorOr<void> map_shared_pages(mm::AddressSpace& space, proc::Process& process, uint64_t window,
                                     const banos_layer_descriptor& layer)
{
    if (layer.kpmap_offset) {
        mm::PhysAddr frame = v2::kpmap_frame();
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

} // namespace kabi
