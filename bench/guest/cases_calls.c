/* Single calls: the ones the banos layer answers from shared pages (getpid,
 * getuid, the clocks, uname, sched_getcpu), a plain indirect call as the
 * floor, the cheapest trap, and a write to /dev/null. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "platform.h"

/* The floor: what any call through a pointer costs, the shape of a call
 * into the layer's stub table without the layer's work. */
__attribute__((noinline)) static int return_zero(void) { return 0; }
static int (*volatile indirect_target)(void) = return_zero;

static int indirect_call(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i)
        bench_sink += (uint64_t)indirect_target();
    return 0;
}

static int call_getpid(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i)
        bench_sink += (uint64_t)getpid();
    return 0;
}

static int call_getuid(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i)
        bench_sink += (uint64_t)getuid();
    return 0;
}

static int read_clock(clockid_t clock, uint64_t n)
{
    struct timespec t;
    for (uint64_t i = 0; i < n; ++i) {
        if (clock_gettime(clock, &t) != 0)
            return bench_fail("clock_gettime(%d) failed", (int)clock);
        bench_sink += (uint64_t)t.tv_nsec;
    }
    return 0;
}

static int clock_monotonic(uint64_t n) { return read_clock(CLOCK_MONOTONIC, n); }
static int clock_realtime(uint64_t n) { return read_clock(CLOCK_REALTIME, n); }
static int clock_monotonic_coarse(uint64_t n) { return read_clock(CLOCK_MONOTONIC_COARSE, n); }
static int clock_realtime_coarse(uint64_t n) { return read_clock(CLOCK_REALTIME_COARSE, n); }

static int call_gettimeofday(uint64_t n)
{
    struct timeval t;
    for (uint64_t i = 0; i < n; ++i) {
        if (gettimeofday(&t, NULL) != 0)
            return bench_fail("gettimeofday failed");
        bench_sink += (uint64_t)t.tv_usec;
    }
    return 0;
}

static int call_time(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i)
        bench_sink += (uint64_t)time(NULL);
    return 0;
}

static int call_uname(uint64_t n)
{
    struct utsname names;
    for (uint64_t i = 0; i < n; ++i) {
        if (uname(&names) != 0)
            return bench_fail("uname failed");
        bench_sink += (uint64_t)names.sysname[0];
    }
    return 0;
}

static int call_sched_getcpu(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i) {
        int cpu = sched_getcpu();
        if (cpu < 0)
            return bench_fail("sched_getcpu failed");
        bench_sink += (uint64_t)cpu;
    }
    return 0;
}

/* What the clocks' readers pay for the counter itself: under TCG each is a
 * call into the emulator. */
#if defined(__x86_64__)
static int read_rdtsc(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i) {
        uint32_t low, high;
        __asm__ volatile("lfence; rdtsc" : "=a"(low), "=d"(high)::"memory");
        bench_sink += low;
    }
    return 0;
}

static int read_rdtscp(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i) {
        uint32_t low, high, aux;
        __asm__ volatile("rdtscp" : "=a"(low), "=d"(high), "=c"(aux)::"memory");
        bench_sink += low + aux;
    }
    return 0;
}

static const char* has_tsc(void) { return NULL; }
#else
static int read_rdtsc(uint64_t n) { return n ? bench_fail("no TSC") : 0; }
static int read_rdtscp(uint64_t n) { return n ? bench_fail("no TSC") : 0; }
static const char* has_tsc(void) { return "no TSC on this processor"; }
#endif

static int null_trap(uint64_t n)
{
    for (uint64_t i = 0; i < n; ++i)
        platform_null_trap();
    return 0;
}

static int null_fd = -1;

static const char* open_null(void)
{
    null_fd = open("/dev/null", O_WRONLY);
    return null_fd < 0 ? "cannot open /dev/null" : NULL;
}

static void close_null(void)
{
    close(null_fd);
    null_fd = -1;
}

static int write_null(uint64_t n)
{
    static const char byte = 'x';
    for (uint64_t i = 0; i < n; ++i)
        if (write(null_fd, &byte, 1) != 1)
            return bench_fail("write to /dev/null failed");
    return 0;
}

const struct bench_case bench_call_cases[] = {
    { "call.indirect", NULL, indirect_call, NULL, 0, 0 },
    { "cpu.rdtsc", has_tsc, read_rdtsc, NULL, 0, 0 },
    { "cpu.rdtscp", has_tsc, read_rdtscp, NULL, 0, 0 },
    { "getpid", NULL, call_getpid, NULL, 0, 0 },
    { "getuid", NULL, call_getuid, NULL, 0, 0 },
    { "clock_gettime.monotonic", NULL, clock_monotonic, NULL, 0, 0 },
    { "clock_gettime.realtime", NULL, clock_realtime, NULL, 0, 0 },
    { "clock_gettime.monotonic_coarse", NULL, clock_monotonic_coarse, NULL, 0, 0 },
    { "clock_gettime.realtime_coarse", NULL, clock_realtime_coarse, NULL, 0, 0 },
    { "gettimeofday", NULL, call_gettimeofday, NULL, 0, 0 },
    { "time", NULL, call_time, NULL, 0, 0 },
    { "uname", NULL, call_uname, NULL, 0, 0 },
    { "sched_getcpu", NULL, call_sched_getcpu, NULL, 0, 0 },
    { "null_trap", NULL, null_trap, NULL, 0, 0 },
    { "write.dev_null", open_null, write_null, close_null, 0, 0 },
};
const int bench_call_case_count = sizeof(bench_call_cases) / sizeof(bench_call_cases[0]);
