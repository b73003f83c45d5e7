/* time_t is 32 bits in program ABI 1, 64 from ABI 2. Calendar times are
 * UTC: localtime is gmtime (zone "UTC"), mktime is timegm. The CLOCK_*
 * ids and clock_gettime exist where the program ABI has the slot (ABI 2 on). */
#ifndef __BANOS_TIME_H
#define __BANOS_TIME_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/size_t.h>
#include <bits/null.h>
#include <bits/types.h>
#include <bits/timespec.h>

#define CLOCKS_PER_SEC 1000000L
#define TIME_UTC 1

struct tm {
    int tm_sec;
    int tm_min;
    int tm_hour;
    int tm_mday;
    int tm_mon;
    int tm_year;
    int tm_wday;
    int tm_yday;
    int tm_isdst;
    long tm_gmtoff;
    const char* tm_zone;
};

__BEGIN_DECLS

time_t time(time_t* out);
double difftime(time_t end, time_t start);
/* NULL with errno EOVERFLOW when the year does not fit an int. */
struct tm* gmtime(const time_t* time);
struct tm* gmtime_r(const time_t* __restrict time, struct tm* __restrict out);
struct tm* localtime(const time_t* time);
struct tm* localtime_r(const time_t* __restrict time, struct tm* __restrict out);
/* Normalizes the fields (and sets tm_wday, tm_yday); -1 with EOVERFLOW
 * when the time does not fit time_t. */
time_t mktime(struct tm* fields);
time_t timegm(struct tm* fields);
/* See libc/src/core/calendar.h for the conversions. */
size_t strftime(char* __restrict buffer, size_t size, const char* __restrict format,
    const struct tm* __restrict fields);
/* "Sun Sep 16 01:03:52 1973\n" */
char* asctime(const struct tm* fields);
char* asctime_r(const struct tm* __restrict fields, char* __restrict buffer);
char* ctime(const time_t* time);
char* ctime_r(const time_t* time, char* buffer);
/* No CPU-time slot: always (clock_t)-1. */
clock_t clock(void);
/* Nothing to do: the only zone is UTC. */
void tzset(void);
extern char* tzname[2];

int nanosleep(const struct timespec* duration, struct timespec* remaining);

#ifdef BANOS_HAS_SLOT_clock_gettime
#define CLOCK_REALTIME BANOS_V2_CLOCK_REALTIME
#define CLOCK_MONOTONIC BANOS_V2_CLOCK_MONOTONIC
#define CLOCK_REALTIME_COARSE BANOS_V2_CLOCK_REALTIME_COARSE
#define CLOCK_MONOTONIC_COARSE BANOS_V2_CLOCK_MONOTONIC_COARSE
int clock_gettime(clockid_t clock, struct timespec* out);
/* How finely the clock counts (out may be NULL): a slot from ABI 3 on,
 * ENOSYS in ABI 2. */
int clock_getres(clockid_t clock, struct timespec* out);
int timespec_get(struct timespec* out, int base);
#endif

__END_DECLS

#endif
