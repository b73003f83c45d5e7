#include <banos/slots.h>
#include <unistd.h>

extern "C" {

ssize_t read(int fd, void* buffer, size_t count)
{
    return __banos_slot_read(fd, buffer, count);
}

ssize_t write(int fd, const void* buffer, size_t count)
{
    return __banos_slot_write(fd, buffer, count);
}
}
