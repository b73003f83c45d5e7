#pragma once
// tmpfs: files and directories in kernel memory. File data lives in 4 KiB
// pages from the kernel heap, allocated on first write (holes read as
// zeros). An inode is freed when its last name and last open reference are
// gone, and with it its pages. Directories hold their entries; the root is
// held by whoever holds it (the mount table, processes). Dropping the root
// frees the tree; parts still open elsewhere survive, detached (their ".."
// gives NoEntry, as for a removed directory).
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "vfs/inode.h"

namespace vfs::tmpfs {

struct Options {
    // Most file-data pages the file system may hold (NoSpace beyond);
    // 0 is no limit but memory.
    uint64_t max_pages { 0 };
    uint32_t root_mode { 0755 };
    Owner root_owner {};
};

// A new, empty tmpfs; returns its root directory.
klib::ErrorOr<klib::RefPtr<Inode>> create(const Options& = {});

// Data pages a tmpfs (given by any of its inodes) holds right now.
uint64_t pages_in_use(const Inode&);

} // namespace vfs::tmpfs
