// Kernel ABI 2: trap table T2, -errno results, kpmap and upmap.
#include "abi-versions/v2/kernel/abi.h"
#include "kabi/common/file_traps.h"
#include "kabi/kabi.h"
#include "kabi/shared_pages/shared_pages.h"
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
    return trap_clock_gettime_as<banos_k2_timespec, BANOS_K2_CLOCK_REALTIME, BANOS_K2_CLOCK_MONOTONIC>(a);
}

Result trap_uname(const TrapArguments& a) { return trap_uname_as<banos_k2_utsname>(a); }
} // namespace

void init() { shared::init_kpmap(BANOS_KERNEL_ABI_V2, shared::PerCpuRecords::No); }
void process_created(proc::Process& process) { shared::process_created(process); }
void process_ids_changed(proc::Process& process) { shared::process_ids_changed(process); }
void timer_tick() { shared::update_coarse_time(); }

#define KABI_TRAPS_DEF "abi-versions/v2/kernel/traps.def"
#include "kabi/common/register_dispatch.inc"

klib::ErrorOr<void> map_shared_pages(mm::AddressSpace& space, proc::Process& process, uint64_t window,
                                     const banos_layer_descriptor& layer)
{
    return shared::map_pages(space, process, window, layer);
}

} // namespace kabi
