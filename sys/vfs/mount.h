#pragma once
// The mount table: a directory (the mount point) covered by another file
// system's root. Path resolution enters the covering root when it reaches
// the mount point, and ".." at a mounted root goes to the mount point's
// parent. One table for the whole system.
#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "vfs/inode.h"

namespace vfs {

// Covers `at` (a directory: NotDirectory; not already covered: Busy) with
// `root` (a directory of another file system: Invalid otherwise). The table
// keeps both alive until unmounted.
klib::ErrorOr<void> mount(klib::RefPtr<Inode> root, klib::RefPtr<Inode> at);
// Uncovers `at` (Invalid if nothing is mounted there).
klib::ErrorOr<void> unmount(const Inode& at);
// Empties the table (host tests, shutdown).
void unmount_all();

// The root covering `directory`, or null.
klib::RefPtr<Inode> mounted_at(const Inode& directory);
// The directory `root` covers, or null when `root` is not mounted.
klib::RefPtr<Inode> mount_point_of(const Inode& root);
bool is_mount_point(const Inode& directory);

} // namespace vfs
