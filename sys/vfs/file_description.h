#pragma once
// An open file description: what open() and pipe() create and what file
// descriptors point to (dup and fork share one). It holds the inode (none
// for pipes), the File behaviour, the position and the status flags.
//
// Positions are 64-bit and never negative. Threads sharing a description
// may race on the position (each call reads it, transfers, stores the new
// value); the data itself stays consistent.
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/spinlock.h"
#include "vfs/file.h"
#include "vfs/inode.h"

namespace vfs {

class IoBuffer;

class FileDescription : public klib::RefCounted<FileDescription> {
public:
    // `flags` are open()'s flags: the access mode (BANOS_O_RDONLY, _WRONLY,
    // _RDWR) and the status flags BANOS_O_APPEND and BANOS_O_NONBLOCK are
    // kept; creation-time flags are dropped. An access mode of 3 is Invalid.
    static klib::ErrorOr<klib::RefPtr<FileDescription>> create(klib::RefPtr<Inode>, klib::OwnPtr<File>,
                                                               uint32_t flags);

    Inode* inode() const { return inode_.get(); }
    const klib::RefPtr<Inode>& inode_ref() const { return inode_; }
    File& file() const { return *file_; }

    // F_GETFL: access mode | O_APPEND | O_NONBLOCK.
    uint32_t flags() const { return __atomic_load_n(&flags_, __ATOMIC_RELAXED); }
    // F_SETFL: only O_APPEND and O_NONBLOCK change; other bits are ignored.
    void set_flags(uint32_t flags);
    bool is_readable() const;
    bool is_writable() const;
    bool is_nonblocking() const { return flags() & BANOS_O_NONBLOCK; }

    // read(2)/write(2) at the position, which then advances by the count.
    // BadDescriptor when not open for that; O_APPEND writes at the end.
    // The whole buffer is the request.
    klib::ErrorOr<size_t> read(IoBuffer&);
    klib::ErrorOr<size_t> write(IoBuffer&);
    // pread/pwrite: at `offset`, position unchanged (O_APPEND ignored, as
    // POSIX says). Invalid for a negative offset, IllegalSeek if not seekable.
    klib::ErrorOr<size_t> pread(IoBuffer&, int64_t offset);
    klib::ErrorOr<size_t> pwrite(IoBuffer&, int64_t offset);
    // lseek: whence is BANOS_SEEK_SET/CUR/END. Invalid for a bad whence or a
    // negative result, Overflow past INT64_MAX, IllegalSeek if not seekable.
    klib::ErrorOr<int64_t> seek(int64_t offset, int whence);
    int64_t position() const;

    klib::ErrorOr<Metadata> stat() const;
    // getdents: fills the buffer with whole records (dirent.h) from the
    // position on and advances the position past them; 0 at the end.
    // NotDirectory unless a directory; Invalid if the next record does not
    // fit at all.
    klib::ErrorOr<size_t> getdents(IoBuffer&);
    // Forwarded to the File (NotTerminal by default).
    klib::ErrorOr<int64_t> ioctl(uint32_t request, uint64_t argument);
    // ftruncate: Invalid if negative or not open for writing or not a
    // regular file.
    klib::ErrorOr<void> truncate(int64_t length);

private:
    FileDescription(klib::RefPtr<Inode> inode, klib::OwnPtr<File> file, uint32_t flags)
        : inode_(std::move(inode)), file_(std::move(file)), flags_(flags)
    {
    }
    template <typename T, typename... Args>
    friend klib::ErrorOr<klib::RefPtr<T>> klib::try_make_ref(Args&&...);

    klib::ErrorOr<size_t> write_at(IoBuffer&, uint64_t offset);
    void set_position(int64_t);

    klib::RefPtr<Inode> inode_;
    klib::OwnPtr<File> file_;
    uint32_t flags_;
    mutable klib::Spinlock position_lock_;
    int64_t position_ { 0 };
};

} // namespace vfs
