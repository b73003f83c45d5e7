#pragma once
// Fills a new tmpfs from the boot archive.
#include "fs/ustar.h"
#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "vfs/inode.h"
#include "vfs/tmpfs/tmpfs.h"

namespace vfs {

// A tmpfs holding the archive's directories, files (data copied) and
// symlinks with their modes, owners and modification times; returns the
// root. The archive's "./" entry, if any, sets the root's attributes.
// Parents missing from the archive are made 0755 root:root. A later entry
// for the same path replaces the earlier one, as extraction would. Errors:
// NotDirectory (a path goes through a non-directory), NameTooLong, NoMemory
// or NoSpace.
klib::ErrorOr<klib::RefPtr<Inode>> tmpfs_from_ustar(const fs::UstarArchive&, const tmpfs::Options& = {});

} // namespace vfs
