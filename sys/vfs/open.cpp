// open(2) and friends: finding or creating the file, then checking the
// access the flags ask for.
#include "vfs/file.h"
#include "vfs/new_owner.h"
#include "vfs/operations.h"
#include "vfs/permissions.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

namespace {

constexpr uint32_t access_mode(uint32_t flags) { return flags & BANOS_O_ACCMODE; }
constexpr bool wants_read(uint32_t flags)
{
    return access_mode(flags) == BANOS_O_RDONLY || access_mode(flags) == BANOS_O_RDWR;
}
constexpr bool wants_write(uint32_t flags)
{
    return access_mode(flags) == BANOS_O_WRONLY || access_mode(flags) == BANOS_O_RDWR;
}

ErrorOr<RefPtr<FileDescription>> open_found(const ResolveContext& context, RefPtr<Inode> inode, uint32_t flags,
                                            bool created)
{
    if (access_mode(flags) == BANOS_O_ACCMODE)
        return ErrorCode::Invalid;
    if (inode->is_symlink())
        return ErrorCode::Loop;
    if ((flags & BANOS_O_DIRECTORY) && !inode->is_directory())
        return ErrorCode::NotDirectory;
    if (inode->is_directory() && (wants_write(flags) || (flags & BANOS_O_TRUNC)))
        return ErrorCode::IsDirectory;
    // Whoever creates a file may open it as asked, whatever its mode says.
    if (!created) {
        unsigned wanted = (wants_read(flags) ? kMayRead : 0u) | (wants_write(flags) ? kMayWrite : 0u)
            | ((flags & BANOS_O_TRUNC) ? kMayWrite : 0u);
        TRY(check_access(*inode, context.credentials, wanted));
    }
    auto file = TRY(inode->open(flags));
    auto description = TRY(FileDescription::create(inode, std::move(file), flags));
    if ((flags & BANOS_O_TRUNC) && inode->is_regular() && !created)
        TRY(inode->truncate(0));
    return description;
}

} // namespace

ErrorOr<RefPtr<FileDescription>> open(const ResolveContext& context, StringView path, uint32_t flags, uint32_t mode)
{
    if (access_mode(flags) == BANOS_O_ACCMODE)
        return ErrorCode::Invalid;
    FollowLast follow = (flags & BANOS_O_NOFOLLOW) ? FollowLast::No : FollowLast::Yes;
    if (!(flags & BANOS_O_CREAT))
        return open_found(context, TRY(resolve(context, path, follow)), flags, false);

    // Linux refuses the combination; creating a regular file would not
    // give the directory asked for.
    if (flags & BANOS_O_DIRECTORY)
        return ErrorCode::Invalid;
    auto where = TRY(resolve_parent(context, path));
    if (where.name().is_empty() || where.is_dot_or_dotdot() || where.trailing_slash)
        return ErrorCode::IsDirectory;
    auto existing = lookup_child(context, where.parent, where.name());
    if (!existing.is_error()) {
        if (flags & BANOS_O_EXCL)
            return ErrorCode::Exists;
        RefPtr<Inode> inode = existing.release_value();
        // An existing symlink is followed (to an existing file: creating
        // through a dangling link is not supported and gives NoEntry).
        if (inode->is_symlink() && follow == FollowLast::Yes)
            inode = TRY(resolve(context, path, FollowLast::Yes));
        if (inode->is_directory())
            return ErrorCode::IsDirectory;
        return open_found(context, std::move(inode), flags, false);
    }
    if (existing.error() != klib::Error(ErrorCode::NoEntry))
        return existing.release_error();
    TRY(check_access(*where.parent, context.credentials, kMayWrite | kMayExecute));
    Owner owner = new_owner(*where.parent, context.credentials);
    auto inode = TRY(where.parent->create(where.name(), BANOS_S_IFREG | (mode & kPermissionMask), owner));
    return open_found(context, std::move(inode), flags, true);
}

ErrorOr<RefPtr<FileDescription>> open_inode(const ResolveContext& context, RefPtr<Inode> inode, uint32_t flags)
{
    if (!inode)
        return ErrorCode::Invalid;
    return open_found(context, std::move(inode), flags & ~static_cast<uint32_t>(BANOS_O_CREAT), false);
}

} // namespace vfs
