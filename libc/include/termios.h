/* Terminal attributes over the ioctl slot. struct termios has the program
 * ABI's layout (banos_v1_termios); the flags are those the ABI defines. */
#ifndef __BANOS_TERMIOS_H
#define __BANOS_TERMIOS_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS BANOS_V1_NCCS

struct termios {
    tcflag_t c_iflag;
    tcflag_t c_oflag;
    tcflag_t c_cflag;
    tcflag_t c_lflag;
    cc_t c_line;
    cc_t c_cc[NCCS];
    speed_t c_ispeed;
    speed_t c_ospeed;
};

__BANOS_STATIC_ASSERT(sizeof(struct termios) == sizeof(struct banos_v1_termios)
        && __builtin_offsetof(struct termios, c_lflag) == __builtin_offsetof(struct banos_v1_termios, c_lflag)
        && __builtin_offsetof(struct termios, c_line) == __builtin_offsetof(struct banos_v1_termios, c_line)
        && __builtin_offsetof(struct termios, c_cc) == __builtin_offsetof(struct banos_v1_termios, c_cc)
        && __builtin_offsetof(struct termios, c_ispeed) == __builtin_offsetof(struct banos_v1_termios, c_ispeed)
        && __builtin_offsetof(struct termios, c_ospeed) == __builtin_offsetof(struct banos_v1_termios, c_ospeed),
    "struct termios has the program ABI's layout");

/* c_iflag */
#define BRKINT BANOS_BRKINT
#define INLCR BANOS_INLCR
#define IGNCR BANOS_IGNCR
#define ICRNL BANOS_ICRNL
#define IXON BANOS_IXON
/* c_oflag */
#define OPOST BANOS_OPOST
#define ONLCR BANOS_ONLCR
/* c_cflag */
#define CS8 BANOS_CS8
#define CREAD BANOS_CREAD
/* c_lflag */
#define ISIG BANOS_ISIG
#define ICANON BANOS_ICANON
#define ECHO BANOS_ECHO
#define ECHOE BANOS_ECHOE
#define ECHOK BANOS_ECHOK
#define ECHONL BANOS_ECHONL
#define NOFLSH BANOS_NOFLSH
#define TOSTOP BANOS_TOSTOP
#define IEXTEN BANOS_IEXTEN
/* c_cc */
#define VINTR BANOS_VINTR
#define VQUIT BANOS_VQUIT
#define VERASE BANOS_VERASE
#define VKILL BANOS_VKILL
#define VEOF BANOS_VEOF
#define VTIME BANOS_VTIME
#define VMIN BANOS_VMIN
#define VSTART BANOS_VSTART
#define VSTOP BANOS_VSTOP
#define VSUSP BANOS_VSUSP
#define VEOL BANOS_VEOL
#define VWERASE BANOS_VWERASE

/* tcsetattr: when the change happens (TCSETS, TCSETSW, TCSETSF). */
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2

__BEGIN_DECLS

int tcgetattr(int fd, struct termios* out);
int tcsetattr(int fd, int when, const struct termios* attributes);
/* Raw mode: no input translation, no output processing, no echo, no
 * canonical line editing or signal characters; 8-bit; VMIN 1, VTIME 0. */
void cfmakeraw(struct termios* attributes);
speed_t cfgetispeed(const struct termios* attributes);
speed_t cfgetospeed(const struct termios* attributes);
int cfsetispeed(struct termios* attributes, speed_t speed);
int cfsetospeed(struct termios* attributes, speed_t speed);

__END_DECLS

#endif
