// read, write, pread, pwrite, readv and writev, through the calling
// process's descriptors.
#include "abi-versions/v2/kernel/abi.h"
#include "abi-versions/v3/program/types.h" // BANOS_IOV_MAX
#include "lib/math.h"
#include "lib/vector.h"
#include "proc/process.h"
#include "syscall/syscalls.h"
#include "syscall/user_buffer.h"
#include "vfs/vector_buffer.h"

namespace sys {

namespace {
// One call moves at most this much; callers loop for more, as POSIX allows.
constexpr uint64_t kMaxTransfer = 1ull << 30;

klib::ErrorOr<klib::RefPtr<vfs::FileDescription>> description_of(int fd)
{
    return proc::current_process()->files().descriptors->get(fd);
}

// readv/writev's buffers, copied in and checked: Invalid for a count out of
// [0, BANOS_IOV_MAX] or a total beyond SSIZE_MAX, Fault for a vector or a
// buffer outside the caller's memory.
klib::ErrorOr<klib::Vector<vfs::IoSegment>> copy_vector(uint64_t user_vector, int count)
{
    if (count < 0 || count > BANOS_IOV_MAX)
        return klib::ErrorCode::Invalid;
    klib::Vector<vfs::IoSegment> segments;
    TRY(segments.try_reserve(static_cast<size_t>(count)));
    for (int i = 0; i < count; ++i) {
        banos_k2_iovec entry;
        TRY(mm::copy_from_user(&entry, user_vector + static_cast<uint64_t>(i) * sizeof(entry), sizeof(entry)));
        TRY(segments.try_append(vfs::IoSegment { entry.base, entry.length }));
    }
    TRY(vfs::vector_total(klib::Span<const vfs::IoSegment>(segments.data(), segments.size())));
    for (const vfs::IoSegment& segment : segments)
        if (!mm::is_user_range(segment.base, segment.length))
            return klib::ErrorCode::Fault;
    return segments;
}
} // namespace

klib::ErrorOr<uint64_t> read(int fd, uint64_t user_buffer, uint64_t count)
{
    auto description = TRY(description_of(fd));
    if (!mm::is_user_range(user_buffer, count))
        return klib::ErrorCode::Fault;
    UserBuffer buffer(user_buffer, klib::min(count, kMaxTransfer));
    return TRY(description->read(buffer));
}

klib::ErrorOr<uint64_t> write(int fd, uint64_t user_buffer, uint64_t count)
{
    auto description = TRY(description_of(fd));
    if (!mm::is_user_range(user_buffer, count))
        return klib::ErrorCode::Fault;
    UserBuffer buffer(user_buffer, klib::min(count, kMaxTransfer));
    return TRY(description->write(buffer));
}

klib::ErrorOr<uint64_t> pread(int fd, uint64_t user_buffer, uint64_t count, int64_t offset)
{
    auto description = TRY(description_of(fd));
    if (!mm::is_user_range(user_buffer, count))
        return klib::ErrorCode::Fault;
    UserBuffer buffer(user_buffer, klib::min(count, kMaxTransfer));
    return TRY(description->pread(buffer, offset));
}

klib::ErrorOr<uint64_t> pwrite(int fd, uint64_t user_buffer, uint64_t count, int64_t offset)
{
    auto description = TRY(description_of(fd));
    if (!mm::is_user_range(user_buffer, count))
        return klib::ErrorCode::Fault;
    UserBuffer buffer(user_buffer, klib::min(count, kMaxTransfer));
    return TRY(description->pwrite(buffer, offset));
}

// One File::read or File::write over all the buffers: a pipe keeps a
// gathered write of up to PIPE_BUF bytes whole, as it keeps a write().
klib::ErrorOr<uint64_t> readv(int fd, uint64_t user_vector, int count)
{
    auto description = TRY(description_of(fd));
    const auto segments = TRY(copy_vector(user_vector, count));
    UserBuffer memory(0, SIZE_MAX); // the bases are user addresses
    vfs::VectorBuffer buffer(segments.span(), memory, kMaxTransfer);
    return TRY(description->read(buffer));
}

klib::ErrorOr<uint64_t> writev(int fd, uint64_t user_vector, int count)
{
    auto description = TRY(description_of(fd));
    const auto segments = TRY(copy_vector(user_vector, count));
    UserBuffer memory(0, SIZE_MAX); // the bases are user addresses
    vfs::VectorBuffer buffer(segments.span(), memory, kMaxTransfer);
    return TRY(description->write(buffer));
}

} // namespace sys
