// readv and writev: the slots in ABI 3; before, built on read and write.
// A vector of up to PIPE_BUF bytes in all is one transfer of a bounce
// buffer (as atomic as the real call: a pipe keeps it whole); a longer one
// goes buffer by buffer and stops at the first short transfer, so the
// count is what really moved.
#include <banos/slots.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

namespace {

#ifndef BANOS_HAS_SLOT_readv
// The vector's total; -1 with EINVAL for a bad count or a total past SSIZE_MAX.
ssize_t total_of(const struct iovec* vector, int count)
{
    if (count < 0 || count > IOV_MAX)
        return fail<ssize_t>(EINVAL);
    size_t total = 0;
    for (int i = 0; i < count; ++i) {
        if (vector[i].iov_len > static_cast<size_t>(SSIZE_MAX) - total)
            return fail<ssize_t>(EINVAL);
        total += vector[i].iov_len;
    }
    return static_cast<ssize_t>(total);
}

template<typename Transfer>
ssize_t each_buffer(const struct iovec* vector, int count, Transfer&& transfer)
{
    ssize_t done = 0;
    for (int i = 0; i < count; ++i) {
        if (vector[i].iov_len == 0)
            continue;
        ssize_t moved = transfer(vector[i].iov_base, vector[i].iov_len);
        if (moved < 0)
            return done > 0 ? done : -1;
        done += moved;
        if (static_cast<size_t>(moved) < vector[i].iov_len)
            break;
    }
    return done;
}
#endif

} // namespace

extern "C" {

ssize_t readv(int fd, const struct iovec* vector, int count)
{
#ifdef BANOS_HAS_SLOT_readv
    return __banos_slot_readv(fd, reinterpret_cast<const banos_v3_iovec*>(vector), count);
#else
    ssize_t total = total_of(vector, count);
    if (total < 0)
        return -1;
    if (total > PIPE_BUF)
        return each_buffer(vector, count, [fd](void* base, size_t length) { return read(fd, base, length); });
    char bounce[PIPE_BUF];
    ssize_t got = read(fd, bounce, static_cast<size_t>(total));
    size_t placed = 0;
    for (int i = 0; i < count && got > 0 && placed < static_cast<size_t>(got); ++i) {
        size_t piece = vector[i].iov_len;
        if (piece > static_cast<size_t>(got) - placed)
            piece = static_cast<size_t>(got) - placed;
        if (piece != 0)
            memcpy(vector[i].iov_base, bounce + placed, piece);
        placed += piece;
    }
    return got;
#endif
}

ssize_t writev(int fd, const struct iovec* vector, int count)
{
#ifdef BANOS_HAS_SLOT_writev
    return __banos_slot_writev(fd, reinterpret_cast<const banos_v3_iovec*>(vector), count);
#else
    ssize_t total = total_of(vector, count);
    if (total < 0)
        return -1;
    if (total > PIPE_BUF)
        return each_buffer(vector, count, [fd](void* base, size_t length) { return write(fd, base, length); });
    char bounce[PIPE_BUF];
    size_t gathered = 0;
    for (int i = 0; i < count; ++i) {
        if (vector[i].iov_len != 0)
            memcpy(bounce + gathered, vector[i].iov_base, vector[i].iov_len);
        gathered += vector[i].iov_len;
    }
    return write(fd, bounce, gathered);
#endif
}
}
