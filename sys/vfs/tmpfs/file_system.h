#pragma once
// tmpfs internals: the file system object and the base of its inodes.
#include "lib/spinlock.h"
#include "vfs/file_system.h"
#include "vfs/inode.h"
#include "vfs/tmpfs/tmpfs.h"

namespace vfs::tmpfs {

constexpr size_t kPageSize = 4096;

class TmpfsFileSystem final : public FileSystem {
public:
    explicit TmpfsFileSystem(uint64_t max_pages) : max_pages_(max_pages) {}
    klib::StringView name() const override { return "tmpfs"; }

    uint64_t allocate_ino() { return __atomic_fetch_add(&next_ino_, 1, __ATOMIC_RELAXED); }
    // One more data page, if the limit allows (NoSpace).
    klib::ErrorOr<void> reserve_page();
    void release_pages(uint64_t count) { __atomic_sub_fetch(&pages_used_, count, __ATOMIC_RELAXED); }
    uint64_t pages_used() const { return __atomic_load_n(&pages_used_, __ATOMIC_RELAXED); }

    // Guards every directory's entries and parent link: renames touch two
    // directories, and one lock for the name space makes that simple.
    // Nothing that can fault or free an inode runs under it.
    klib::Spinlock& namespace_lock() { return namespace_lock_; }

private:
    uint64_t max_pages_;
    uint64_t pages_used_ { 0 };
    uint64_t next_ino_ { 1 };
    klib::Spinlock namespace_lock_;
};

// Every tmpfs inode. Link counts are managed by the directories.
class Node : public Inode {
public:
    TmpfsFileSystem& fs() const { return static_cast<TmpfsFileSystem&>(file_system()); }
    void change_link_count(int delta) { adjust_link_count(delta); }
    void clear_link_count() { set_link_count(0); }
    void note_change(unsigned fields) { touch(fields); }

protected:
    // Born now: tmpfs records birth times.
    Node(klib::RefPtr<TmpfsFileSystem> fs, uint32_t mode, Owner owner)
        : Inode(klib::RefPtr<FileSystem>(fs.get()), fs->allocate_ino(), mode, owner)
    {
        record_birth();
    }
};

} // namespace vfs::tmpfs
