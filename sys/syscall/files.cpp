// The file system calls: paths and buffers come from user memory, the VFS
// does the work with the calling process's root, cwd and credentials.
#include "syscall/files.h"

#include "ipc/pipe.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "syscall/user_buffer.h"
#include "vfs/file_system_types.h"
#include "vfs/mount.h"
#include "vfs/operations.h"

namespace sys {

namespace {
constexpr int kFdGetFd = 1, kFdSetFd = 2, kFdGetFl = 3, kFdSetFl = 4, kFdDupFd = 0, kFdDupFdCloexec = 1030;
constexpr int kAtSymlinkNoFollow = 0x100, kAtRemoveDir = 0x200;

// A path copied from user memory.
struct Path {
    char buffer[vfs::kMaxPathLength + 1];
    klib::StringView view;
};

klib::ErrorOr<void> copy_path(uint64_t user_path, Path& out)
{
    auto copied = mm::copy_string_from_user(out.buffer, sizeof(out.buffer), user_path);
    if (copied.is_error())
        return copied.release_error();
    out.view = copied.value();
    return {};
}

proc::Process& self() { return *proc::current_process(); }
vfs::FileDescriptorTable& descriptors() { return *self().files().descriptors; }

// The resolve context of an *at() call: relative paths start at dirfd's
// directory (or the cwd for AT_FDCWD).
klib::ErrorOr<vfs::ResolveContext> context_at(int dirfd)
{
    vfs::ResolveContext context = self().resolve_context();
    if (dirfd == kAtFdcwd)
        return context;
    auto description = TRY(descriptors().get(dirfd));
    vfs::Inode* directory = description->inode();
    if (!directory || !vfs::is_directory(directory->metadata().mode))
        return klib::ErrorCode::NotDirectory;
    return context.at(description->inode_ref());
}

// A path argument with the context it resolves in.
struct PathAt {
    Path path;
    vfs::ResolveContext context;
};

klib::ErrorOr<void> path_at(int dirfd, uint64_t user_path, PathAt& out)
{
    TRY(copy_path(user_path, out.path));
    out.context = TRY(context_at(dirfd));
    return {};
}

// rename and link: two paths, each with its own directory.
template <typename Operation>
klib::ErrorOr<void> with_two_paths(int from_dirfd, uint64_t user_from, int to_dirfd, uint64_t user_to,
                                   Operation&& operation)
{
    PathAt from, to;
    TRY(path_at(from_dirfd, user_from, from));
    TRY(path_at(to_dirfd, user_to, to));
    return operation(from.context, from.path.view, to.context, to.path.view);
}

FileStatus status_of(const vfs::Metadata& m)
{
    return FileStatus {
        m.device, m.ino, m.mode, m.nlink, m.uid, m.gid, m.rdev, m.size, m.block_size, m.blocks,
        m.atime.sec, m.atime.nsec, m.mtime.sec, m.mtime.nsec, m.ctime.sec, m.ctime.nsec, m.btime.sec, m.btime.nsec,
    };
}
} // namespace

klib::ErrorOr<int> openat(int dirfd, uint64_t user_path, int flags, uint32_t mode)
{
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    uint32_t unsigned_flags = static_cast<uint32_t>(flags);
    auto description = TRY(vfs::open(at.context, at.path.view, unsigned_flags, mode & ~self().files().umask & 07777));
    return descriptors().allocate(static_cast<klib::RefPtr<vfs::FileDescription>&&>(description),
                                  unsigned_flags & BANOS_O_CLOEXEC);
}

klib::ErrorOr<void> close(int fd) { return descriptors().close(fd); }

klib::ErrorOr<int64_t> lseek(int fd, int64_t offset, int whence)
{
    auto description = TRY(descriptors().get(fd));
    return description->seek(offset, whence);
}

klib::ErrorOr<FileStatus> fstatat(int dirfd, uint64_t user_path, int flags)
{
    if (flags & ~kAtSymlinkNoFollow)
        return klib::ErrorCode::Invalid;
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    auto metadata = TRY(vfs::stat(at.context, at.path.view,
                                  (flags & kAtSymlinkNoFollow) ? vfs::FollowLast::No : vfs::FollowLast::Yes));
    return status_of(metadata);
}

klib::ErrorOr<FileStatus> fstat(int fd)
{
    auto description = TRY(descriptors().get(fd));
    return status_of(TRY(description->stat()));
}

klib::ErrorOr<uint64_t> getdents(int fd, uint64_t user_buffer, uint64_t size)
{
    auto description = TRY(descriptors().get(fd));
    UserBuffer buffer(user_buffer, klib::min<uint64_t>(size, 1 << 20));
    return TRY(description->getdents(buffer));
}

klib::ErrorOr<void> mkdirat(int dirfd, uint64_t user_path, uint32_t mode)
{
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    return vfs::mkdir(at.context, at.path.view, mode & ~self().files().umask & 07777);
}

klib::ErrorOr<void> unlinkat(int dirfd, uint64_t user_path, int flags)
{
    if (flags & ~kAtRemoveDir)
        return klib::ErrorCode::Invalid;
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    return (flags & kAtRemoveDir) ? vfs::rmdir(at.context, at.path.view) : vfs::unlink(at.context, at.path.view);
}

klib::ErrorOr<void> renameat(int from_dirfd, uint64_t user_from, int to_dirfd, uint64_t user_to)
{
    return with_two_paths(from_dirfd, user_from, to_dirfd, user_to,
                          [](auto& from_context, auto from, auto& to_context, auto to) {
                              return vfs::rename(from_context, from, to_context, to);
                          });
}

klib::ErrorOr<void> linkat(int from_dirfd, uint64_t user_existing, int to_dirfd, uint64_t user_created)
{
    return with_two_paths(from_dirfd, user_existing, to_dirfd, user_created,
                          [](auto& from_context, auto existing, auto& to_context, auto created) {
                              return vfs::link(from_context, existing, to_context, created);
                          });
}

klib::ErrorOr<int> dup(int fd) { return descriptors().dup(fd); }

klib::ErrorOr<int> dup3(int fd, int target, int flags)
{
    if (flags & ~BANOS_O_CLOEXEC)
        return klib::ErrorCode::Invalid;
    return descriptors().dup3(fd, target, static_cast<uint32_t>(flags));
}

klib::ErrorOr<int> dup2(int fd, int target)
{
    if (fd == target) {
        TRY(descriptors().get(fd));
        return fd;
    }
    return descriptors().dup3(fd, target, 0);
}

klib::ErrorOr<void> pipe2(uint64_t user_fds, int flags)
{
    if (flags & ~(BANOS_O_CLOEXEC | BANOS_O_NONBLOCK))
        return klib::ErrorCode::Invalid;
    if (!mm::is_user_range(user_fds, 2 * sizeof(int32_t)))
        return klib::ErrorCode::Fault;
    auto ends = TRY(ipc::create_pipe(static_cast<uint32_t>(flags)));
    bool cloexec = flags & BANOS_O_CLOEXEC;
    int read_fd = TRY(descriptors().allocate(ends.read, cloexec));
    auto write_fd = descriptors().allocate(ends.write, cloexec);
    if (write_fd.is_error()) {
        (void)descriptors().close(read_fd);
        return write_fd.release_error();
    }
    int32_t fds[2] = { read_fd, write_fd.value() };
    auto copied = mm::copy_to_user(user_fds, fds, sizeof(fds));
    if (copied.is_error()) {
        (void)descriptors().close(fds[0]);
        (void)descriptors().close(fds[1]);
        return copied.release_error();
    }
    return {};
}

klib::ErrorOr<int> fcntl(int fd, int command, uint64_t argument)
{
    switch (command) {
    case kFdDupFd:
    case kFdDupFdCloexec:
        return descriptors().dup_minimum(fd, static_cast<int>(argument), command == kFdDupFdCloexec);
    case kFdGetFd:
        return TRY(descriptors().close_on_exec(fd)) ? BANOS_FD_CLOEXEC : 0;
    case kFdSetFd:
        TRY(descriptors().set_close_on_exec(fd, argument & BANOS_FD_CLOEXEC));
        return 0;
    case kFdGetFl: {
        auto description = TRY(descriptors().get(fd));
        return static_cast<int>(description->flags());
    }
    case kFdSetFl: {
        auto description = TRY(descriptors().get(fd));
        description->set_flags(static_cast<uint32_t>(argument));
        return 0;
    }
    default:
        return klib::ErrorCode::Invalid;
    }
}

klib::ErrorOr<void> chdir(uint64_t user_path)
{
    Path path;
    TRY(copy_path(user_path, path));
    auto directory = TRY(vfs::open_directory(self().resolve_context(), path.view));
    self().files().cwd = directory;
    return {};
}

klib::ErrorOr<void> mount(uint64_t user_source, uint64_t user_target, uint64_t user_type, uint64_t flags)
{
    if (self().credentials().euid != 0)
        return klib::ErrorCode::NotPermitted;
    if (flags != 0)
        return klib::ErrorCode::Invalid;
    Path source, target, type;
    TRY(copy_path(user_source, source));
    TRY(copy_path(user_target, target));
    TRY(copy_path(user_type, type));
    auto directory = TRY(vfs::open_directory(self().resolve_context(), target.view));
    auto root = TRY(vfs::create_file_system(type.view));
    TRY(vfs::mount(std::move(root), std::move(directory)));
    klog::info("vfs: mounted a new {} on {}", type.view, target.view);
    return {};
}

// The directory an open descriptor names becomes the cwd: NotDirectory for
// anything else (a pipe has no inode), AccessDenied without search
// permission, checked now as chdir checks it.
klib::ErrorOr<void> fchdir(int fd)
{
    auto description = TRY(descriptors().get(fd));
    if (!description->inode())
        return klib::ErrorCode::NotDirectory;
    TRY(vfs::check_directory(*description->inode(), self().credentials()));
    self().files().cwd = description->inode_ref();
    return {};
}

klib::ErrorOr<uint64_t> getcwd(uint64_t user_buffer, uint64_t size)
{
    char path[vfs::kMaxPathLength + 1];
    auto context = self().resolve_context();
    size_t length = TRY(vfs::path_of(context, *context.cwd, path, sizeof(path)));
    if (length + 1 > size)
        return klib::ErrorCode::OutOfRange;
    TRY(mm::copy_to_user(user_buffer, path, length + 1));
    return length + 1;
}

klib::ErrorOr<int> ioctl(int fd, uint64_t request, uint64_t argument)
{
    auto description = TRY(descriptors().get(fd));
    if (request > UINT32_MAX)
        return klib::ErrorCode::NotTerminal;
    return static_cast<int>(TRY(description->ioctl(static_cast<uint32_t>(request), argument)));
}

uint32_t umask(uint32_t mask)
{
    uint32_t old = self().files().umask;
    self().files().umask = mask & 0777;
    return old;
}

klib::ErrorOr<void> fchmodat(int dirfd, uint64_t user_path, uint32_t mode)
{
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    return vfs::chmod(at.context, at.path.view, mode);
}

klib::ErrorOr<void> fchownat(int dirfd, uint64_t user_path, uint32_t uid, uint32_t gid)
{
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    return vfs::chown(at.context, at.path.view, uid, gid);
}

klib::ErrorOr<void> faccessat(int dirfd, uint64_t user_path, int mode)
{
    if (mode & ~7)
        return klib::ErrorCode::Invalid;
    PathAt at;
    TRY(path_at(dirfd, user_path, at));
    return vfs::access(at.context, at.path.view, static_cast<unsigned>(mode));
}

klib::ErrorOr<void> ftruncate(int fd, int64_t length)
{
    auto description = TRY(descriptors().get(fd));
    return description->truncate(length);
}

// Every file system keeps its data in memory: there is nothing to write
// back, but the descriptor must be open.
klib::ErrorOr<void> fsync(int fd)
{
    TRY(descriptors().get(fd));
    return {};
}

} // namespace sys
