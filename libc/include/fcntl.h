#ifndef __BANOS_FCNTL_H
#define __BANOS_FCNTL_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>
#include <bits/mode.h>

#define O_RDONLY BANOS_O_RDONLY
#define O_WRONLY BANOS_O_WRONLY
#define O_RDWR BANOS_O_RDWR
#define O_ACCMODE BANOS_O_ACCMODE
#define O_CREAT BANOS_O_CREAT
#define O_EXCL BANOS_O_EXCL
#define O_NOCTTY BANOS_O_NOCTTY
#define O_TRUNC BANOS_O_TRUNC
#define O_APPEND BANOS_O_APPEND
#define O_NONBLOCK BANOS_O_NONBLOCK
#define O_NDELAY O_NONBLOCK
#define O_DIRECTORY BANOS_O_DIRECTORY
#define O_NOFOLLOW BANOS_O_NOFOLLOW
#define O_CLOEXEC BANOS_O_CLOEXEC

#define F_DUPFD BANOS_F_DUPFD
#define F_GETFD BANOS_F_GETFD
#define F_SETFD BANOS_F_SETFD
#define F_GETFL BANOS_F_GETFL
#define F_SETFL BANOS_F_SETFL
#define F_DUPFD_CLOEXEC BANOS_F_DUPFD_CLOEXEC
#define FD_CLOEXEC BANOS_FD_CLOEXEC

#define AT_FDCWD BANOS_AT_FDCWD
#define AT_SYMLINK_NOFOLLOW BANOS_AT_SYMLINK_NOFOLLOW
#define AT_REMOVEDIR BANOS_AT_REMOVEDIR

#include <bits/seek.h>

__BEGIN_DECLS

/* The mode argument is read only with O_CREAT. */
int open(const char* path, int flags, ...);
int creat(const char* path, mode_t mode);
/* The argument (an int or a pointer) is read for the commands that take one. */
int fcntl(int fd, int command, ...);
#ifdef BANOS_HAS_SLOT_openat
int openat(int dirfd, const char* path, int flags, ...);
#endif

__END_DECLS

#endif
