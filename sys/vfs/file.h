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

#include "abi-versions/v3/program/types.h" // BANOS_POLL*
#include "lib/error_or.h"
#include "vfs/types.h"

namespace vfs {

class FileDescription;
class IoBuffer;

// What poll() asks and answers, in program ABI 3's numbering, which the
// kernel uses as its own (kernel ABIs pass it through).
using PollEvents = uint16_t;
constexpr PollEvents kPollIn = BANOS_POLLIN;
constexpr PollEvents kPollOut = BANOS_POLLOUT;
constexpr PollEvents kPollError = BANOS_POLLERR;
constexpr PollEvents kPollHangUp = BANOS_POLLHUP;
constexpr PollEvents kPollInvalid = BANOS_POLLNVAL;

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

    // poll(): the events that hold now, without waiting. A file that can
    // block (pipe, terminal) says when a read or write would not, and
    // announces every change of that through proc/io_events.h; anything
    // else never blocks, so it is always readable and writable.
    virtual PollEvents poll_events(const FileDescription&) const { return kPollIn | kPollOut; }
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
