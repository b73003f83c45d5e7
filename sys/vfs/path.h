#pragma once
// Path resolution.
//
// A path is absolute (from the context's root) or relative (from its cwd,
// which for the *at() calls is the directory of the dirfd). Repeated
// slashes count as one; "." stays, ".." goes up but never above the root,
// and crosses from a mounted root to the mount point's parent. A trailing
// slash demands a directory (and follows a final symlink). Each directory
// passed through needs search (x) permission (AccessDenied). Errors:
// NoEntry (missing component, or an empty path), NotDirectory (a component
// used as a directory is not one), NameTooLong (a component over 255 bytes
// or a path over 4095), Loop (more than 40 symlinks).
#include <stddef.h>

#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "lib/string_view.h"
#include "vfs/credentials.h"
#include "vfs/inode.h"

namespace vfs {

// Per call; the process subsystem fills it from the calling process. The
// context holds references, so a concurrent chdir cannot pull the
// directories away mid-walk.
struct ResolveContext {
    klib::RefPtr<Inode> root; // the process's root directory
    klib::RefPtr<Inode> cwd;  // where relative paths start
    Credentials credentials;

    // The same context with relative paths starting at `directory`.
    ResolveContext at(klib::RefPtr<Inode> directory) const { return { root, std::move(directory), credentials }; }
};

enum class FollowLast : bool { No, Yes };

// The inode the path names. With FollowLast::No a final symlink is
// returned itself (lstat, unlink-like calls).
klib::ErrorOr<klib::RefPtr<Inode>> resolve(const ResolveContext&, klib::StringView path,
                                           FollowLast follow = FollowLast::Yes);

// For calls that create or remove a name: the directory that holds the
// last component, and that component (copied, since symlinks along the way
// may have rewritten the path). A final symlink is not followed. The name is
// empty when the path has no last component ("/"), and may be "." or "..",
// which the callers refuse as POSIX says.
struct ParentResolution {
    klib::RefPtr<Inode> parent;
    char name_buffer[kMaxNameLength + 1];
    size_t name_length;
    bool trailing_slash; // "name/": the result must be a directory

    klib::StringView name() const { return { name_buffer, name_length }; }
    bool is_dot_or_dotdot() const { return name() == "." || name() == ".."; }
};
klib::ErrorOr<ParentResolution> resolve_parent(const ResolveContext&, klib::StringView path);

// The absolute path of `directory` as seen from `root` (getcwd), written to
// `buffer` with a terminating NUL; returns the length without it.
// OutOfRange (ERANGE) when it does not fit; NoEntry when the directory has
// been removed or lies outside the root.
klib::ErrorOr<size_t> path_of(const ResolveContext&, const Inode& directory, char* buffer, size_t capacity);

// One step of a walk, with mounts and the root's ".." handled; no
// permission checks. Exposed for callers that walk themselves.
klib::ErrorOr<klib::RefPtr<Inode>> lookup_child(const ResolveContext&, const klib::RefPtr<Inode>& directory,
                                                klib::StringView name);

} // namespace vfs
