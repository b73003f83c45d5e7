/* poll(): a slot from program ABI 3 (on kernel ABI 1, which cannot say
 * when a descriptor would block, it fails with ENOSYS); ABIs 1 and 2 have
 * no slot, and poll fails with ENOSYS there. The event numbers are the
 * ones program ABI 3 gives (Linux's). */
#ifndef __BANOS_POLL_H
#define __BANOS_POLL_H

#include <sys/cdefs.h>
#include <banos/abi.h>

#ifdef BANOS_HAS_SLOT_poll
#define POLLIN BANOS_POLLIN
#define POLLPRI BANOS_POLLPRI
#define POLLOUT BANOS_POLLOUT
#define POLLERR BANOS_POLLERR
#define POLLHUP BANOS_POLLHUP
#define POLLNVAL BANOS_POLLNVAL
#else
/* Without the slot nothing reports events; the names exist so that
 * programs build, with program ABI 3's numbers. */
#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#endif
#define POLLRDNORM POLLIN
#define POLLWRNORM POLLOUT

typedef unsigned long nfds_t;

struct pollfd {
    int fd;        /* negative: ignored (revents 0) */
    short events;  /* asked for */
    short revents; /* what holds; POLLERR, POLLHUP and POLLNVAL always */
};

#ifdef BANOS_HAS_SLOT_poll
__BANOS_STATIC_ASSERT(sizeof(struct pollfd) == sizeof(struct banos_v3_pollfd)
        && __builtin_offsetof(struct pollfd, events) == __builtin_offsetof(struct banos_v3_pollfd, events)
        && __builtin_offsetof(struct pollfd, revents) == __builtin_offsetof(struct banos_v3_pollfd, revents),
    "struct pollfd has the program ABI's layout");
#endif

__BEGIN_DECLS

/* Waits until an entry has events, `timeout` milliseconds pass (negative:
 * no limit, 0: just look) or a signal arrives (EINTR, never restarted).
 * Returns the number of entries with events, 0 on timeout. */
int poll(struct pollfd* fds, nfds_t count, int timeout);

__END_DECLS

#endif
