// Program ABI 1: memory mappings.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

using layer::finish;
namespace backend = layer::backend;

extern "C" int64_t layer_mmap(uint64_t address, uint64_t length, int32_t protection, int32_t flags, int32_t fd,
                              int64_t offset)
{
    return finish(backend::mmap(address, length, protection, flags, fd, offset));
}
extern "C" int32_t layer_munmap(uint64_t address, uint64_t length)
{
    return static_cast<int32_t>(finish(backend::munmap(address, length)));
}
extern "C" int32_t layer_mprotect(uint64_t address, uint64_t length, int32_t protection)
{
    return static_cast<int32_t>(finish(backend::mprotect(address, length, protection)));
}
