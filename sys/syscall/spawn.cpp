// posix_spawn done by the kernel (kernel ABI 3's spawn operation): a new
// child of the caller, made by the process-creation code (create_child)
// and loaded by the exec code, that never runs until it holds the new
// program. Whatever fails - an action, an attribute, the program itself -
// is the caller's error, and the unpublished child is dropped whole: no
// zombie, no descriptor, every page back.
//
// Order, as glibc's posix_spawn: the attributes (session, process group,
// ids, signal dispositions and mask), then the file actions in the order
// given (so an OPEN runs with the reset ids), then exec, which applies
// close-on-exec.
#include "exec/exec.h"
#include "kernel/log.h"
#include "lib/own_ptr.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "proc/process_resources.h"
#include "proc/scheduler.h"
#include "syscall/string_list.h"
#include "syscall/syscalls.h"
#include "vfs/operations.h"

namespace sys {

namespace {
constexpr uint32_t kKnownFlags = SpawnAttributes::kResetIds | SpawnAttributes::kSetPgroup
    | SpawnAttributes::kSetSigdefault | SpawnAttributes::kSetSigmask | SpawnAttributes::kSetSid;

// Paths live on the heap: a kernel stack has no room for several.
struct PathBuffer {
    char bytes[vfs::kMaxPathLength + 1];
};

klib::ErrorOr<klib::StringView> copy_path(uint64_t user_path, PathBuffer& buffer)
{
    return mm::copy_string_from_user(buffer.bytes, sizeof(buffer.bytes), user_path);
}

bool is_descriptor_number(int fd) { return fd >= 0 && fd < vfs::FileDescriptorTable::kMaxDescriptors; }

klib::ErrorOr<void> apply_attributes(proc::Process& child, const SpawnAttributes& attributes)
{
    if (attributes.flags & ~kKnownFlags)
        return klib::ErrorCode::Invalid;
    if (attributes.flags & SpawnAttributes::kSetSid)
        TRY(child.create_session());
    if (attributes.flags & SpawnAttributes::kSetPgroup)
        TRY(child.set_process_group(child, attributes.pgroup)); // 0: a group of its own
    if (attributes.flags & SpawnAttributes::kResetIds) {
        proc::Credentials credentials = child.credentials();
        credentials.euid = credentials.uid;
        credentials.egid = credentials.gid;
        child.set_credentials(credentials);
    }
    if (attributes.flags & SpawnAttributes::kSetSigdefault) {
        for (int signal = 1; signal < proc::kSignalCount; ++signal)
            if (attributes.sigdefault & proc::signal_bit(signal))
                child.signal_action(signal) = proc::SignalAction {};
    }
    if (attributes.flags & SpawnAttributes::kSetSigmask)
        child.blocked_signals() = attributes.sigmask & ~proc::kUnblockable;
    return {};
}

klib::ErrorOr<void> apply_action(proc::Process& child, const SpawnAction& action, PathBuffer& path_buffer)
{
    vfs::FileDescriptorTable& descriptors = *child.files().descriptors;
    if (action.kind != SpawnAction::Chdir && !is_descriptor_number(action.fd))
        return klib::ErrorCode::BadDescriptor;
    switch (action.kind) {
    case SpawnAction::Open: {
        auto path = TRY(copy_path(action.user_path, path_buffer));
        uint32_t flags = static_cast<uint32_t>(action.flags);
        uint32_t mode = action.mode & ~child.files().umask & 07777;
        auto description = TRY(vfs::open(child.resolve_context(), path, flags, mode));
        // open() into the lowest free slot, then moved where asked, as
        // open() and dup2() would (whatever was there is closed).
        bool close_on_exec = flags & BANOS_O_CLOEXEC;
        int opened = TRY(descriptors.allocate(static_cast<klib::RefPtr<vfs::FileDescription>&&>(description),
                                              close_on_exec));
        if (opened != action.fd) {
            auto moved = descriptors.dup3(opened, action.fd, close_on_exec ? BANOS_O_CLOEXEC : 0);
            (void)descriptors.close(opened);
            TRY(moved);
        }
        return {};
    }
    case SpawnAction::Close: {
        // Closing what is not open is no error (POSIX.1-2008 TC2).
        auto closed = descriptors.close(action.fd);
        if (closed.is_error() && closed.error().code() != klib::ErrorCode::BadDescriptor)
            return closed;
        return {};
    }
    case SpawnAction::Dup2:
        // Onto itself: the descriptor stays, now inherited across exec.
        if (action.fd == action.source_fd)
            return descriptors.set_close_on_exec(action.fd, false);
        TRY(descriptors.dup3(action.source_fd, action.fd, 0));
        return {};
    case SpawnAction::Chdir: {
        auto path = TRY(copy_path(action.user_path, path_buffer));
        child.files().cwd = TRY(vfs::open_directory(child.resolve_context(), path));
        return {};
    }
    default:
        return klib::ErrorCode::Invalid;
    }
}

// Which step failed, for the one log line a refusal gets (exec::load
// logs its own refusals, so that step is left to it).
struct Progress {
    const char* step { nullptr };
    size_t action { 0 }; // when step is kFileActions
};
constexpr const char* kFileActions = "file action";

// Everything up to the point where the child may run.
klib::ErrorOr<klib::RefPtr<proc::Process>> build_child(proc::Process& parent, uint64_t user_path,
                                                        klib::Span<const SpawnAction> actions,
                                                        const SpawnAttributes* attributes, uint64_t user_argv,
                                                        uint64_t user_envp, Progress& progress)
{
    const char*& step = progress.step;
    step = "copying its arguments";
    auto program = TRY(klib::try_make<PathBuffer>());
    auto path = TRY(copy_path(user_path, *program));
    StringList arguments, environment;
    TRY(copy_string_list(user_argv, arguments));
    TRY(copy_string_list(user_envp, environment));

    step = "making the process";
    auto child = TRY(parent.create_child(path));
    if (attributes) {
        step = "applying its attributes";
        TRY(apply_attributes(*child, *attributes));
    }
    step = kFileActions;
    auto action_path = TRY(klib::try_make<PathBuffer>());
    for (progress.action = 0; progress.action < actions.size(); ++progress.action)
        TRY(apply_action(*child, actions[progress.action], *action_path));

    step = nullptr; // exec::load's refusals (no such program, no layer...)
    exec::LoadRequest request { path, arguments.span(), environment.span() };
    exec::LoadedImage image = TRY(exec::load(*child, request));
    step = "making its thread";
    exec::commit(*child, image, path);
    proc::close_on_exec(*child);
    auto thread = TRY(proc::Thread::create_user(*child, image.entry, image.thread_pointer, child->pid()));
    child->set_main_thread(static_cast<klib::OwnPtr<proc::Thread>&&>(thread));
    return child;
}
} // namespace

klib::ErrorOr<int> spawn(uint64_t user_path, klib::Span<const SpawnAction> actions, const SpawnAttributes* attributes,
                         uint64_t user_argv, uint64_t user_envp)
{
    proc::Process& parent = *proc::current_process();
    Progress progress;
    auto child = build_child(parent, user_path, actions, attributes, user_argv, user_envp, progress);
    if (child.is_error()) {
        if (progress.step == kFileActions)
            klog::warn("spawn: pid {} ({}): file action {} failed: {}", parent.pid(), parent.path(), progress.action,
                       child.error());
        else if (progress.step)
            klog::warn("spawn: pid {} ({}): {} failed: {}", parent.pid(), parent.path(), progress.step,
                       child.error());
        return child.release_error();
    }
    child.value()->publish();
    sched::make_runnable(*child.value()->main_thread());
    return child.value()->pid();
}

} // namespace sys
