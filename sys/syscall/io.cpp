// read, write, pread and pwrite, through the calling process's descriptors.
#include "lib/math.h"
#include "proc/process.h"
#include "syscall/syscalls.h"
#include "syscall/user_buffer.h"

namespace sys {

namespace {
// One call moves at most this much; callers loop for more, as POSIX allows.
constexpr uint64_t kMaxTransfer = 1ull << 30;

klib::ErrorOr<klib::RefPtr<vfs::FileDescription>> description_of(int fd)
{
    return proc::current_process()->files().descriptors->get(fd);
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

} // namespace sys
