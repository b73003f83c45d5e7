// mount: the slot from program ABI 2 on.
#include <banos/slots.h>
#include <errno.h>
#include <sys/mount.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" int mount(const char* source, const char* target, const char* type, unsigned long flags, const void* data)
{
    (void)data;
#ifdef BANOS_HAS_SLOT_mount
    return __banos_slot_mount(source, target, type, flags);
#else
    (void)source;
    (void)target;
    (void)type;
    (void)flags;
    return fail(ENOSYS);
#endif
}
