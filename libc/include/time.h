/* time() everywhere (time_t is 32 bits in program ABI 1, 64 from ABI 2);
 * struct timespec, the CLOCK_* ids and clock_gettime() where the program
 * ABI has them (ABI 2 on). */
#ifndef __BANOS_TIME_H
#define __BANOS_TIME_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/size_t.h>
#include <bits/null.h>
#include <bits/time_t.h>
#include <bits/timespec.h>

__BEGIN_DECLS

time_t time(time_t* out);

#ifdef BANOS_HAS_SLOT_clock_gettime
typedef int32_t clockid_t; /* the clock_gettime slot takes an int32_t */
#define CLOCK_REALTIME BANOS_V2_CLOCK_REALTIME
#define CLOCK_MONOTONIC BANOS_V2_CLOCK_MONOTONIC
#define CLOCK_REALTIME_COARSE BANOS_V2_CLOCK_REALTIME_COARSE
#define CLOCK_MONOTONIC_COARSE BANOS_V2_CLOCK_MONOTONIC_COARSE
int clock_gettime(clockid_t clock, struct timespec* out);
#endif

__END_DECLS

#endif
