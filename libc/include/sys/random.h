/* getrandom(): program ABI 2 on. */
#ifndef __BANOS_SYS_RANDOM_H
#define __BANOS_SYS_RANDOM_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

#ifdef BANOS_HAS_SLOT_getrandom
#define GRND_NONBLOCK BANOS_GRND_NONBLOCK
#define GRND_RANDOM BANOS_GRND_RANDOM

__BEGIN_DECLS

ssize_t getrandom(void* buffer, size_t size, unsigned int flags);

__END_DECLS
#endif

#endif
