#include <banos/slots.h>
#include <sys/mman.h>

extern "C" {

void* mmap(void* address, size_t length, int protection, int flags, int fd, off_t offset)
{
    int64_t result = __banos_slot_mmap(reinterpret_cast<uint64_t>(address), length, protection, flags, fd, offset);
    return result == -1 ? MAP_FAILED : reinterpret_cast<void*>(result);
}

int munmap(void* address, size_t length)
{
    return __banos_slot_munmap(reinterpret_cast<uint64_t>(address), length);
}

int mprotect(void* address, size_t length, int protection)
{
    return __banos_slot_mprotect(reinterpret_cast<uint64_t>(address), length, protection);
}
}
