// pread and pwrite: the ABI's slots where it has them. Program ABI 1 has
// none, so there they are built from lseek: position saved, transfer,
// position restored (not atomic against another user of the same
// description; threads do not exist in ABI 1).
#include <banos/slots.h>
#include <errno.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

namespace {
#ifndef BANOS_HAS_SLOT_pread64
template <typename Transfer>
ssize_t at_offset(int fd, off_t offset, Transfer&& transfer)
{
    if (offset < 0)
        return fail(EINVAL);
    off_t saved = lseek(fd, 0, SEEK_CUR);
    if (saved < 0 || lseek(fd, offset, SEEK_SET) < 0)
        return -1;
    ssize_t result = transfer();
    int error = errno;
    lseek(fd, saved, SEEK_SET);
    errno = error;
    return result;
}
#endif
} // namespace

extern "C" {

ssize_t pread(int fd, void* buffer, size_t count, off_t offset)
{
#ifdef BANOS_HAS_SLOT_pread64
    return __banos_slot_pread64(fd, buffer, count, offset);
#else
    return at_offset(fd, offset, [&] { return read(fd, buffer, count); });
#endif
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset)
{
#ifdef BANOS_HAS_SLOT_pwrite64
    return __banos_slot_pwrite64(fd, buffer, count, offset);
#else
    return at_offset(fd, offset, [&] { return write(fd, buffer, count); });
#endif
}
}
