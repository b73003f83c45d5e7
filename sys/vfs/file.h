#pragma once
// The behaviour of an open file. Every FileDescription owns one File.
// Regular files and directories get InodeFile; device nodes, pipes and
// terminals implement their own (they may block inside read and write, and
// are told which description they serve, for O_NONBLOCK and friends).
//
// A File lives exactly as long as its description: the destructor is the
// "last close" (a pipe end counts its readers and writers there).
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "vfs/types.h"

namespace vfs {

class FileDescription;
class IoBuffer;

class File {
public:
    virtual ~File() = default;

    // `offset` is the description's position (or pread's), meaningful only
    // for seekable files. count <= buffer.size(). Returns the bytes moved,
    // following the partial-transfer rule of io_buffer.h; 0 from read is end
    // of file.
    virtual klib::ErrorOr<size_t> read(FileDescription&, uint64_t offset, IoBuffer&, size_t count) = 0;
    virtual klib::ErrorOr<size_t> write(FileDescription&, uint64_t offset, IoBuffer&, size_t count) = 0;

    // Whether the position means anything: lseek, pread and pwrite fail with
    // IllegalSeek (ESPIPE) when not.
    virtual bool is_seekable() const { return false; }

    // Device control. `argument` is the caller's raw third argument (often a
    // user pointer, which the File copies itself). NotTerminal (ENOTTY)
    // unless the file knows the request.
    virtual klib::ErrorOr<int64_t> ioctl(FileDescription&, uint32_t request, uint64_t argument);

    // stat() for descriptions without an inode (pipes): the File describes
    // itself. Unused when the description has an inode.
    virtual klib::ErrorOr<Metadata> stat() const { return klib::ErrorCode::NotSupported; }

    // ftruncate for files that are not inode-backed.
    virtual klib::ErrorOr<void> truncate(uint64_t) { return klib::ErrorCode::Invalid; }
};

// Regular files and directories: reads and writes go to the description's
// inode. Directories are read through FileDescription::getdents, so read and
// write on them fail with IsDirectory.
class InodeFile final : public File {
public:
    klib::ErrorOr<size_t> read(FileDescription&, uint64_t offset, IoBuffer&, size_t count) override;
    klib::ErrorOr<size_t> write(FileDescription&, uint64_t offset, IoBuffer&, size_t count) override;
    bool is_seekable() const override { return true; }
};

} // namespace vfs
