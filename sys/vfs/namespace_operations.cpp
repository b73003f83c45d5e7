// Calls that add, remove or move names: mkdir, rmdir, unlink, rename,
// link, symlink.
#include "vfs/mount.h"
#include "vfs/new_owner.h"
#include "vfs/operations.h"
#include "vfs/permissions.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

namespace {

bool is_no_entry(const klib::Error& error) { return error == klib::Error(ErrorCode::NoEntry); }

// The entry itself, without entering what is mounted on it.
ErrorOr<RefPtr<Inode>> entry(const ParentResolution& where) { return where.parent->lookup(where.name()); }

// Fails with Exists when the name is taken (or cannot be taken at all).
ErrorOr<void> require_free_name(const ParentResolution& where)
{
    if (where.name().is_empty() || where.is_dot_or_dotdot())
        return ErrorCode::Exists;
    auto existing = entry(where);
    if (!existing.is_error())
        return ErrorCode::Exists;
    if (!is_no_entry(existing.error()))
        return existing.release_error();
    return {};
}

} // namespace

ErrorOr<void> mkdir(const ResolveContext& context, StringView path, uint32_t mode)
{
    auto where = TRY(resolve_parent(context, path));
    TRY(require_free_name(where));
    TRY(check_access(*where.parent, context.credentials, kMayWrite | kMayExecute));
    uint32_t permissions = mode & 01777;
    if (where.parent->mode() & BANOS_S_ISGID)
        permissions |= BANOS_S_ISGID;
    TRY(where.parent->create(where.name(), BANOS_S_IFDIR | permissions, new_owner(*where.parent, context.credentials)));
    return {};
}

ErrorOr<void> rmdir(const ResolveContext& context, StringView path)
{
    auto where = TRY(resolve_parent(context, path));
    if (where.name().is_empty())
        return ErrorCode::Busy;
    if (where.name() == ".")
        return ErrorCode::Invalid;
    if (where.name() == "..")
        return ErrorCode::NotEmpty;
    auto victim = TRY(entry(where));
    if (!victim->is_directory())
        return ErrorCode::NotDirectory;
    if (is_mount_point(*victim) || (context.root && victim->is_same(*context.root)))
        return ErrorCode::Busy;
    TRY(check_access(*where.parent, context.credentials, kMayWrite | kMayExecute));
    TRY(check_sticky(*where.parent, *victim, context.credentials));
    return where.parent->rmdir(where.name());
}

ErrorOr<void> unlink(const ResolveContext& context, StringView path)
{
    auto where = TRY(resolve_parent(context, path));
    if (where.name().is_empty() || where.is_dot_or_dotdot())
        return ErrorCode::IsDirectory;
    auto victim = TRY(entry(where));
    if (victim->is_directory())
        return ErrorCode::IsDirectory;
    if (where.trailing_slash)
        return ErrorCode::NotDirectory;
    TRY(check_access(*where.parent, context.credentials, kMayWrite | kMayExecute));
    TRY(check_sticky(*where.parent, *victim, context.credentials));
    return where.parent->unlink(where.name());
}

ErrorOr<void> rename(const ResolveContext& from_context, StringView from, const ResolveContext& to_context,
                     StringView to)
{
    auto source_where = TRY(resolve_parent(from_context, from));
    auto target_where = TRY(resolve_parent(to_context, to));
    if (source_where.name().is_empty() || target_where.name().is_empty())
        return ErrorCode::Busy;
    if (source_where.is_dot_or_dotdot() || target_where.is_dot_or_dotdot())
        return ErrorCode::Invalid;
    auto source = TRY(entry(source_where));
    if (&source_where.parent->file_system() != &target_where.parent->file_system())
        return ErrorCode::CrossDevice;
    if (is_mount_point(*source))
        return ErrorCode::Busy;
    if ((source_where.trailing_slash || target_where.trailing_slash) && !source->is_directory())
        return ErrorCode::NotDirectory;
    auto target = entry(target_where);
    if (target.is_error() && !is_no_entry(target.error()))
        return target.release_error();
    bool has_target = !target.is_error();
    if (has_target && is_mount_point(*target.value()))
        return ErrorCode::Busy;

    const Credentials& credentials = from_context.credentials;
    TRY(check_access(*source_where.parent, credentials, kMayWrite | kMayExecute));
    TRY(check_access(*target_where.parent, credentials, kMayWrite | kMayExecute));
    TRY(check_sticky(*source_where.parent, *source, credentials));
    if (has_target)
        TRY(check_sticky(*target_where.parent, *target.value(), credentials));
    // A directory that changes parent has its ".." rewritten.
    if (source->is_directory() && !source_where.parent->is_same(*target_where.parent))
        TRY(check_access(*source, credentials, kMayWrite));
    return source_where.parent->rename(source_where.name(), *target_where.parent, target_where.name());
}

ErrorOr<void> link(const ResolveContext& existing_context, StringView existing, const ResolveContext& new_context,
                   StringView new_path)
{
    auto inode = TRY(resolve(existing_context, existing, FollowLast::No));
    if (inode->is_directory())
        return ErrorCode::NotPermitted;
    auto where = TRY(resolve_parent(new_context, new_path));
    TRY(require_free_name(where));
    if (where.trailing_slash)
        return ErrorCode::NotDirectory;
    if (&where.parent->file_system() != &inode->file_system())
        return ErrorCode::CrossDevice;
    TRY(check_access(*where.parent, new_context.credentials, kMayWrite | kMayExecute));
    return where.parent->link(where.name(), *inode);
}

ErrorOr<void> symlink(const ResolveContext& context, StringView target, StringView link_path)
{
    if (target.is_empty())
        return ErrorCode::NoEntry;
    if (target.size() > kMaxPathLength)
        return ErrorCode::NameTooLong;
    auto where = TRY(resolve_parent(context, link_path));
    TRY(require_free_name(where));
    if (where.trailing_slash)
        return ErrorCode::NoEntry;
    TRY(check_access(*where.parent, context.credentials, kMayWrite | kMayExecute));
    TRY(where.parent->symlink(where.name(), target, new_owner(*where.parent, context.credentials)));
    return {};
}

} // namespace vfs
