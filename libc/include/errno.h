/* errno lives in the thread control block: the syscall layer stores a
 * failing call's error through the TCB's errno_ptr (%fs:0x10), and errno
 * reads through the same pointer. The E* numbers are the program ABI's
 * (abi-versions/v<N>/program/errno.def, turned into macros when libc is
 * built). */
#ifndef __BANOS_ERRNO_H
#define __BANOS_ERRNO_H

#include <sys/cdefs.h>
#include <banos/abi_select.h>
#include <bits/errno_values.h>

#if defined(EAGAIN) && !defined(EWOULDBLOCK)
#define EWOULDBLOCK EAGAIN
#endif
#if defined(ENOTSUP) && !defined(EOPNOTSUPP)
#define EOPNOTSUPP ENOTSUP
#endif

__BEGIN_DECLS

/* The calling thread's errno_ptr, read from its TCB. */
int* __errno_location(void) __attribute__((__const__));
#define errno (*__errno_location())

__END_DECLS

#endif
