// What every layer needs whatever its ABIs: the ENOSYS slot, and the few
// memory primitives the compiler may call on its own (a layer links no C
// library).
#include <stddef.h>

#include "syslayer/errno.h"
#include "syslayer/slots.h"
#include "sys/arch/x86_64/lib/block_ops.h"

extern "C" int64_t layer_nosys()
{
    layer::store_errno(layer::Error::NotImplemented);
    return -1;
}

extern "C" void* memcpy(void* destination, const void* source, size_t count)
{
    block_ops::copy(destination, source, count);
    return destination;
}

extern "C" void* memset(void* destination, int value, size_t count)
{
    block_ops::fill(destination, value, count);
    return destination;
}
