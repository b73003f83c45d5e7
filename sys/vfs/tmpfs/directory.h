#pragma once
#include "lib/optional.h"
#include "lib/vector.h"
#include "vfs/name.h"
#include "vfs/tmpfs/file_system.h"

namespace vfs::tmpfs {

// A directory: entries in creation order, each with a cookie (the readdir
// cursor) that never changes while the entry exists, so getdents resumes
// correctly across insertions and removals. Subdirectories point back here
// (weakly: entries hold children, never the reverse) for "..". A parent
// outlives its subdirectories' links to it: rmdir and rename clear the link
// under the name-space lock, and a dying directory clears its children's.
// (The one window: a root dropped on one CPU while another walks ".." from
// below it; roots are only dropped at teardown.)
class Directory final : public Node {
public:
    // parent is null for a file system's root.
    static klib::ErrorOr<klib::RefPtr<Directory>> create(klib::RefPtr<TmpfsFileSystem>, uint32_t permissions, Owner,
                                                         Directory* parent);
    ~Directory() override;

    uint64_t size() const override;

    klib::ErrorOr<klib::RefPtr<Inode>> lookup(klib::StringView name) override;
    klib::ErrorOr<klib::RefPtr<Inode>> create(klib::StringView name, uint32_t mode, Owner) override;
    klib::ErrorOr<klib::RefPtr<Inode>> symlink(klib::StringView name, klib::StringView target, Owner) override;
    klib::ErrorOr<void> link(klib::StringView name, Inode& target) override;
    klib::ErrorOr<void> unlink(klib::StringView name) override;
    klib::ErrorOr<void> rmdir(klib::StringView name) override;
    klib::ErrorOr<void> rename(klib::StringView old_name, Inode& new_directory, klib::StringView new_name) override;
    klib::ErrorOr<void> read_directory(uint64_t cursor, DirectoryVisitor&) override;

private:
    struct Entry {
        Name name;
        uint64_t cookie;
        klib::RefPtr<Inode> inode;
    };

    Directory(klib::RefPtr<TmpfsFileSystem> fs, uint32_t permissions, Owner owner, Directory* parent)
        : Node(std::move(fs), BANOS_S_IFDIR | (permissions & kPermissionMask), owner), parent_(parent)
    {
        set_link_count(2);
    }
    template <typename T, typename... Args>
    friend klib::ErrorOr<klib::RefPtr<T>> klib::try_make_ref(Args&&...);

    // All below: namespace lock held.
    klib::Optional<size_t> find_locked(klib::StringView name) const;
    size_t first_at_or_after_locked(uint64_t cookie) const;
    klib::ErrorOr<void> add_locked(Name, klib::RefPtr<Inode>);
    // Unlinks a child directory that is leaving the tree.
    void orphan_locked(Directory& child);

    // Adds a new child made outside the lock.
    klib::ErrorOr<void> insert_new(klib::StringView name, klib::RefPtr<Inode> child);

    klib::Vector<Entry> entries_;
    uint64_t next_cookie_ { kFirstEntryCursor };
    Directory* parent_;
    bool removed_ { false };
};

// Valid as one entry name: 1..255 bytes, no '/', not "." or "..".
klib::ErrorOr<void> check_entry_name(klib::StringView name);

} // namespace vfs::tmpfs
