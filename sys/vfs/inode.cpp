#include "vfs/inode.h"

#include "vfs/clock.h"
#include "vfs/file.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;

namespace {
uint64_t g_live_inodes = 0;
}

uint64_t Inode::live_count() { return __atomic_load_n(&g_live_inodes, __ATOMIC_RELAXED); }

Inode::~Inode() { __atomic_sub_fetch(&g_live_inodes, 1, __ATOMIC_RELAXED); }

Inode::Inode(klib::RefPtr<FileSystem> file_system, uint64_t ino, uint32_t mode, Owner owner, uint64_t rdev)
    : file_system_(std::move(file_system))
    , ino_(ino)
    , type_(file_type(mode))
{
    __atomic_add_fetch(&g_live_inodes, 1, __ATOMIC_RELAXED);
    Timestamp time = now();
    attributes_ = { mode, owner.uid, owner.gid, 1, rdev, time, time, time, {} };
}

Inode::Attributes Inode::attributes() const
{
    klib::SpinlockGuard guard(attributes_lock_);
    return attributes_;
}

Metadata Inode::metadata() const
{
    // Size first: file systems take their own locks for it.
    uint64_t bytes = size();
    uint64_t blocks = allocated_blocks();
    Attributes a = attributes();
    Metadata m;
    m.device = file_system_->device_id();
    m.ino = ino_;
    m.mode = a.mode;
    m.nlink = a.nlink;
    m.uid = a.uid;
    m.gid = a.gid;
    m.rdev = a.rdev;
    m.size = static_cast<int64_t>(bytes);
    m.blocks = static_cast<int64_t>(blocks);
    m.atime = a.atime;
    m.mtime = a.mtime;
    m.ctime = a.ctime;
    m.btime = a.btime;
    return m;
}

ErrorOr<void> Inode::set_mode(uint32_t permissions)
{
    Timestamp time = now();
    klib::SpinlockGuard guard(attributes_lock_);
    attributes_.mode = type_ | (permissions & kPermissionMask);
    attributes_.ctime = time;
    return {};
}

ErrorOr<void> Inode::set_owner(uint32_t uid, uint32_t gid)
{
    Timestamp time = now();
    klib::SpinlockGuard guard(attributes_lock_);
    attributes_.uid = uid;
    attributes_.gid = gid;
    attributes_.ctime = time;
    return {};
}

ErrorOr<void> Inode::set_times(const Timestamp* atime, const Timestamp* mtime)
{
    Timestamp time = now();
    klib::SpinlockGuard guard(attributes_lock_);
    if (atime)
        attributes_.atime = *atime;
    if (mtime)
        attributes_.mtime = *mtime;
    attributes_.ctime = time;
    return {};
}

void Inode::record_birth()
{
    klib::SpinlockGuard guard(attributes_lock_);
    attributes_.btime = attributes_.ctime;
}

void Inode::set_link_count(uint32_t count)
{
    klib::SpinlockGuard guard(attributes_lock_);
    attributes_.nlink = count;
}

void Inode::adjust_link_count(int delta)
{
    klib::SpinlockGuard guard(attributes_lock_);
    if (delta < 0 && attributes_.nlink < static_cast<uint32_t>(-delta))
        attributes_.nlink = 0;
    else
        attributes_.nlink += delta;
}

void Inode::touch(unsigned fields)
{
    Timestamp time = now();
    klib::SpinlockGuard guard(attributes_lock_);
    if (fields & kAccessTime)
        attributes_.atime = time;
    if (fields & kModifyTime)
        attributes_.mtime = time;
    if (fields & kChangeTime)
        attributes_.ctime = time;
}

ErrorOr<size_t> Inode::read(uint64_t, IoBuffer&, size_t)
{
    return is_directory() ? ErrorCode::IsDirectory : ErrorCode::Invalid;
}

ErrorOr<size_t> Inode::write(uint64_t, IoBuffer&, size_t)
{
    return is_directory() ? ErrorCode::IsDirectory : ErrorCode::Invalid;
}

ErrorOr<void> Inode::truncate(uint64_t) { return is_directory() ? ErrorCode::IsDirectory : ErrorCode::Invalid; }

size_t Inode::share_page_frames(uint64_t, size_t count, uint64_t, uint64_t* frames)
{
    for (size_t i = 0; i < count; ++i)
        frames[i] = 0;
    return 0;
}

klib::Optional<uint64_t> Inode::share_page_frame(uint64_t index)
{
    uint64_t frame;
    if (share_page_frames(index, 1, 1, &frame) == 0)
        return {};
    return frame;
}

ErrorOr<klib::OwnPtr<File>> Inode::open(uint32_t)
{
    if (!is_regular() && !is_directory())
        return ErrorCode::NoDevice;
    auto file = TRY(klib::try_make<InodeFile>());
    return klib::OwnPtr<File>(std::move(file));
}

// Directory operations a directory's file system does not offer are not
// permitted; on anything else they are "not a directory".
ErrorOr<klib::RefPtr<Inode>> Inode::lookup(klib::StringView)
{
    return is_directory() ? ErrorCode::NoEntry : ErrorCode::NotDirectory;
}
ErrorOr<klib::RefPtr<Inode>> Inode::create(klib::StringView, uint32_t, Owner)
{
    return is_directory() ? ErrorCode::NotPermitted : ErrorCode::NotDirectory;
}
ErrorOr<klib::RefPtr<Inode>> Inode::symlink(klib::StringView, klib::StringView, Owner)
{
    return is_directory() ? ErrorCode::NotPermitted : ErrorCode::NotDirectory;
}
ErrorOr<void> Inode::link(klib::StringView, Inode&)
{
    return is_directory() ? ErrorCode::NotPermitted : ErrorCode::NotDirectory;
}
ErrorOr<void> Inode::unlink(klib::StringView)
{
    return is_directory() ? ErrorCode::NotPermitted : ErrorCode::NotDirectory;
}
ErrorOr<void> Inode::rmdir(klib::StringView)
{
    return is_directory() ? ErrorCode::NotPermitted : ErrorCode::NotDirectory;
}
ErrorOr<void> Inode::rename(klib::StringView, Inode&, klib::StringView)
{
    return is_directory() ? ErrorCode::NotPermitted : ErrorCode::NotDirectory;
}
ErrorOr<void> Inode::read_directory(uint64_t, DirectoryVisitor&) { return ErrorCode::NotDirectory; }

ErrorOr<size_t> Inode::read_link(char*, size_t) { return ErrorCode::Invalid; }

} // namespace vfs
