#pragma once
// One mounted (or mountable) file system: the owner of its inodes' shared
// state. Inodes keep their file system alive (RefPtr); the file system holds
// no strong reference to its inodes, so whoever holds the root (the mount
// table, a process's root directory) keeps the tree alive.
#include <stdint.h>

#include "lib/ref_ptr.h"
#include "lib/string_view.h"

namespace vfs {

class FileSystem : public klib::RefCounted<FileSystem> {
public:
    virtual ~FileSystem() = default;

    // st_dev of every inode in this file system; unique while the system runs.
    uint64_t device_id() const { return device_id_; }
    virtual klib::StringView name() const = 0; // "tmpfs", "devfs", "procfs"

protected:
    FileSystem();

private:
    uint64_t device_id_;
};

} // namespace vfs
