#pragma once
// The system's file tree at boot: a tmpfs root filled from the boot
// archive (or empty without one), /dev with devfs and its standard
// devices, /proc with procfs, and a world-writable sticky /tmp; "tmpfs" is
// registered as a file system type for the mount call. Missing
// /dev, /proc and /tmp are made; existing ones keep their attributes.
//
// The caller sets the clock (vfs::set_clock), the random source
// (devfs::set_random_source) and the procfs provider itself; the TTY
// registers console and tty with devfs::register_device.
#include "fs/ustar.h"
#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "vfs/inode.h"

namespace vfs {

// Returns the root directory, for every process's root and initial cwd.
klib::ErrorOr<klib::RefPtr<Inode>> build_root_file_system(const fs::UstarArchive* archive);

} // namespace vfs
