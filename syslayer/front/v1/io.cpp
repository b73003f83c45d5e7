// Program ABI 1: read and write.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int64_t layer_read(int32_t fd, void* buffer, uint64_t count)
{
    return layer::finish(layer::backend::read(fd, buffer, count));
}

extern "C" int64_t layer_write(int32_t fd, const void* buffer, uint64_t count)
{
    return layer::finish(layer::backend::write(fd, buffer, count));
}
