// Descriptors: the slots, and what program ABI 1 lacks (dup3, pipe2) built
// from dup2, pipe and fcntl (not atomic against other threads; there are
// none yet).
#include <banos/slots.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" {

ssize_t read(int fd, void* buffer, size_t count) { return __banos_slot_read(fd, buffer, count); }
ssize_t write(int fd, const void* buffer, size_t count) { return __banos_slot_write(fd, buffer, count); }
int close(int fd) { return __banos_slot_close(fd); }
off_t lseek(int fd, off_t offset, int whence) { return __banos_slot_lseek(fd, offset, whence); }
int dup(int fd) { return __banos_slot_dup(fd); }
int dup2(int fd, int target) { return __banos_slot_dup2(fd, target); }
int pipe(int fds[2]) { return __banos_slot_pipe(fds); }
int ftruncate(int fd, off_t length) { return __banos_slot_ftruncate(fd, length); }

int dup3(int fd, int target, int flags)
{
#ifdef BANOS_HAS_SLOT_dup3
    return __banos_slot_dup3(fd, target, flags);
#else
    if (fd == target || (flags & ~O_CLOEXEC) != 0)
        return fail(EINVAL);
    int result = __banos_slot_dup2(fd, target);
    if (result >= 0 && (flags & O_CLOEXEC))
        __banos_slot_fcntl(result, F_SETFD, FD_CLOEXEC);
    return result;
#endif
}

int pipe2(int fds[2], int flags)
{
#ifdef BANOS_HAS_SLOT_pipe2
    return __banos_slot_pipe2(fds, flags);
#else
    if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) != 0)
        return fail(EINVAL);
    if (__banos_slot_pipe(fds) != 0)
        return -1;
    for (int i = 0; i < 2; ++i) {
        if (flags & O_CLOEXEC)
            __banos_slot_fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        if (flags & O_NONBLOCK)
            __banos_slot_fcntl(fds[i], F_SETFL, static_cast<uint64_t>(__banos_slot_fcntl(fds[i], F_GETFL, 0) | O_NONBLOCK));
    }
    return 0;
#endif
}

int truncate(const char* path, off_t length)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    int result = ftruncate(fd, length);
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

int fcntl(int fd, int command, ...)
{
    va_list arguments;
    va_start(arguments, command);
    uint64_t argument = 0;
    switch (command) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETFD:
    case F_SETFL:
        argument = static_cast<uint64_t>(va_arg(arguments, int));
        break;
    case F_GETFD:
    case F_GETFL:
        break;
    default:
        argument = va_arg(arguments, uint64_t); // an unknown command: pass its word on
        break;
    }
    va_end(arguments);
    return __banos_slot_fcntl(fd, command, argument);
}

int ioctl(int fd, unsigned long request, ...)
{
    va_list arguments;
    va_start(arguments, request);
    uint64_t argument = va_arg(arguments, uint64_t);
    va_end(arguments);
    return __banos_slot_ioctl(fd, request, argument);
}

int isatty(int fd)
{
    struct termios attributes;
    return tcgetattr(fd, &attributes) == 0 ? 1 : 0;
}
}
