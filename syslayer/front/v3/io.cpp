// Program ABI 3: readv, writev and poll. The program's iovec and pollfd
// arrays have the neutral IoVector and PollEntry layouts, so they go to
// the back end as they are.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

static_assert(sizeof(banos_v3_iovec) == sizeof(layer::IoVector) && offsetof(banos_v3_iovec, iov_len) == offsetof(layer::IoVector, length));
static_assert(sizeof(banos_v3_pollfd) == sizeof(layer::PollEntry) && offsetof(banos_v3_pollfd, events) == offsetof(layer::PollEntry, events)
              && offsetof(banos_v3_pollfd, revents) == offsetof(layer::PollEntry, revents));

extern "C" int64_t layer_readv(int32_t fd, const banos_v3_iovec* vector, int32_t count)
{
    return layer::finish(layer::backend::readv(fd, reinterpret_cast<const layer::IoVector*>(vector), count));
}

extern "C" int64_t layer_writev(int32_t fd, const banos_v3_iovec* vector, int32_t count)
{
    return layer::finish(layer::backend::writev(fd, reinterpret_cast<const layer::IoVector*>(vector), count));
}

extern "C" int32_t layer_poll(banos_v3_pollfd* fds, uint32_t count, int32_t timeout_ms)
{
    return static_cast<int32_t>(
        layer::finish(layer::backend::poll(reinterpret_cast<layer::PollEntry*>(fds), count, timeout_ms)));
}
