// Kernel ABI 3's own decoders: stat with birth time, clocks, uname, spawn.
#include "kabi/v3/operations.h"

#include "abi-versions/v3/kernel/abi.h"
#include "kernel/log.h"
#include "lib/vector.h"
#include "proc/process.h"

namespace kabi {

namespace {
// More file actions than any real posix_spawn uses; the bound keeps a bad
// count from costing the kernel memory.
constexpr uint64_t kMaxSpawnActions = 1024;

banos_k3_stat kernel_stat(const sys::FileStatus& s)
{
    banos_k3_stat out {};
    out.ino = s.inode;
    out.dev = s.device;
    out.rdev = s.rdev;
    out.mode = s.mode;
    out.nlink = s.links;
    out.uid = s.uid;
    out.gid = s.gid;
    out.size = s.size;
    out.blocks = s.blocks;
    out.blksize = static_cast<int32_t>(s.block_size);
    out.atime = { s.access_seconds, s.access_nanoseconds };
    out.mtime = { s.modify_seconds, s.modify_nanoseconds };
    out.ctime = { s.change_seconds, s.change_nanoseconds };
    out.btime = { s.birth_seconds, s.birth_nanoseconds };
    return out;
}

klib::ErrorOr<sys::SpawnAction> spawn_action_of(const banos_k3_spawn_action& record)
{
    sys::SpawnAction action { 0, record.fd, record.source_fd, record.flags, record.mode, record.path };
    switch (record.kind) {
    case BANOS_K3_SPAWN_OPEN:
        action.kind = sys::SpawnAction::Open;
        break;
    case BANOS_K3_SPAWN_CLOSE:
        action.kind = sys::SpawnAction::Close;
        break;
    case BANOS_K3_SPAWN_DUP2:
        action.kind = sys::SpawnAction::Dup2;
        break;
    case BANOS_K3_SPAWN_CHDIR:
        action.kind = sys::SpawnAction::Chdir;
        break;
    default:
        return klib::ErrorCode::Invalid;
    }
    return action;
}

klib::ErrorOr<sys::SpawnAttributes> spawn_attributes_of(const banos_k3_spawn_attributes& record)
{
    struct Flag {
        uint32_t kernel_abi, neutral;
    };
    constexpr Flag kFlags[] = {
        { BANOS_K3_SPAWN_RESETIDS, sys::SpawnAttributes::kResetIds },
        { BANOS_K3_SPAWN_SETPGROUP, sys::SpawnAttributes::kSetPgroup },
        { BANOS_K3_SPAWN_SETSIGDEF, sys::SpawnAttributes::kSetSigdefault },
        { BANOS_K3_SPAWN_SETSIGMASK, sys::SpawnAttributes::kSetSigmask },
        { BANOS_K3_SPAWN_SETSID, sys::SpawnAttributes::kSetSid },
    };
    sys::SpawnAttributes attributes { 0, record.pgroup, record.sigmask, record.sigdefault };
    uint32_t left = record.flags;
    for (const Flag& flag : kFlags) {
        if (left & flag.kernel_abi)
            attributes.flags |= flag.neutral;
        left &= ~flag.kernel_abi;
    }
    if (left)
        return klib::ErrorCode::Invalid;
    return attributes;
}

void log_bad_spawn(const char* why, uint64_t detail)
{
    proc::Process& process = *proc::current_process();
    klog::warn("spawn: pid {} ({}): {} ({:#x})", process.pid(), process.path(), why, detail);
}
} // namespace

TrapResult trap_fstatat(const TrapArguments& a) { return fstatat_as<banos_k3_stat, kernel_stat>(a); }
TrapResult trap_fstat(const TrapArguments& a) { return fstat_as<banos_k3_stat, kernel_stat>(a); }

TrapResult trap_clock_gettime(const TrapArguments& a)
{
    return trap_clock_gettime_as<banos_k2_timespec, BANOS_K3_CLOCK_REALTIME, BANOS_K3_CLOCK_MONOTONIC>(a);
}

TrapResult trap_uname(const TrapArguments& a) { return trap_uname_as<banos_k2_utsname>(a); }

// (int* pid, path, const banos_k3_spawn_action* actions, count,
//  const banos_k3_spawn_attributes* or 0, const uint64_t argv_envp[2])
TrapResult trap_spawn(const TrapArguments& a)
{
    uint64_t user_pid = a.a0, user_actions = a.a2, count = a.a3, user_attributes = a.a4;
    if (count > kMaxSpawnActions) {
        log_bad_spawn("too many file actions", count);
        return klib::ErrorCode::Invalid;
    }
    // The pid's place is tried before the child exists: once it runs, the
    // call cannot be taken back.
    int32_t stored = 0;
    if (user_pid)
        TRY(mm::copy_to_user(user_pid, &stored, sizeof(stored)));
    klib::Vector<sys::SpawnAction> actions;
    TRY(actions.try_reserve(count));
    for (uint64_t i = 0; i < count; ++i) {
        banos_k3_spawn_action record;
        TRY(mm::copy_from_user(&record, user_actions + i * sizeof(record), sizeof(record)));
        auto action = spawn_action_of(record);
        if (action.is_error()) {
            log_bad_spawn("unknown file action kind", static_cast<uint32_t>(record.kind));
            return action.release_error();
        }
        TRY(actions.try_append(action.value()));
    }
    sys::SpawnAttributes attributes {};
    if (user_attributes) {
        banos_k3_spawn_attributes record;
        TRY(mm::copy_from_user(&record, user_attributes, sizeof(record)));
        auto decoded = spawn_attributes_of(record);
        if (decoded.is_error()) {
            log_bad_spawn("unknown attribute flags", record.flags);
            return decoded.release_error();
        }
        attributes = decoded.value();
    }
    uint64_t argv_envp[2];
    TRY(mm::copy_from_user(argv_envp, a.a5, sizeof(argv_envp)));
    int pid = TRY(sys::spawn(a.a1, klib::Span<const sys::SpawnAction>(actions.data(), actions.size()),
                             user_attributes ? &attributes : nullptr, argv_envp[0], argv_envp[1]));
    stored = pid;
    if (user_pid)
        TRY(mm::copy_to_user(user_pid, &stored, sizeof(stored)));
    return 0;
}

} // namespace kabi
