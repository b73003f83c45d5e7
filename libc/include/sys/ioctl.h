#ifndef __BANOS_SYS_IOCTL_H
#define __BANOS_SYS_IOCTL_H

#include <sys/cdefs.h>
#include <banos/abi.h>

#define TCGETS BANOS_TCGETS
#define TCSETS BANOS_TCSETS
#define TCSETSW BANOS_TCSETSW
#define TCSETSF BANOS_TCSETSF
#define TIOCSCTTY BANOS_TIOCSCTTY
#define TIOCGPGRP BANOS_TIOCGPGRP
#define TIOCSPGRP BANOS_TIOCSPGRP
#define TIOCGWINSZ BANOS_TIOCGWINSZ
#define TIOCSWINSZ BANOS_TIOCSWINSZ

struct winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};

__BANOS_STATIC_ASSERT(sizeof(struct winsize) == sizeof(struct banos_v1_winsize)
        && __builtin_offsetof(struct winsize, ws_col) == __builtin_offsetof(struct banos_v1_winsize, ws_col)
        && __builtin_offsetof(struct winsize, ws_ypixel) == __builtin_offsetof(struct banos_v1_winsize, ws_ypixel),
    "struct winsize has the program ABI's layout");

__BEGIN_DECLS

/* The third argument, an integer or a pointer, goes to the slot as is. */
int ioctl(int fd, unsigned long request, ...);

__END_DECLS

#endif
