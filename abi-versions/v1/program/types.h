/* Program ABI 1: C types, structure layouts and constants.
 *
 * The "old" ABI: time_t is 32 bits, and so are the seconds in its stat and
 * timespec. Names carry the ABI version (banos_v1_*), so a later ABI can
 * include this file and still define its own layouts; libc gives them
 * their POSIX names. Numbering of flags, signals and requests follows the
 * System V x86_64 conventions programs tend to assume (Linux's numbers). */
#ifndef BANOS_ABI_V1_PROGRAM_TYPES_H
#define BANOS_ABI_V1_PROGRAM_TYPES_H

#ifndef __ASSEMBLER__
#include <stdint.h>
#endif

#define BANOS_PROGRAM_ABI_V1 1

#ifndef __ASSEMBLER__
typedef int32_t banos_v1_time_t;

struct banos_v1_timespec {
    int32_t tv_sec;
    int32_t tv_nsec;
};

struct banos_v1_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    int64_t st_size;
    int32_t st_blksize;
    int32_t reserved0;
    int64_t st_blocks;
    int32_t st_atime;
    int32_t st_mtime;
    int32_t st_ctime;
    int32_t reserved1;
};

/* getdents fills the buffer with these records, each d_reclen bytes long
 * (8-byte aligned), the name NUL-terminated. */
struct banos_v1_dirent {
    uint64_t d_ino;
    int64_t d_off;
    uint16_t d_reclen;
    uint8_t d_type;
    char d_name[];
};

/* Signal dispositions: the handler is SIG_DFL, SIG_IGN or a function's
 * address; the layer supplies the return path (sigreturn) itself. */
struct banos_v1_sigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t mask; /* bit (signal - 1) */
};

#define BANOS_V1_NCCS 32
struct banos_v1_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_line;
    uint8_t c_cc[BANOS_V1_NCCS];
    uint32_t c_ispeed;
    uint32_t c_ospeed;
};

struct banos_v1_winsize {
    uint16_t ws_row;
    uint16_t ws_col;
    uint16_t ws_xpixel;
    uint16_t ws_ypixel;
};

#ifdef __cplusplus
static_assert(sizeof(struct banos_v1_timespec) == 8, "program ABI 1 layout");
static_assert(sizeof(struct banos_v1_stat) == 80, "program ABI 1 layout");
static_assert(sizeof(struct banos_v1_dirent) == 24, "program ABI 1 layout");
static_assert(sizeof(struct banos_v1_sigaction) == 24, "program ABI 1 layout");
static_assert(sizeof(struct banos_v1_termios) == 60, "program ABI 1 layout");
static_assert(sizeof(struct banos_v1_winsize) == 8, "program ABI 1 layout");
#endif
#endif /* __ASSEMBLER__ */

/* open() flags */
#define BANOS_O_RDONLY 0
#define BANOS_O_WRONLY 01
#define BANOS_O_RDWR 02
#define BANOS_O_ACCMODE 03
#define BANOS_O_CREAT 0100
#define BANOS_O_EXCL 0200
#define BANOS_O_NOCTTY 0400
#define BANOS_O_TRUNC 01000
#define BANOS_O_APPEND 02000
#define BANOS_O_NONBLOCK 04000
#define BANOS_O_DIRECTORY 0200000
#define BANOS_O_NOFOLLOW 0400000
#define BANOS_O_CLOEXEC 02000000

/* fcntl() */
#define BANOS_F_DUPFD 0
#define BANOS_F_GETFD 1
#define BANOS_F_SETFD 2
#define BANOS_F_GETFL 3
#define BANOS_F_SETFL 4
#define BANOS_F_DUPFD_CLOEXEC 1030
#define BANOS_FD_CLOEXEC 1

/* lseek() */
#define BANOS_SEEK_SET 0
#define BANOS_SEEK_CUR 1
#define BANOS_SEEK_END 2

/* access() */
#define BANOS_F_OK 0
#define BANOS_X_OK 1
#define BANOS_W_OK 2
#define BANOS_R_OK 4

/* st_mode */
#define BANOS_S_IFMT 0170000
#define BANOS_S_IFSOCK 0140000
#define BANOS_S_IFLNK 0120000
#define BANOS_S_IFREG 0100000
#define BANOS_S_IFBLK 0060000
#define BANOS_S_IFDIR 0040000
#define BANOS_S_IFCHR 0020000
#define BANOS_S_IFIFO 0010000
#define BANOS_S_ISUID 04000
#define BANOS_S_ISGID 02000
#define BANOS_S_ISVTX 01000

/* d_type */
#define BANOS_DT_UNKNOWN 0
#define BANOS_DT_FIFO 1
#define BANOS_DT_CHR 2
#define BANOS_DT_DIR 4
#define BANOS_DT_BLK 6
#define BANOS_DT_REG 8
#define BANOS_DT_LNK 10

/* Signals */
#define BANOS_SIGHUP 1
#define BANOS_SIGINT 2
#define BANOS_SIGQUIT 3
#define BANOS_SIGILL 4
#define BANOS_SIGTRAP 5
#define BANOS_SIGABRT 6
#define BANOS_SIGBUS 7
#define BANOS_SIGFPE 8
#define BANOS_SIGKILL 9
#define BANOS_SIGUSR1 10
#define BANOS_SIGSEGV 11
#define BANOS_SIGUSR2 12
#define BANOS_SIGPIPE 13
#define BANOS_SIGALRM 14
#define BANOS_SIGTERM 15
#define BANOS_SIGCHLD 17
#define BANOS_SIGCONT 18
#define BANOS_SIGSTOP 19
#define BANOS_SIGTSTP 20
#define BANOS_SIGTTIN 21
#define BANOS_SIGTTOU 22
#define BANOS_SIGWINCH 28
#define BANOS_SIGSYS 31
#define BANOS_NSIG 32

#define BANOS_SIG_DFL 0
#define BANOS_SIG_IGN 1
#define BANOS_SIG_BLOCK 0
#define BANOS_SIG_UNBLOCK 1
#define BANOS_SIG_SETMASK 2
#define BANOS_SA_NOCLDSTOP 0x00000001
#define BANOS_SA_RESTART 0x10000000
#define BANOS_SA_NODEFER 0x40000000
#define BANOS_SA_RESETHAND 0x80000000

/* waitpid() options; the status word is (code << 8) for an exit, the
 * signal number (| 0x80 with a core dump) for a kill. */
#define BANOS_WNOHANG 1
#define BANOS_WUNTRACED 2

/* mmap() */
#define BANOS_PROT_NONE 0
#define BANOS_PROT_READ 1
#define BANOS_PROT_WRITE 2
#define BANOS_PROT_EXEC 4
#define BANOS_MAP_SHARED 0x01
#define BANOS_MAP_PRIVATE 0x02
#define BANOS_MAP_FIXED 0x10
#define BANOS_MAP_ANONYMOUS 0x20

/* ioctl() requests */
#define BANOS_TCGETS 0x5401
#define BANOS_TCSETS 0x5402
#define BANOS_TCSETSW 0x5403
#define BANOS_TCSETSF 0x5404
#define BANOS_TIOCSCTTY 0x540E
#define BANOS_TIOCGPGRP 0x540F
#define BANOS_TIOCSPGRP 0x5410
#define BANOS_TIOCGWINSZ 0x5413
#define BANOS_TIOCSWINSZ 0x5414

/* termios: c_iflag */
#define BANOS_BRKINT 0000002
#define BANOS_INLCR 0000100
#define BANOS_IGNCR 0000200
#define BANOS_ICRNL 0000400
#define BANOS_IXON 0002000
/* c_oflag */
#define BANOS_OPOST 0000001
#define BANOS_ONLCR 0000004
/* c_cflag */
#define BANOS_CS8 0000060
#define BANOS_CREAD 0000200
/* c_lflag */
#define BANOS_ISIG 0000001
#define BANOS_ICANON 0000002
#define BANOS_ECHO 0000010
#define BANOS_ECHOE 0000020
#define BANOS_ECHOK 0000040
#define BANOS_ECHONL 0000100
#define BANOS_NOFLSH 0000200
#define BANOS_TOSTOP 0000400
#define BANOS_IEXTEN 0100000
/* c_cc indexes */
#define BANOS_VINTR 0
#define BANOS_VQUIT 1
#define BANOS_VERASE 2
#define BANOS_VKILL 3
#define BANOS_VEOF 4
#define BANOS_VTIME 5
#define BANOS_VMIN 6
#define BANOS_VSTART 8
#define BANOS_VSTOP 9
#define BANOS_VSUSP 10
#define BANOS_VEOL 11
#define BANOS_VWERASE 14

/* *at() calls: the working directory as a directory descriptor. */
#define BANOS_AT_FDCWD (-100)
#define BANOS_AT_SYMLINK_NOFOLLOW 0x100
#define BANOS_AT_REMOVEDIR 0x200

#endif
