// Calls that look at or change an existing file: stat, access, readlink,
// chmod, chown, truncate, utimens, chdir.
#include "lib/own_ptr.h"
#include "vfs/clock.h"
#include "vfs/operations.h"
#include "vfs/permissions.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

ErrorOr<size_t> readlink(const ResolveContext& context, StringView path, IoBuffer& buffer)
{
    auto inode = TRY(resolve(context, path, FollowLast::No));
    if (!inode->is_symlink())
        return ErrorCode::Invalid;
    struct Target {
        char bytes[kMaxPathLength + 1];
    };
    auto target = TRY(klib::try_make<Target>());
    size_t length = TRY(inode->read_link(target->bytes, sizeof(target->bytes)));
    if (length > buffer.size())
        length = buffer.size();
    TRY(buffer.write_to(0, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(target->bytes), length)));
    return length;
}

ErrorOr<Metadata> stat(const ResolveContext& context, StringView path, FollowLast follow)
{
    auto inode = TRY(resolve(context, path, follow));
    return inode->metadata();
}

ErrorOr<void> access(const ResolveContext& context, StringView path, unsigned mode)
{
    if (mode & ~static_cast<unsigned>(kMayRead | kMayWrite | kMayExecute))
        return ErrorCode::Invalid;
    ResolveContext real = context;
    real.credentials = context.credentials.as_real();
    auto inode = TRY(resolve(real, path));
    if (mode == BANOS_F_OK)
        return {};
    return check_access(*inode, real.credentials, mode);
}

ErrorOr<void> chmod(Inode& inode, const Credentials& credentials, uint32_t mode)
{
    uint32_t permissions = TRY(check_chmod(inode, credentials, mode));
    return inode.set_mode(permissions);
}

ErrorOr<void> chmod(const ResolveContext& context, StringView path, uint32_t mode)
{
    auto inode = TRY(resolve(context, path));
    return chmod(*inode, context.credentials, mode);
}

ErrorOr<void> chown(Inode& inode, const Credentials& credentials, uint32_t uid, uint32_t gid)
{
    Owner owner = TRY(check_chown(inode, credentials, uid, gid));
    if (uid == kIdUnchanged && gid == kIdUnchanged)
        return {};
    uint32_t mode = inode.mode();
    constexpr uint32_t kSetIds = BANOS_S_ISUID | BANOS_S_ISGID;
    if (!inode.is_directory() && (mode & kSetIds))
        TRY(inode.set_mode(mode & kPermissionMask & ~kSetIds));
    return inode.set_owner(owner.uid, owner.gid);
}

ErrorOr<void> chown(const ResolveContext& context, StringView path, uint32_t uid, uint32_t gid, FollowLast follow)
{
    auto inode = TRY(resolve(context, path, follow));
    return chown(*inode, context.credentials, uid, gid);
}

ErrorOr<void> truncate(const ResolveContext& context, StringView path, int64_t length)
{
    if (length < 0)
        return ErrorCode::Invalid;
    auto inode = TRY(resolve(context, path));
    if (inode->is_directory())
        return ErrorCode::IsDirectory;
    if (!inode->is_regular())
        return ErrorCode::Invalid;
    TRY(check_access(*inode, context.credentials, kMayWrite));
    return inode->truncate(static_cast<uint64_t>(length));
}

ErrorOr<void> set_times(Inode& inode, const Credentials& credentials, TimeChange atime, TimeChange mtime)
{
    using Kind = TimeChange::Kind;
    if (atime.kind == Kind::Omit && mtime.kind == Kind::Omit)
        return {};
    bool owner = credentials.is_superuser() || credentials.euid == inode.attributes().uid;
    if (!owner) {
        if (atime.kind == Kind::Set || mtime.kind == Kind::Set)
            return ErrorCode::NotPermitted;
        TRY(check_access(inode, credentials, kMayWrite));
    }
    Timestamp current = vfs::now();
    Timestamp new_atime = atime.kind == Kind::Set ? atime.time : current;
    Timestamp new_mtime = mtime.kind == Kind::Set ? mtime.time : current;
    return inode.set_times(atime.kind == Kind::Omit ? nullptr : &new_atime,
                           mtime.kind == Kind::Omit ? nullptr : &new_mtime);
}

ErrorOr<void> set_times(const ResolveContext& context, StringView path, TimeChange atime, TimeChange mtime,
                        FollowLast follow)
{
    auto inode = TRY(resolve(context, path, follow));
    return set_times(*inode, context.credentials, atime, mtime);
}

ErrorOr<RefPtr<Inode>> resolve_executable(const ResolveContext& context, StringView path)
{
    auto inode = TRY(resolve(context, path));
    if (!inode->is_regular())
        return ErrorCode::AccessDenied;
    TRY(check_access(*inode, context.credentials, kMayExecute));
    return inode;
}

ErrorOr<void> check_directory(const Inode& inode, const Credentials& credentials)
{
    if (!inode.is_directory())
        return ErrorCode::NotDirectory;
    return check_access(inode, credentials, kMayExecute);
}

ErrorOr<RefPtr<Inode>> open_directory(const ResolveContext& context, StringView path)
{
    auto inode = TRY(resolve(context, path));
    TRY(check_directory(*inode, context.credentials));
    return inode;
}

} // namespace vfs
