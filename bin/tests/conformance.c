/* Program-ABI conformance: checks every slot of the program ABI it is built
 * for, through whatever layer the kernel maps. Written once, built for each
 * program ABI; run on each kernel ABI (make matrix), with the normal layer
 * and with the always-trap layer (BANOS_SYSLAYER=trap).
 *
 * Prints "PASS conformance.<check>" or "FAIL conformance.<check>: why" per
 * check and exits with the number of failures. */
#include <banos.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>
#if BANOS_PROGRAM_ABI >= 2
#include <sys/utsname.h>
#endif

static int failures;

static void verdict(const char* check, int ok, const char* why)
{
    if (ok) {
        printf("PASS conformance.%s\n", check);
    } else {
        printf("FAIL conformance.%s: %s\n", check, why);
        ++failures;
    }
}

#define CHECK(check, condition, ...)                                  \
    do {                                                              \
        char why_[160];                                               \
        snprintf(why_, sizeof(why_), __VA_ARGS__);                    \
        verdict(check, (condition), why_);                            \
    } while (0)

static int layer_program_abi(void) { return (syslayer_version() >> 8) & 0xff; }
static int layer_kernel_abi(void) { return syslayer_version() & 0xff; }
static int layer_always_traps(void) { return (syslayer_version() >> 16) & 1; }
/* Kernels from ABI 2 on share pages the fast paths read. */
static int fast_paths_expected(void) { return layer_kernel_abi() >= 2 && !layer_always_traps(); }

static void check_layer(void)
{
    CHECK("layer.program_abi", layer_program_abi() == BANOS_PROGRAM_ABI,
          "the layer serves program ABI %d, this program is ABI %d", layer_program_abi(), BANOS_PROGRAM_ABI);
    CHECK("layer.kernel_abi", layer_kernel_abi() >= 1, "kernel ABI %d", layer_kernel_abi());
    CHECK("layer.auxv", (int)getauxval(AT_BANOS_PROGRAM_ABI) == BANOS_PROGRAM_ABI && getauxval(AT_BANOS_WINDOW) != 0,
          "AT_BANOS_PROGRAM_ABI %lu, AT_BANOS_WINDOW %#lx", getauxval(AT_BANOS_PROGRAM_ABI),
          getauxval(AT_BANOS_WINDOW));
    printf("conformance: program ABI %d on kernel ABI %d, %s layer\n", BANOS_PROGRAM_ABI, layer_kernel_abi(),
           layer_always_traps() ? "always-trap" : "fast");
}

static void check_identity(void)
{
    /* The kernel's own answer, given at exec, must agree with whatever
     * path (shared page or trap) this layer takes. */
    pid_t pid = getpid();
    CHECK("identity.getpid", pid > 0 && (unsigned long)pid == getauxval(AT_BANOS_PID),
          "getpid() %d, exec said %lu", (int)pid, getauxval(AT_BANOS_PID));
    CHECK("identity.getpid_stable", getpid() == pid, "getpid changed");
    CHECK("identity.getppid", getppid() >= 0, "getppid() %d", (int)getppid());
    CHECK("identity.getuid", getuid() == getauxval(AT_UID), "getuid() %u, exec said %lu", (unsigned)getuid(),
          getauxval(AT_UID));
    CHECK("identity.geteuid", geteuid() == getauxval(AT_EUID), "geteuid() %u, exec said %lu", (unsigned)geteuid(),
          getauxval(AT_EUID));
}

static void check_errno(void)
{
    errno = 0;
    ssize_t n = write(99, "x", 1);
    CHECK("errno.write_bad_descriptor", n == -1 && errno == EBADF, "write(99) = %ld, errno %d", (long)n, errno);
    errno = 0;
    n = read(-1, &n, 1);
    CHECK("errno.read_bad_descriptor", n == -1 && errno == EBADF, "read(-1) = %ld, errno %d", (long)n, errno);
    errno = 0;
    n = write(1, (const void*)16, 1);
    CHECK("errno.write_bad_buffer", n == -1 && errno == EFAULT, "write(1, 16) = %ld, errno %d", (long)n, errno);
    /* errno is written on failure only. */
    errno = 12345;
    n = write(1, "", 0);
    CHECK("errno.untouched_on_success", n == 0 && errno == 12345, "write(1, \"\", 0) = %ld, errno %d", (long)n, errno);
    errno = 12345;
    (void)getpid();
    CHECK("errno.untouched_by_fast_calls", errno == 12345, "errno %d", errno);
    /* errno lives where the TCB's errno pointer says. */
    int* location = &errno;
    int* tcb_target;
    __asm__ volatile("mov %%fs:0x10, %0" : "=r"(tcb_target));
    CHECK("errno.through_the_tcb", location == tcb_target, "&errno %p, TCB errno_ptr %p", (void*)location,
          (void*)tcb_target);
}

static void check_io(void)
{
    static const char line[] = "conformance: a line through write()\n";
    ssize_t n = write(1, line, sizeof(line) - 1);
    CHECK("io.write", n == (ssize_t)(sizeof(line) - 1), "write returned %ld", (long)n);
    /* /dev/null: reads find the end of the file at once. */
    int fd = open("/dev/null", O_RDONLY);
    char c;
    n = fd >= 0 ? read(fd, &c, 1) : -1;
    CHECK("io.read_end_of_file", fd >= 0 && n == 0, "open %d, read = %ld, errno %d", fd, (long)n, errno);
    if (fd >= 0)
        close(fd);
}

static void check_time(void)
{
    CHECK("layout.time_t", sizeof(time_t) == (BANOS_PROGRAM_ABI == 1 ? 4 : 8), "sizeof(time_t) %zu",
          sizeof(time_t));
    time_t stored = 0;
    time_t now = time(&stored);
    /* After 2023-01-01: a clock read from the RTC, not left at zero. */
    CHECK("time.plausible", (long long)now > 1672531200LL, "time() %lld", (long long)now);
    CHECK("time.stores", stored == now || stored == now - 1 || stored == now + 1, "stored %lld, returned %lld",
          (long long)stored, (long long)now);
    time_t previous = time(NULL);
    int ok = 1;
    for (int i = 0; i < 2000; ++i) {
        time_t t = time(NULL);
        if (t < previous)
            ok = 0;
        previous = t;
    }
    CHECK("time.never_goes_back", ok, "time() went back");
}

#if BANOS_PROGRAM_ABI >= 2
static long long ns_of(const struct timespec* t) { return (long long)t->tv_sec * 1000000000LL + t->tv_nsec; }

static void check_clocks(void)
{
    CHECK("layout.timespec", sizeof(struct timespec) == 16 && offsetof(struct timespec, tv_nsec) == 8,
          "sizeof %zu, tv_nsec at %zu", sizeof(struct timespec), offsetof(struct timespec, tv_nsec));
    struct timespec t;
    errno = 0;
    CHECK("clock.bad_id", clock_gettime(12345, &t) == -1 && errno == EINVAL, "errno %d", errno);

    static const clockid_t clocks[] = { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE };
    static const char* const names[] = { "clock.realtime", "clock.monotonic", "clock.realtime_coarse", "clock.monotonic_coarse" };
    for (int c = 0; c < 4; ++c) {
        struct timespec previous;
        int ok = clock_gettime(clocks[c], &previous) == 0 && previous.tv_nsec >= 0 && previous.tv_nsec < 1000000000;
        for (int i = 0; ok && i < 20000; ++i) {
            struct timespec now;
            ok = clock_gettime(clocks[c], &now) == 0 && now.tv_nsec >= 0 && now.tv_nsec < 1000000000
                && ns_of(&now) >= ns_of(&previous);
            previous = now;
        }
        CHECK(names[c], ok, "a read failed, was out of range or went back");
    }

    /* Rate: over about 300 ms of monotonic time, the realtime clock and
     * time() advance alike (a wrong multiplier or shift shows up here). */
    struct timespec m0, r0, m1, r1;
    clock_gettime(CLOCK_MONOTONIC, &m0);
    clock_gettime(CLOCK_REALTIME, &r0);
    do
        clock_gettime(CLOCK_MONOTONIC, &m1);
    while (ns_of(&m1) - ns_of(&m0) < 300000000LL);
    clock_gettime(CLOCK_REALTIME, &r1);
    long long dm = ns_of(&m1) - ns_of(&m0), dr = ns_of(&r1) - ns_of(&r0);
    long long tolerance = 20000000LL; /* tick-resolution clocks on kernel ABI 1 */
    CHECK("clock.rate_realtime_matches_monotonic", dr > dm - tolerance && dr < dm + tolerance,
          "monotonic advanced %lld ns, realtime %lld ns", dm, dr);
    time_t wall = time(NULL);
    CHECK("clock.time_matches_realtime", (long long)wall >= r1.tv_sec - 1 && (long long)wall <= r1.tv_sec + 1,
          "time() %lld, realtime %lld", (long long)wall, (long long)r1.tv_sec);

    /* The coarse clock is the kernel's own reading at its last tick; the
     * fine one is computed in the layer. They must agree to a few ticks. */
    struct timespec coarse, fine;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &coarse);
    clock_gettime(CLOCK_MONOTONIC, &fine);
    long long lag = ns_of(&fine) - ns_of(&coarse);
    CHECK("clock.coarse_follows_fine", lag >= -20000000LL && lag < 50000000LL, "fine - coarse = %lld ns", lag);
}

static void check_uname(void)
{
    CHECK("layout.utsname", sizeof(struct utsname) == 325 && offsetof(struct utsname, machine) == 260,
          "sizeof %zu", sizeof(struct utsname));
    struct utsname name;
    memset(&name, 0x7f, sizeof(name));
    int result = uname(&name);
    CHECK("uname.call", result == 0, "uname() = %d, errno %d", result, errno);
    CHECK("uname.sysname", strcmp(name.sysname, "banos") == 0, "sysname '%.20s'", name.sysname);
    CHECK("uname.machine", strcmp(name.machine, "x86_64") == 0, "machine '%.20s'", name.machine);
    CHECK("uname.terminated", memchr(name.version, 0, sizeof(name.version)) && memchr(name.release, 0, sizeof(name.release)),
          "fields not terminated");
}
#endif

/* The heart of the design: calls that need no kernel authority do not
 * enter the kernel when the kernel shares its pages. */
static void check_fast_paths(void)
{
    enum { kCalls = 1000 };
    uint64_t before = banos_syscall_count();
    for (int i = 0; i < kCalls; ++i) {
        (void)getpid();
        (void)getppid();
        (void)getuid();
        (void)geteuid();
        (void)time(NULL);
#if BANOS_PROGRAM_ABI >= 2
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        clock_gettime(CLOCK_REALTIME_COARSE, &t);
        struct utsname name;
        uname(&name);
#endif
    }
    uint64_t entered = banos_syscall_count() - before;
    int calls_per_round = BANOS_PROGRAM_ABI >= 2 ? 8 : 5;
    if (fast_paths_expected()) {
        CHECK("fast_paths.no_kernel_entries", entered == 0, "%d rounds of fast calls entered the kernel %llu times",
              kCalls, (unsigned long long)entered);
    } else {
        /* Every call traps, and so does reading the counter itself. */
        uint64_t expected = (uint64_t)kCalls * calls_per_round + 1;
        CHECK("fast_paths.every_call_traps", entered == expected, "entered %llu times, expected %llu",
              (unsigned long long)entered, (unsigned long long)expected);
    }
}

int main(void)
{
    check_layer();
    check_identity();
    check_errno();
    check_io();
    check_time();
#if BANOS_PROGRAM_ABI >= 2
    check_clocks();
    check_uname();
#endif
    check_fast_paths();
    printf("conformance: %d failed\n", failures);
    return failures;
}
