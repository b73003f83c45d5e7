#include "vfs/file_description.h"

#include "lib/math.h"
#include "vfs/dirent.h"
#include "vfs/io_buffer.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;

namespace {
constexpr uint32_t kKeptFlags = BANOS_O_ACCMODE | BANOS_O_APPEND | BANOS_O_NONBLOCK;
constexpr uint32_t kChangeableFlags = BANOS_O_APPEND | BANOS_O_NONBLOCK;
constexpr uint64_t kMaxOffset = INT64_MAX;
} // namespace

ErrorOr<klib::RefPtr<FileDescription>> FileDescription::create(klib::RefPtr<Inode> inode, klib::OwnPtr<File> file,
                                                               uint32_t flags)
{
    if (!file || (flags & BANOS_O_ACCMODE) == BANOS_O_ACCMODE)
        return ErrorCode::Invalid;
    return klib::try_make_ref<FileDescription>(std::move(inode), std::move(file), flags & kKeptFlags);
}

void FileDescription::set_flags(uint32_t flags)
{
    uint32_t old = this->flags();
    uint32_t updated;
    do {
        updated = (old & ~kChangeableFlags) | (flags & kChangeableFlags);
    } while (!__atomic_compare_exchange_n(&flags_, &old, updated, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
}

bool FileDescription::is_readable() const
{
    uint32_t mode = flags() & BANOS_O_ACCMODE;
    return mode == BANOS_O_RDONLY || mode == BANOS_O_RDWR;
}

bool FileDescription::is_writable() const
{
    uint32_t mode = flags() & BANOS_O_ACCMODE;
    return mode == BANOS_O_WRONLY || mode == BANOS_O_RDWR;
}

int64_t FileDescription::position() const
{
    klib::SpinlockGuard guard(position_lock_);
    return position_;
}

void FileDescription::set_position(int64_t position)
{
    klib::SpinlockGuard guard(position_lock_);
    position_ = position;
}

ErrorOr<size_t> FileDescription::read(IoBuffer& buffer)
{
    if (!is_readable())
        return ErrorCode::BadDescriptor;
    if (!file_->is_seekable())
        return file_->read(*this, 0, buffer, buffer.size());
    int64_t start = position();
    size_t done = TRY(file_->read(*this, static_cast<uint64_t>(start), buffer, buffer.size()));
    set_position(start + static_cast<int64_t>(done));
    return done;
}

ErrorOr<size_t> FileDescription::write_at(IoBuffer& buffer, uint64_t offset)
{
    size_t count = buffer.size();
    if (offset > kMaxOffset)
        return ErrorCode::FileTooBig;
    if (count > kMaxOffset - offset)
        count = kMaxOffset - offset;
    if (count == 0 && buffer.size() > 0)
        return ErrorCode::FileTooBig;
    return file_->write(*this, offset, buffer, count);
}

ErrorOr<size_t> FileDescription::write(IoBuffer& buffer)
{
    if (!is_writable())
        return ErrorCode::BadDescriptor;
    if (!file_->is_seekable())
        return file_->write(*this, 0, buffer, buffer.size());
    uint64_t start = static_cast<uint64_t>(position());
    if ((flags() & BANOS_O_APPEND) && inode_)
        start = inode_->size();
    size_t done = TRY(write_at(buffer, start));
    set_position(static_cast<int64_t>(start + done));
    return done;
}

ErrorOr<size_t> FileDescription::pread(IoBuffer& buffer, int64_t offset)
{
    if (!is_readable())
        return ErrorCode::BadDescriptor;
    if (!file_->is_seekable())
        return ErrorCode::IllegalSeek;
    if (offset < 0)
        return ErrorCode::Invalid;
    return file_->read(*this, static_cast<uint64_t>(offset), buffer, buffer.size());
}

ErrorOr<size_t> FileDescription::pwrite(IoBuffer& buffer, int64_t offset)
{
    if (!is_writable())
        return ErrorCode::BadDescriptor;
    if (!file_->is_seekable())
        return ErrorCode::IllegalSeek;
    if (offset < 0)
        return ErrorCode::Invalid;
    return write_at(buffer, static_cast<uint64_t>(offset));
}

ErrorOr<int64_t> FileDescription::seek(int64_t offset, int whence)
{
    if (!file_->is_seekable())
        return ErrorCode::IllegalSeek;
    int64_t base;
    switch (whence) {
    case BANOS_SEEK_SET:
        base = 0;
        break;
    case BANOS_SEEK_CUR:
        base = position();
        break;
    case BANOS_SEEK_END: {
        uint64_t size = inode_ ? inode_->size() : 0;
        if (!inode_) {
            auto metadata = file_->stat();
            if (!metadata.is_error())
                size = static_cast<uint64_t>(metadata.value().size);
        }
        if (size > kMaxOffset)
            return ErrorCode::Overflow;
        base = static_cast<int64_t>(size);
        break;
    }
    default:
        return ErrorCode::Invalid;
    }
    int64_t result;
    if (__builtin_add_overflow(base, offset, &result))
        return offset < 0 ? ErrorCode::Invalid : ErrorCode::Overflow;
    if (result < 0)
        return ErrorCode::Invalid;
    set_position(result);
    return result;
}

ErrorOr<Metadata> FileDescription::stat() const
{
    if (inode_)
        return inode_->metadata();
    return file_->stat();
}

ErrorOr<int64_t> FileDescription::ioctl(uint32_t request, uint64_t argument)
{
    return file_->ioctl(*this, request, argument);
}

ErrorOr<void> FileDescription::truncate(int64_t length)
{
    if (length < 0 || !is_writable())
        return ErrorCode::Invalid;
    if (!inode_)
        return file_->truncate(static_cast<uint64_t>(length));
    if (!inode_->is_regular())
        return ErrorCode::Invalid;
    return inode_->truncate(static_cast<uint64_t>(length));
}

namespace {

// Packs directory entries into a kernel staging area; runs under the file
// system's lock, so it touches kernel memory only.
class DirentPacker final : public DirectoryVisitor {
public:
    DirentPacker(unsigned char* staging, size_t capacity, size_t room) : staging_(staging), capacity_(capacity), room_(room) {}

    bool visit(const DirectoryEntry& entry) override
    {
        size_t size = dirent_record_size(entry.name.size());
        if (size > room_) {
            caller_full_ = true;
            return false;
        }
        if (used_ + size > capacity_) {
            stopped_ = true;
            return false;
        }
        encode_dirent(staging_ + used_, entry);
        used_ += size;
        room_ -= size;
        next_cursor_ = entry.next_cursor;
        return true;
    }

    size_t used() const { return used_; }
    uint64_t next_cursor() const { return next_cursor_; }
    bool caller_full() const { return caller_full_; }
    bool stopped() const { return stopped_ || caller_full_; }

private:
    unsigned char* staging_;
    size_t capacity_;
    size_t room_;
    size_t used_ { 0 };
    uint64_t next_cursor_ { 0 };
    bool caller_full_ { false };
    bool stopped_ { false };
};

} // namespace

ErrorOr<size_t> FileDescription::getdents(IoBuffer& buffer)
{
    if (!inode_ || !inode_->is_directory())
        return ErrorCode::NotDirectory;
    // Four maximal records: a few round trips per call at most.
    constexpr size_t kStaging = 4 * kMaxDirentRecordSize;
    unsigned char staging[kStaging];

    uint64_t cursor = static_cast<uint64_t>(position());
    size_t done = 0;
    bool caller_full = false;
    for (;;) {
        DirentPacker packer(staging, kStaging, buffer.size() - done);
        auto walked = inode_->read_directory(cursor, packer);
        if (walked.is_error()) {
            set_position(static_cast<int64_t>(cursor));
            return partial_result(done, walked.error());
        }
        if (packer.used()) {
            auto copied = buffer.write_to(done, klib::ReadonlyBytes(staging, packer.used()));
            if (copied.is_error()) {
                set_position(static_cast<int64_t>(cursor));
                return partial_result(done, copied.error());
            }
            done += packer.used();
            cursor = packer.next_cursor();
        }
        caller_full = packer.caller_full();
        if (!packer.stopped() || caller_full)
            break;
    }
    set_position(static_cast<int64_t>(cursor));
    if (done == 0 && caller_full)
        return ErrorCode::Invalid;
    return done;
}

} // namespace vfs
