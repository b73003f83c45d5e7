// Kernel ABI 1: trap table T1, -errno results, no shared pages.
#include "abi-versions/v1/kernel/abi.h"
#include "kabi/common/file_traps.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "syscall/syscalls.h"

#define KABI_ERRORS_DEF "abi-versions/v1/kernel/errors.def"
#include "kabi/common/error_numbers.h"

namespace kabi {

namespace {
constexpr ErrorNumbers kErrors = make_error_numbers();

using Result = TrapResult;

banos_k1_stat kernel_stat(const sys::FileStatus& s)
{
    banos_k1_stat out {};
    out.dev = static_cast<uint32_t>(s.device);
    out.ino = static_cast<uint32_t>(s.inode);
    out.mode = s.mode;
    out.nlink = s.links;
    out.uid = s.uid;
    out.gid = s.gid;
    out.rdev = static_cast<uint32_t>(s.rdev);
    out.blksize = static_cast<uint32_t>(s.block_size);
    out.size = s.size;
    out.blocks = s.blocks;
    out.atime = static_cast<int32_t>(s.access_seconds);
    out.mtime = static_cast<int32_t>(s.modify_seconds);
    out.ctime = static_cast<int32_t>(s.change_seconds);
    return out;
}

Result trap_fstatat(const TrapArguments& a) { return fstatat_as<banos_k1_stat, kernel_stat>(a); }
Result trap_fstat(const TrapArguments& a) { return fstat_as<banos_k1_stat, kernel_stat>(a); }

Result trap_time_ticks(const TrapArguments& a)
{
    sys::Clock clock = TRY((clock_of<BANOS_K1_CLOCK_REALTIME, BANOS_K1_CLOCK_MONOTONIC>(a.a0)));
    return sys::clock_ns(clock) / (1000000000 / BANOS_K1_TICK_HZ);
}

Result trap_uname(const TrapArguments& a) { return trap_uname_as<banos_k1_utsname>(a); }
} // namespace

void init() {}

void process_created(proc::Process&) {}
void process_ids_changed(proc::Process&) {}
void timer_tick() {}

#define KABI_TRAPS_DEF "abi-versions/v1/kernel/traps.def"
#include "kabi/common/register_dispatch.inc"

klib::ErrorOr<void> map_shared_pages(mm::AddressSpace&, proc::Process& process, uint64_t,
                                     const banos_layer_descriptor& layer)
{
    if (layer.kpmap_offset || layer.upmap_offset) {
        klog::warn("exec: pid {} ({}): the layer asks for shared pages, which kernel ABI 1 does not have",
                   process.pid(), process.path());
        return klib::ErrorCode::ExecFormat;
    }
    return {};
}

} // namespace kabi
