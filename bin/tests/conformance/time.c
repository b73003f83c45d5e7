/* Time: time (32-bit in every ABI), time64, clock_gettime's four clocks,
 * gettimeofday, both nanosleeps. On kernel ABI 1 the clocks come from the
 * tick counter: whole ticks, never finer. */
#include "conformance.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* After 2023-01-01: a clock read from the RTC, not left at zero. */
#define PLAUSIBLE_EPOCH 1672531200LL

TEST(time, time, "time")
{
    _Static_assert(sizeof(banos_v1_time_t) == 4, "ABI 1 time_t");
#if BANOS_PROGRAM_ABI == 1
    EXPECT(sizeof(time_t) == 4, "sizeof(time_t) %zu in ABI 1", sizeof(time_t));
#else
    EXPECT(sizeof(time_t) == 8, "sizeof(time_t) %zu from ABI 2 on", sizeof(time_t));
#endif
    int32_t stored = 0;
    int32_t now = __banos_slot_time(&stored);
    EXPECT((long long)now > PLAUSIBLE_EPOCH, "time() %d", now);
    EXPECT(stored == now, "stored %d, returned %d", stored, now);
    EXPECT(__banos_slot_time(NULL) >= now, "time went back");
    int32_t previous = __banos_slot_time(NULL);
    int ok = 1;
    for (int i = 0; i < 2000; ++i) {
        int32_t t = __banos_slot_time(NULL);
        ok &= t >= previous;
        previous = t;
    }
    EXPECT(ok, "time() went back");
}

TEST(time, nanosleep, "nanosleep time")
{
    _Static_assert(sizeof(struct banos_v1_timespec) == 8, "ABI 1 timespec");
    /* Long enough to cross a second boundary, so time() shows it. */
    int32_t start = __banos_slot_time(NULL);
    struct banos_v1_timespec duration = { 1, 50000000 }, left = { 77, 77 };
    EXPECT(__banos_slot_nanosleep(&duration, &left) == 0, "nanosleep: %s", conformance_errno_name(errno));
    int32_t end = __banos_slot_time(NULL);
    EXPECT(end - start >= 1 && end - start <= 10, "slept from %d to %d", start, end);
#if BANOS_PROGRAM_ABI >= 2
    long long before = conformance_monotonic_ns();
    struct banos_v1_timespec short_sleep = { 0, 30000000 };
    EXPECT(__banos_slot_nanosleep(&short_sleep, NULL) == 0, "nanosleep 30 ms");
    long long slept = conformance_monotonic_ns() - before;
    EXPECT(slept >= 29000000LL, "a 30 ms sleep took %lld ns", slept);
#endif
    struct banos_v1_timespec zero = { 0, 0 };
    EXPECT(__banos_slot_nanosleep(&zero, NULL) == 0, "a zero sleep");
    struct banos_v1_timespec bad = { 0, 1000000000 };
    EXPECT_ERRNO(__banos_slot_nanosleep(&bad, NULL), EINVAL);
    bad.tv_sec = -1;
    bad.tv_nsec = 0;
    EXPECT_ERRNO(__banos_slot_nanosleep(&bad, NULL), EINVAL);
    EXPECT_ERRNO(__banos_slot_nanosleep(NULL, NULL), EFAULT);
}

TEST(time, nanosleep_interrupted, "nanosleep")
{
    /* A handled signal ends the sleep with EINTR and the time left. */
    struct banos_v1_sigaction action = { (uint64_t)(uintptr_t)conformance_count_signal, 0, 0 };
    __banos_slot_sigaction(SIGUSR1, &action, NULL);
    conformance_signal_count = 0;
    pid_t parent = getpid();
    pid_t pid = conformance_fork();
    if (pid == 0) {
        for (int i = 0; i < 100; ++i) {
            kill(parent, SIGUSR1);
            struct banos_v1_timespec gap = { 0, 50000000 };
            __banos_slot_nanosleep(&gap, NULL);
        }
        _exit(0);
    }
    struct banos_v1_timespec duration = { 20, 0 }, left = { 0, 0 };
    errno = 0;
    int result = __banos_slot_nanosleep(&duration, &left);
    EXPECT(result == -1 && errno == EINTR, "nanosleep = %d, errno %s", result, conformance_errno_name(errno));
    EXPECT(left.tv_sec > 10 && left.tv_sec <= 20 && left.tv_nsec >= 0 && left.tv_nsec < 1000000000,
           "time left %d.%09d of 20 s", left.tv_sec, left.tv_nsec);
    kill(pid, SIGKILL);
    conformance_wait(pid);
    action.handler = (uint64_t)(uintptr_t)SIG_DFL;
    __banos_slot_sigaction(SIGUSR1, &action, NULL);
}

#if BANOS_PROGRAM_ABI >= 2
static long long ns_of(const struct banos_v2_timespec* t) { return (long long)t->tv_sec * 1000000000LL + t->tv_nsec; }

static const int kClocks[] = { BANOS_V2_CLOCK_REALTIME, BANOS_V2_CLOCK_MONOTONIC, BANOS_V2_CLOCK_REALTIME_COARSE,
                               BANOS_V2_CLOCK_MONOTONIC_COARSE };

TEST(time, time64, "time64 time")
{
    _Static_assert(sizeof(banos_v2_time_t) == 8, "ABI 2 time_t");
    int64_t stored = 0;
    int64_t now = __banos_slot_time64(&stored);
    EXPECT(now > PLAUSIBLE_EPOCH && stored == now, "time64 %lld, stored %lld", (long long)now, (long long)stored);
    int32_t old = __banos_slot_time(NULL);
    EXPECT(old >= now && old <= now + 1, "time %d and time64 %lld disagree", old, (long long)now);
    EXPECT(time(NULL) >= now, "libc's time() is behind time64");
}

TEST(time, clock_gettime, "clock_gettime")
{
    for (int c = 0; c < 4; ++c) {
        struct banos_v2_timespec previous;
        int ok = __banos_slot_clock_gettime(kClocks[c], &previous) == 0 && previous.tv_nsec >= 0
            && previous.tv_nsec < 1000000000;
        for (int i = 0; ok && i < 5000; ++i) {
            struct banos_v2_timespec now;
            ok = __banos_slot_clock_gettime(kClocks[c], &now) == 0 && now.tv_nsec >= 0 && now.tv_nsec < 1000000000
                && ns_of(&now) >= ns_of(&previous);
            previous = now;
        }
        EXPECT(ok, "clock %d: a read failed, was out of range or went back", kClocks[c]);
    }
    struct banos_v2_timespec realtime, monotonic;
    __banos_slot_clock_gettime(BANOS_V2_CLOCK_REALTIME, &realtime);
    __banos_slot_clock_gettime(BANOS_V2_CLOCK_MONOTONIC, &monotonic);
    EXPECT(realtime.tv_sec > PLAUSIBLE_EPOCH, "realtime %lld", (long long)realtime.tv_sec);
    EXPECT(monotonic.tv_sec < realtime.tv_sec / 2, "monotonic %lld looks like wall time", (long long)monotonic.tv_sec);
    EXPECT_ERRNO(__banos_slot_clock_gettime(12345, &realtime), EINVAL);
    EXPECT_ERRNO(__banos_slot_clock_gettime(-1, &realtime), EINVAL);
    EXPECT_ERRNO(__banos_slot_clock_gettime(BANOS_V2_CLOCK_MONOTONIC, NULL), EFAULT);
}

TEST(time, clock_resolution, "clock_gettime")
{
    /* Kernel ABI 1: every reading is a whole number of ticks (of 10 ms, at
     * least 1 ms). Later kernels: the fine clocks read the TSC, and a
     * few thousand readings cannot all land on whole milliseconds. */
    int fine = 0;
    int ok = 1;
    for (int i = 0; i < 2000; ++i) {
        struct banos_v2_timespec t;
        __banos_slot_clock_gettime(i % 2 ? BANOS_V2_CLOCK_MONOTONIC : BANOS_V2_CLOCK_REALTIME, &t);
        if (t.tv_nsec % 1000000)
            ++fine;
        if (conformance_kernel_abi() == 1 && t.tv_nsec % 1000000)
            ok = 0;
    }
    if (conformance_kernel_abi() == 1)
        EXPECT(ok, "kernel ABI 1 has tick-resolution clocks, yet %d readings were finer", fine);
    else
        EXPECT(fine > 0, "kernel ABI %d: 2000 readings, all on whole milliseconds", conformance_kernel_abi());
}

/* Reads `clock` between two readings of `reference`, retrying until no
 * more than 2 ms pass between those (the host may stall the guest for
 * longer than any tolerance here); returns the reading and stores the
 * reference readings around it. */
static long long sandwiched(int clock, int reference, long long* before, long long* after)
{
    struct banos_v2_timespec a, t, b;
    for (int attempt = 0;; ++attempt) {
        __banos_slot_clock_gettime(reference, &a);
        __banos_slot_clock_gettime(clock, &t);
        __banos_slot_clock_gettime(reference, &b);
        if (ns_of(&b) - ns_of(&a) <= 2000000LL || attempt == 100)
            break;
    }
    *before = ns_of(&a);
    *after = ns_of(&b);
    return ns_of(&t);
}

TEST(time, clocks_agree, "clock_gettime time64 gettimeofday")
{
    /* Over about 300 ms the realtime clock advances as the monotonic one
     * does (a wrong multiplier or shift shows up here); the coarse clocks
     * follow the fine ones to a few ticks; time64 and gettimeofday read
     * the realtime clock. */
    long long m0a, m0b, m1a, m1b;
    long long r0 = sandwiched(BANOS_V2_CLOCK_REALTIME, BANOS_V2_CLOCK_MONOTONIC, &m0a, &m0b);
    long long r1;
    do {
        struct banos_v2_timespec gap = { 0, 20000000 };
        __banos_slot_nanosleep64(&gap, NULL);
        r1 = sandwiched(BANOS_V2_CLOCK_REALTIME, BANOS_V2_CLOCK_MONOTONIC, &m1a, &m1b);
    } while (m1a - m0b < 300000000LL);
    long long dr = r1 - r0;
    /* Kernel ABI 1 counts ticks of 10 ms: a tick either side. */
    long long tolerance = 21000000LL;
    EXPECT(dr >= m1a - m0b - tolerance && dr <= m1b - m0a + tolerance,
           "monotonic advanced %lld to %lld ns, realtime %lld ns", m1a - m0b, m1b - m0a, dr);
    static const int pairs[2][2] = { { BANOS_V2_CLOCK_MONOTONIC_COARSE, BANOS_V2_CLOCK_MONOTONIC },
                                     { BANOS_V2_CLOCK_REALTIME_COARSE, BANOS_V2_CLOCK_REALTIME } };
    for (int i = 0; i < 2; ++i) {
        /* The coarse clock is the kernel's reading at its last tick: never
         * ahead of the fine clock, and at most a few ticks behind. */
        long long before, after;
        long long coarse = sandwiched(pairs[i][0], pairs[i][1], &before, &after);
        EXPECT(coarse <= after + 1000000LL && coarse >= before - 50000000LL,
               "clock %d read %lld between %lld and %lld of clock %d", pairs[i][0], coarse, before, after,
               pairs[i][1]);
    }
    struct banos_v2_timespec r_before, r_after;
    struct banos_v2_timeval tv;
    __banos_slot_clock_gettime(BANOS_V2_CLOCK_REALTIME, &r_before);
    int64_t seconds = __banos_slot_time64(NULL);
    EXPECT(__banos_slot_gettimeofday(&tv, NULL) == 0, "gettimeofday");
    __banos_slot_clock_gettime(BANOS_V2_CLOCK_REALTIME, &r_after);
    EXPECT(seconds >= r_before.tv_sec && seconds <= r_after.tv_sec, "time64 %lld, realtime %lld to %lld",
           (long long)seconds, (long long)r_before.tv_sec, (long long)r_after.tv_sec);
    long long day = (long long)tv.tv_sec * 1000000000LL + tv.tv_usec * 1000LL;
    EXPECT(day >= ns_of(&r_before) - 1000 && day <= ns_of(&r_after), "gettimeofday %lld.%06lld outside realtime",
           (long long)tv.tv_sec, (long long)tv.tv_usec);
}

TEST(time, gettimeofday, "gettimeofday")
{
    _Static_assert(sizeof(struct banos_v2_timeval) == 16, "ABI 2 timeval");
    struct banos_v2_timeval tv = { 0, -1 };
    EXPECT(__banos_slot_gettimeofday(&tv, NULL) == 0, "gettimeofday: %s", conformance_errno_name(errno));
    EXPECT(tv.tv_sec > PLAUSIBLE_EPOCH && tv.tv_usec >= 0 && tv.tv_usec < 1000000, "%lld.%06lld",
           (long long)tv.tv_sec, (long long)tv.tv_usec);
    /* Both arguments may be NULL. */
    EXPECT(__banos_slot_gettimeofday(NULL, NULL) == 0, "gettimeofday(NULL, NULL)");
    struct banos_v2_timeval previous = tv;
    int ok = 1;
    for (int i = 0; i < 2000; ++i) {
        __banos_slot_gettimeofday(&tv, NULL);
        ok &= tv.tv_sec > previous.tv_sec || (tv.tv_sec == previous.tv_sec && tv.tv_usec >= previous.tv_usec);
        previous = tv;
    }
    EXPECT(ok, "gettimeofday went back");
}

TEST(time, nanosleep64, "nanosleep64")
{
    struct banos_v2_timespec duration = { 0, 40000000 }, left = { 77, 77 };
    long long before = conformance_monotonic_ns();
    EXPECT(__banos_slot_nanosleep64(&duration, &left) == 0, "nanosleep64: %s", conformance_errno_name(errno));
    long long slept = conformance_monotonic_ns() - before;
    EXPECT(slept >= 39000000LL && slept < 10000000000LL, "a 40 ms sleep took %lld ns", slept);
    /* Seconds beyond 32 bits are accepted (and interrupted here). */
    struct banos_v2_timespec bad = { 0, 1000000000 };
    EXPECT_ERRNO(__banos_slot_nanosleep64(&bad, NULL), EINVAL);
    bad.tv_sec = -5;
    bad.tv_nsec = 0;
    EXPECT_ERRNO(__banos_slot_nanosleep64(&bad, NULL), EINVAL);
    EXPECT_ERRNO(__banos_slot_nanosleep64(NULL, NULL), EFAULT);
    struct banos_v1_sigaction action = { (uint64_t)(uintptr_t)conformance_count_signal, 0, 0 };
    __banos_slot_sigaction(SIGUSR1, &action, NULL);
    pid_t parent = getpid();
    pid_t pid = conformance_fork();
    if (pid == 0) {
        for (int i = 0; i < 100; ++i) {
            kill(parent, SIGUSR1);
            struct banos_v2_timespec gap = { 0, 50000000 };
            __banos_slot_nanosleep64(&gap, NULL);
        }
        _exit(0);
    }
    struct banos_v2_timespec forever = { 5000000000LL, 0 };
    errno = 0;
    int result = __banos_slot_nanosleep64(&forever, &left);
    EXPECT(result == -1 && errno == EINTR && left.tv_sec > 4000000000LL && left.tv_nsec >= 0
               && left.tv_nsec < 1000000000,
           "a 5e9-second sleep interrupted: %d, %s, %lld s left", result, conformance_errno_name(errno),
           (long long)left.tv_sec);
    kill(pid, SIGKILL);
    conformance_wait(pid);
    action.handler = (uint64_t)(uintptr_t)SIG_DFL;
    __banos_slot_sigaction(SIGUSR1, &action, NULL);
}

#ifdef BANOS_HAS_SLOT_clock_getres
TEST(time, clock_getres, "clock_getres")
{
    for (int c = 0; c < 4; ++c) {
        struct banos_v2_timespec resolution = { -1, -1 };
        EXPECT(__banos_slot_clock_getres(kClocks[c], &resolution) == 0, "clock %d: %s", kClocks[c],
               conformance_errno_name(errno));
        long long ns = ns_of(&resolution);
        int coarse = kClocks[c] == BANOS_V2_CLOCK_REALTIME_COARSE || kClocks[c] == BANOS_V2_CLOCK_MONOTONIC_COARSE;
        /* The always-trap layer reads the coarse clocks through the kernel's
         * nanosecond clock, so only the shared-page reads move in ticks. */
        if (conformance_kernel_abi() == 1 || (coarse && conformance_fast_paths()))
            /* The tick: 1/100 s on kernel ABI 1 (and the coarse clocks' step). */
            EXPECT(ns >= 1000000LL && ns <= 10000000LL, "clock %d: resolution %lld ns, expected the tick", kClocks[c],
                   ns);
        else
            EXPECT(ns >= 1 && ns < 1000000LL, "clock %d: resolution %lld ns on kernel ABI %d", kClocks[c], ns,
                   conformance_kernel_abi());
    }
    EXPECT(__banos_slot_clock_getres(BANOS_V2_CLOCK_MONOTONIC, NULL) == 0, "a NULL result is allowed");
    struct banos_v2_timespec resolution;
    EXPECT_ERRNO(__banos_slot_clock_getres(12345, &resolution), EINVAL);
}
#endif
#endif
