#pragma once
// The VFS operations behind the file system calls. Each takes the caller's
// ResolveContext (root, cwd or a dirfd's directory, credentials), checks
// permissions, applies POSIX's rules, and calls the inode operations.
//
// Modes given to open/mkdir/symlink are final: the caller applies its umask
// first (mode & ~umask). New files belong to the caller's euid and egid, or
// to the directory's group when the directory has the set-group-id bit
// (new directories then inherit that bit).
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "lib/string_view.h"
#include "vfs/file_description.h"
#include "vfs/io_buffer.h"
#include "vfs/path.h"

namespace vfs {

// open(2). flags: BANOS_O_* (access mode, O_CREAT, O_EXCL, O_TRUNC,
// O_APPEND, O_NONBLOCK, O_DIRECTORY, O_NOFOLLOW; O_CLOEXEC and O_NOCTTY are
// the caller's business). `mode` is used with O_CREAT only.
// Errors: the path errors, Exists (O_CREAT|O_EXCL on an existing name),
// IsDirectory (a directory opened for writing, or with O_CREAT),
// NotDirectory (O_DIRECTORY), Loop (O_NOFOLLOW on a symlink), AccessDenied,
// Invalid (access mode 3, or O_CREAT with O_DIRECTORY), NoDevice (a
// device node without a driver), and whatever a device's open refuses.
klib::ErrorOr<klib::RefPtr<FileDescription>> open(const ResolveContext&, klib::StringView path, uint32_t flags,
                                                  uint32_t mode);
// Opens an inode already found (exec, fchdir-like uses) with access checks.
klib::ErrorOr<klib::RefPtr<FileDescription>> open_inode(const ResolveContext&, klib::RefPtr<Inode>, uint32_t flags);

klib::ErrorOr<void> mkdir(const ResolveContext&, klib::StringView path, uint32_t mode);
klib::ErrorOr<void> rmdir(const ResolveContext&, klib::StringView path);
// Removes a non-directory (IsDirectory for directories).
klib::ErrorOr<void> unlink(const ResolveContext&, klib::StringView path);
// rename(2); the two contexts differ only for renameat with two dirfds.
// CrossDevice across file systems, Busy for mount points, Invalid for "."
// and ".." or moving a directory below itself.
klib::ErrorOr<void> rename(const ResolveContext& from_context, klib::StringView from,
                           const ResolveContext& to_context, klib::StringView to);
// link(2): a new name for an existing non-directory (NotPermitted for
// directories); a final symlink in `existing` is not followed.
klib::ErrorOr<void> link(const ResolveContext& existing_context, klib::StringView existing,
                         const ResolveContext& new_context, klib::StringView new_path);
klib::ErrorOr<void> symlink(const ResolveContext&, klib::StringView target, klib::StringView link_path);
// readlink(2): copies at most buffer.size() bytes of the target (no NUL)
// and returns how many. Invalid when the path is not a symlink.
klib::ErrorOr<size_t> readlink(const ResolveContext&, klib::StringView path, IoBuffer&);

// stat/lstat (FollowLast::No).
klib::ErrorOr<Metadata> stat(const ResolveContext&, klib::StringView path, FollowLast = FollowLast::Yes);
// access(2): `mode` is BANOS_F_OK or R/W/X bits; checked with the real ids.
klib::ErrorOr<void> access(const ResolveContext&, klib::StringView path, unsigned mode);

// chmod/fchmod and chown/fchown/lchown (kIdUnchanged keeps an id). chown
// of a non-directory by anyone clears its set-user-id and set-group-id bits.
klib::ErrorOr<void> chmod(const ResolveContext&, klib::StringView path, uint32_t mode);
klib::ErrorOr<void> chmod(Inode&, const Credentials&, uint32_t mode);
klib::ErrorOr<void> chown(const ResolveContext&, klib::StringView path, uint32_t uid, uint32_t gid,
                          FollowLast = FollowLast::Yes);
klib::ErrorOr<void> chown(Inode&, const Credentials&, uint32_t uid, uint32_t gid);

// truncate(2): needs write permission; IsDirectory, Invalid for negatives
// and non-regular files.
klib::ErrorOr<void> truncate(const ResolveContext&, klib::StringView path, int64_t length);
// utimensat/futimens. The owner or the superuser may set explicit times
// (NotPermitted otherwise); setting times to now needs only write
// permission (AccessDenied). Omitting both changes nothing.
struct TimeChange {
    enum class Kind : uint8_t { Omit, Now, Set } kind { Kind::Now };
    Timestamp time {};

    static TimeChange omit() { return { Kind::Omit, {} }; }
    static TimeChange now() { return { Kind::Now, {} }; }
    static TimeChange set(Timestamp t) { return { Kind::Set, t }; }
};
klib::ErrorOr<void> set_times(const ResolveContext&, klib::StringView path, TimeChange atime, TimeChange mtime,
                              FollowLast = FollowLast::Yes);
klib::ErrorOr<void> set_times(Inode&, const Credentials&, TimeChange atime, TimeChange mtime);

// execve: the file to run, a regular file with execute permission for the
// caller (AccessDenied otherwise, also for directories and devices).
klib::ErrorOr<klib::RefPtr<Inode>> resolve_executable(const ResolveContext&, klib::StringView path);

// chdir: the directory to become the cwd (NotDirectory, AccessDenied
// without search permission).
klib::ErrorOr<klib::RefPtr<Inode>> open_directory(const ResolveContext&, klib::StringView path);
// fchdir on an inode already open.
klib::ErrorOr<void> check_directory(const Inode&, const Credentials&);

// getcwd is path_of(context, *context.cwd, buffer, size) (vfs/path.h).

} // namespace vfs
