#include "vfs/permissions.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;

bool may_access(uint32_t mode, uint32_t owner_uid, uint32_t owner_gid, const Credentials& credentials, unsigned wanted)
{
    wanted &= kMayRead | kMayWrite | kMayExecute;
    if (credentials.is_superuser()) {
        if (!(wanted & kMayExecute) || is_directory(mode))
            return true;
        return (mode & 0111) != 0;
    }
    unsigned granted;
    if (credentials.euid == owner_uid)
        granted = (mode >> 6) & 7;
    else if (credentials.egid == owner_gid)
        granted = (mode >> 3) & 7;
    else
        granted = mode & 7;
    return (granted & wanted) == wanted;
}

ErrorOr<void> check_access(const Inode& inode, const Credentials& credentials, unsigned wanted)
{
    auto a = inode.attributes();
    if (!may_access(a.mode, a.uid, a.gid, credentials, wanted))
        return ErrorCode::AccessDenied;
    return {};
}

ErrorOr<void> check_sticky(const Inode& directory, const Inode& victim, const Credentials& credentials)
{
    auto d = directory.attributes();
    if (!(d.mode & BANOS_S_ISVTX) || credentials.is_superuser())
        return {};
    if (credentials.euid == d.uid || credentials.euid == victim.attributes().uid)
        return {};
    return ErrorCode::NotPermitted;
}

ErrorOr<uint32_t> check_chmod(const Inode& inode, const Credentials& credentials, uint32_t permissions)
{
    auto a = inode.attributes();
    permissions &= kPermissionMask;
    if (credentials.is_superuser())
        return permissions;
    if (credentials.euid != a.uid)
        return ErrorCode::NotPermitted;
    if (credentials.egid != a.gid)
        permissions &= ~static_cast<uint32_t>(BANOS_S_ISGID);
    return permissions;
}

ErrorOr<Owner> check_chown(const Inode& inode, const Credentials& credentials, uint32_t uid, uint32_t gid)
{
    auto a = inode.attributes();
    Owner result { uid == kIdUnchanged ? a.uid : uid, gid == kIdUnchanged ? a.gid : gid };
    if (credentials.is_superuser())
        return result;
    if (credentials.euid != a.uid || result.uid != a.uid)
        return ErrorCode::NotPermitted;
    if (result.gid != a.gid && result.gid != credentials.egid)
        return ErrorCode::NotPermitted;
    return result;
}

} // namespace vfs
