#pragma once
// A file-system object: regular file, directory, symlink or device node.
//
// The operations here are the file system's mechanism only. Permission
// checks, ".", "..", mount points, symlink following and the rules of POSIX
// that span file systems live in the VFS layer (vfs/operations.h), which is
// what system calls use. An operation an inode does not support has a
// default that answers with the error POSIX gives (IsDirectory for reading a
// directory, NotDirectory for a lookup in a file, ...).
//
// Locking: each inode guards its attributes with its own spinlock; file
// systems lock their own data. No lock is held while an IoBuffer is
// touched (copying to user memory may fault and page in from a file), and
// DirectoryVisitor callbacks run under the file system's lock, so visitors
// copy into kernel memory only.
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/spinlock.h"
#include "lib/string_view.h"
#include "vfs/file_system.h"
#include "vfs/types.h"

namespace vfs {

class File;
class IoBuffer;

// One entry as read_directory() reports it. Entries come in cursor order;
// next_cursor is where a later call resumes after this entry.
struct DirectoryEntry {
    klib::StringView name;
    uint64_t ino;
    uint8_t type; // BANOS_DT_*
    uint64_t next_cursor;
};

class DirectoryVisitor {
public:
    // Returns false to stop the walk (the entry is then not consumed).
    virtual bool visit(const DirectoryEntry&) = 0;

protected:
    ~DirectoryVisitor() = default;
};

// Cursors every directory shares: "." then "..", then the file system's
// own entries from kFirstEntryCursor on.
constexpr uint64_t kDotCursor = 0;
constexpr uint64_t kDotDotCursor = 1;
constexpr uint64_t kFirstEntryCursor = 2;

class Inode : public klib::RefCounted<Inode> {
public:
    virtual ~Inode();

    // Inodes alive in the whole system (leak checks in tests).
    static uint64_t live_count();

    FileSystem& file_system() const { return *file_system_; }
    uint64_t ino() const { return ino_; }
    // The type bits (BANOS_S_IF*) never change after creation.
    uint32_t type() const { return type_; }
    bool is_directory() const { return type_ == BANOS_S_IFDIR; }
    bool is_regular() const { return type_ == BANOS_S_IFREG; }
    bool is_symlink() const { return type_ == BANOS_S_IFLNK; }
    // Same file: same file system and inode number (synthetic file systems
    // may hand out several objects for one file).
    bool is_same(const Inode& other) const
    {
        return file_system_.get() == other.file_system_.get() && ino_ == other.ino_;
    }

    struct Attributes {
        uint32_t mode; // type | permissions
        uint32_t uid;
        uint32_t gid;
        uint32_t nlink;
        uint64_t rdev;
        Timestamp atime;
        Timestamp mtime;
        Timestamp ctime;
        Timestamp btime; // birth: zero unless the file system records it
    };
    Attributes attributes() const;
    uint32_t mode() const { return attributes().mode; }
    virtual Metadata metadata() const;
    // Bytes in a file, the target's length for a symlink.
    virtual uint64_t size() const { return 0; }
    virtual uint64_t allocated_blocks() const { return 0; } // 512-byte units

    // Attribute changes; the caller has checked who may make them. Each
    // updates ctime.
    virtual klib::ErrorOr<void> set_mode(uint32_t permissions); // 07777 bits
    virtual klib::ErrorOr<void> set_owner(uint32_t uid, uint32_t gid);
    // nullptr leaves that time as it is.
    virtual klib::ErrorOr<void> set_times(const Timestamp* atime, const Timestamp* mtime);

    // --- Regular files. count is clamped to the buffer's size. Reading at or
    // past the end gives 0; writing past the end fills the gap with zeros.
    virtual klib::ErrorOr<size_t> read(uint64_t offset, IoBuffer&, size_t count);
    virtual klib::ErrorOr<size_t> write(uint64_t offset, IoBuffer&, size_t count);
    virtual klib::ErrorOr<void> truncate(uint64_t size);
    // The physical frames holding the file's pages first .. first + count - 1
    // (page i holds bytes from i * 4096; count <= 64) that `wanted` asks for
    // (bit i for page first + i), each with a reference taken for a
    // mapping, when the file system keeps data in mm file pages
    // (mm/file_pages.h): frames[i] gets the frame, or 0 where the page does
    // not exist (a hole, past the end) or nothing is lent. A mapping shows
    // the frames read-only; where it got 0 it copies. Returns how many.
    virtual size_t share_page_frames(uint64_t first, size_t count, uint64_t wanted, uint64_t* frames);
    // share_page_frames for one page.
    klib::Optional<uint64_t> share_page_frame(uint64_t index);

    // The behaviour behind an open file description. The default serves
    // regular files and directories from this inode; device nodes and
    // synthetic files return their own. `flags` are the open() flags.
    virtual klib::ErrorOr<klib::OwnPtr<File>> open(uint32_t flags);

    // --- Directories. Names are single components, never "." or "..",
    // except that lookup() answers "." (this directory) and ".." (the parent
    // within this file system; a file system's root answers itself).
    virtual klib::ErrorOr<klib::RefPtr<Inode>> lookup(klib::StringView name);
    // A new regular file or directory; `mode` carries the type bits
    // (BANOS_S_IFREG or BANOS_S_IFDIR) and the permissions. Exists if taken.
    virtual klib::ErrorOr<klib::RefPtr<Inode>> create(klib::StringView name, uint32_t mode, Owner);
    virtual klib::ErrorOr<klib::RefPtr<Inode>> symlink(klib::StringView name, klib::StringView target, Owner);
    // A new name for `target` (same file system, not a directory).
    virtual klib::ErrorOr<void> link(klib::StringView name, Inode& target);
    // Removes a non-directory entry (IsDirectory otherwise).
    virtual klib::ErrorOr<void> unlink(klib::StringView name);
    // Removes an empty directory (NotEmpty, NotDirectory).
    virtual klib::ErrorOr<void> rmdir(klib::StringView name);
    // Moves an entry to `new_directory` (same file system), replacing what is
    // there by POSIX rules: a directory only an empty directory (NotEmpty,
    // NotDirectory), a non-directory only a non-directory (IsDirectory); a
    // directory never into its own subtree (Invalid). Renaming a file onto
    // another name of itself does nothing.
    virtual klib::ErrorOr<void> rename(klib::StringView old_name, Inode& new_directory, klib::StringView new_name);
    // Calls the visitor for the entries at or after `cursor`, "." and ".."
    // included (see the cursor constants), until it returns false.
    virtual klib::ErrorOr<void> read_directory(uint64_t cursor, DirectoryVisitor&);

    // --- Symlinks: copies up to `capacity` bytes of the target (no NUL) and
    // returns how many.
    virtual klib::ErrorOr<size_t> read_link(char* buffer, size_t capacity);

protected:
    Inode(klib::RefPtr<FileSystem>, uint64_t ino, uint32_t mode, Owner, uint64_t rdev = 0);

    // File systems that create files (tmpfs, device registration) stamp
    // them born at creation; others leave the birth time zero ("unknown").
    void record_birth();
    void set_link_count(uint32_t);
    void adjust_link_count(int delta);
    uint32_t link_count() const { return attributes().nlink; }
    // Sets the chosen timestamps to now().
    enum TimeField : unsigned { kAccessTime = 1, kModifyTime = 2, kChangeTime = 4 };
    void touch(unsigned fields);

private:
    klib::RefPtr<FileSystem> file_system_;
    uint64_t ino_;
    uint32_t type_;
    mutable klib::Spinlock attributes_lock_;
    Attributes attributes_;
};

} // namespace vfs
