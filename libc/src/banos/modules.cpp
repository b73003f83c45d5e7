// banos_install: the slot from program ABI 2 on; ABI 1 has no way to ask.
#include <banos.h>
#include <banos/slots.h>
#include <errno.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" int banos_install(const void* image, size_t size)
{
#ifdef BANOS_HAS_SLOT_banos_install
    return __banos_slot_banos_install(image, size);
#else
    (void)image;
    (void)size;
    return fail(ENOSYS);
#endif
}
