#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "vfs/file_descriptor_table.h"
#include "vfs/inode.h"

namespace proc {

// What a process has open and where it stands in the file tree.
struct ProcessFiles {
    klib::OwnPtr<vfs::FileDescriptorTable> descriptors;
    klib::RefPtr<vfs::Inode> root;
    klib::RefPtr<vfs::Inode> cwd;
    uint32_t umask { 022 };

    static klib::ErrorOr<ProcessFiles> create(klib::RefPtr<vfs::Inode> root);
    // fork: shared descriptions, same directories.
    klib::ErrorOr<ProcessFiles> clone() const;
};

// The system's root directory, set once the file tree is built.
void set_system_root(klib::RefPtr<vfs::Inode>);
klib::RefPtr<vfs::Inode> system_root();

} // namespace proc
