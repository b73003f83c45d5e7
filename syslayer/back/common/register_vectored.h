#pragma once
// readv, writev and poll where the kernel has them (kernel ABI 2; kernel
// ABI 1 emulates or refuses them, back/common/vectored_emulation.h). The
// neutral IoVector and PollEntry have the kernel's banos_k2_iovec and
// banos_k2_pollfd layouts, so the caller's arrays go to the kernel as they
// are: one trap, one transfer.
#include "abi-versions/v2/kernel/abi.h"
#include "back/common/register_basic.h"

namespace layer::backend {

static_assert(sizeof(IoVector) == sizeof(banos_k2_iovec) && offsetof(banos_k2_iovec, length) == 8);
static_assert(sizeof(PollEntry) == sizeof(banos_k2_pollfd) && offsetof(banos_k2_pollfd, revents) == 6);

inline Status readv(int32_t fd, const IoVector* vector, int32_t count)
{
    return detail::invoke(trap::readv, arg(fd), arg(vector), arg(count));
}
inline Status writev(int32_t fd, const IoVector* vector, int32_t count)
{
    return detail::invoke(trap::writev, arg(fd), arg(vector), arg(count));
}
inline Status poll(PollEntry* entries, uint32_t count, int32_t timeout_ms)
{
    return detail::invoke(trap::poll, arg(entries), count, arg(timeout_ms));
}

} // namespace layer::backend
