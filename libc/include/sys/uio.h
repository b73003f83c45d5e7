/* Scatter/gather transfers. In program ABI 3 readv and writev are slots
 * (one transfer, atomic as write() for a pipe); in ABIs 1 and 2 libc
 * builds them on read and write: a vector of up to PIPE_BUF bytes in all
 * goes through one transfer of a buffer, a longer one buffer by buffer,
 * stopping at the first short transfer (the count stays honest, only the
 * atomicity is lost). At most IOV_MAX buffers; EINVAL beyond, or when the
 * total passes SSIZE_MAX. */
#ifndef __BANOS_SYS_UIO_H
#define __BANOS_SYS_UIO_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

struct iovec {
    void* iov_base;
    size_t iov_len;
};

#ifdef BANOS_HAS_SLOT_readv
__BANOS_STATIC_ASSERT(sizeof(struct iovec) == sizeof(struct banos_v3_iovec)
        && __builtin_offsetof(struct iovec, iov_base) == __builtin_offsetof(struct banos_v3_iovec, iov_base)
        && __builtin_offsetof(struct iovec, iov_len) == __builtin_offsetof(struct banos_v3_iovec, iov_len),
    "struct iovec has the program ABI's layout");
#endif

__BEGIN_DECLS

ssize_t readv(int fd, const struct iovec* vector, int count);
ssize_t writev(int fd, const struct iovec* vector, int count);

__END_DECLS

#endif
