// poll: a slot from ABI 3 on; before, nothing can tell when a descriptor
// would block, so it fails with ENOSYS.
#include <banos/slots.h>
#include <errno.h>
#include <poll.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" int poll(struct pollfd* fds, nfds_t count, int timeout)
{
#ifdef BANOS_HAS_SLOT_poll
    if (count > 0xffffffffu)
        return fail(EINVAL);
    return __banos_slot_poll(reinterpret_cast<banos_v3_pollfd*>(fds), static_cast<uint32_t>(count), timeout);
#else
    (void)fds;
    (void)count;
    (void)timeout;
    return fail(ENOSYS);
#endif
}
