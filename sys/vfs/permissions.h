#pragma once
// Discretionary access control by user and group (no supplementary groups):
// the owner class applies when euid is the owner, else the group class when
// egid is the group, else "other". The superuser (euid 0) may read and
// write anything and search any directory, but executes a file only if one
// of its execute bits is set.
#include <stdint.h>

#include "lib/error_or.h"
#include "vfs/credentials.h"
#include "vfs/inode.h"

namespace vfs {

// The bits of access(): BANOS_R_OK | BANOS_W_OK | BANOS_X_OK.
enum Access : unsigned {
    kMayExecute = BANOS_X_OK,
    kMayWrite = BANOS_W_OK,
    kMayRead = BANOS_R_OK,
};

bool may_access(uint32_t mode, uint32_t owner_uid, uint32_t owner_gid, const Credentials&, unsigned wanted);
// AccessDenied unless every wanted access is allowed.
klib::ErrorOr<void> check_access(const Inode&, const Credentials&, unsigned wanted);

// Removing or renaming `victim` out of `directory` (write and search on the
// directory are checked separately): with the sticky bit set on the
// directory only the owner of either, or the superuser, may (NotPermitted).
klib::ErrorOr<void> check_sticky(const Inode& directory, const Inode& victim, const Credentials&);

// chmod: the owner or the superuser (NotPermitted). Returns the permission
// bits to store: a caller outside the file's group who is not the
// superuser cannot set the set-group-id bit, which is silently cleared.
klib::ErrorOr<uint32_t> check_chmod(const Inode&, const Credentials&, uint32_t permissions);

// chown (kIdUnchanged keeps an id): the superuser may set anything; the
// owner may only change the group to their own effective group
// (NotPermitted otherwise). Returns the resulting {uid, gid}.
klib::ErrorOr<Owner> check_chown(const Inode&, const Credentials&, uint32_t uid, uint32_t gid);

} // namespace vfs
