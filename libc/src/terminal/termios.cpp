#include <banos/slots.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "../internal/failure.h"

using banos::libc::fail;

extern "C" {

int tcgetattr(int fd, struct termios* out)
{
    return __banos_slot_ioctl(fd, TCGETS, reinterpret_cast<uint64_t>(out));
}

int tcsetattr(int fd, int when, const struct termios* attributes)
{
    unsigned long request;
    switch (when) {
    case TCSANOW:
        request = TCSETS;
        break;
    case TCSADRAIN:
        request = TCSETSW;
        break;
    case TCSAFLUSH:
        request = TCSETSF;
        break;
    default:
        return fail(EINVAL);
    }
    return __banos_slot_ioctl(fd, request, reinterpret_cast<uint64_t>(attributes));
}

void cfmakeraw(struct termios* attributes)
{
    attributes->c_iflag &= ~static_cast<tcflag_t>(BRKINT | INLCR | IGNCR | ICRNL | IXON);
    attributes->c_oflag &= ~static_cast<tcflag_t>(OPOST);
    attributes->c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    attributes->c_cflag |= CS8;
    attributes->c_cc[VMIN] = 1;
    attributes->c_cc[VTIME] = 0;
}

speed_t cfgetispeed(const struct termios* attributes) { return attributes->c_ispeed; }
speed_t cfgetospeed(const struct termios* attributes) { return attributes->c_ospeed; }

int cfsetispeed(struct termios* attributes, speed_t speed)
{
    attributes->c_ispeed = speed;
    return 0;
}

int cfsetospeed(struct termios* attributes, speed_t speed)
{
    attributes->c_ospeed = speed;
    return 0;
}
}
