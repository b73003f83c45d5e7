#ifndef __BANOS_SYS_TIME_H
#define __BANOS_SYS_TIME_H

#include <sys/cdefs.h>
#include <bits/types.h>
#include <bits/timeval.h>

struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

__BEGIN_DECLS

/* The gettimeofday slot from program ABI 2; in ABI 1, time() with zero
 * microseconds. The zone, if asked for, is UTC. */
int gettimeofday(struct timeval* __restrict now, void* __restrict zone);

__END_DECLS

#endif
