#pragma once
// Who owns a file created in `directory`: the creator's effective user, and
// the creator's effective group, or the directory's group when the
// directory has the set-group-id bit (BSD semantics on request).
#include "vfs/credentials.h"
#include "vfs/inode.h"

namespace vfs {

inline Owner new_owner(const Inode& directory, const Credentials& credentials)
{
    auto a = directory.attributes();
    return { credentials.euid, (a.mode & BANOS_S_ISGID) ? a.gid : credentials.egid };
}

} // namespace vfs
