/* The runner: times each case in batches sized to a target duration and
 * prints the median, fastest and slowest cost per operation (bench.h).
 *
 * Batches are timed with the TSC where there is one: under QEMU's TCG the
 * guest's TSC counts the host's TSC ticks, so the host converts them with
 * its own, well-measured frequency; the guest kernel's calibration (noisy
 * on a busy host) only sizes the batches and gives the *_ns figures. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "platform.h"

volatile uint64_t bench_sink;
uint64_t bench_own_ticks;
const char* bench_hello_dir = "/bin";

static char failure[256];

int bench_fail(const char* format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(failure, sizeof(failure), format, arguments);
    va_end(arguments);
    return -1;
}

struct settings {
    uint64_t batch_ns;       /* target duration of one batch, light cases */
    uint64_t heavy_batch_ns; /* the same for whole-process cases */
    int reps;                /* batches measured after calibration */
    const char* only;        /* run only cases whose name contains this */
};

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

uint64_t bench_ticks(void)
{
#if defined(__x86_64__)
    uint32_t low, high;
    __asm__ volatile("lfence; rdtsc" : "=a"(low), "=d"(high)::"memory");
    return ((uint64_t)high << 32) | low;
#else
    return now_ns();
#endif
}

/* Ticks per nanosecond, as far as the kernel's clock can tell. */
static double ticks_per_ns = 1.0;

static void calibrate_ticks(void)
{
    uint64_t start_ns = now_ns(), start_ticks = bench_ticks();
    while (now_ns() - start_ns < 20000000) {
    }
    uint64_t ns = now_ns() - start_ns;
    ticks_per_ns = (double)(bench_ticks() - start_ticks) / (double)ns;
}

static int timed(const struct bench_case* c, uint64_t iterations, uint64_t* elapsed)
{
    bench_own_ticks = 0;
    uint64_t start = bench_ticks();
    if (c->body(iterations) != 0)
        return -1;
    *elapsed = c->self_timed ? bench_own_ticks : bench_ticks() - start;
    return 0;
}

static int compare_doubles(const void* a, const void* b)
{
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

/* Grows the batch until it lasts the target, then measures `reps` batches
 * of that size. */
static int measure(const struct bench_case* c, const struct settings* s)
{
    enum { kMaxReps = 15 };
    uint64_t target = (uint64_t)((double)(c->heavy ? s->heavy_batch_ns : s->batch_ns) * ticks_per_ns);
    uint64_t iterations = 1, elapsed = 0;
    for (;;) {
        if (timed(c, iterations, &elapsed) != 0)
            return -1;
        if (elapsed >= target)
            break;
        uint64_t next = elapsed > 0 ? iterations * target / elapsed + 1 : iterations * 10;
        if (next > iterations * 10)
            next = iterations * 10;
        if (next < iterations * 2 && elapsed < target / 2)
            next = iterations * 2;
        if (next <= iterations)
            break;
        iterations = next;
    }
    double per_op[kMaxReps];
    int reps = s->reps < kMaxReps ? s->reps : kMaxReps;
    for (int i = 0; i < reps; ++i) {
        if (timed(c, iterations, &elapsed) != 0)
            return -1;
        per_op[i] = (double)elapsed / (double)iterations;
    }
    qsort(per_op, (size_t)reps, sizeof(per_op[0]), compare_doubles);
    double median = per_op[reps / 2];
    printf("BENCH %s iterations=%llu reps=%d median_ticks=%.2f min_ticks=%.2f max_ticks=%.2f median_ns=%.2f\n",
           c->name, (unsigned long long)iterations, reps, median, per_op[0], per_op[reps - 1], median / ticks_per_ns);
    return 0;
}

static int run_case(const struct bench_case* c, const struct settings* s)
{
    if (s->only && !strstr(c->name, s->only))
        return 0;
    failure[0] = '\0';
    const char* why_not = c->prepare ? c->prepare() : NULL;
    if (why_not) {
        printf("BENCH-NA %s %s\n", c->name, why_not);
        fflush(stdout);
        return 0;
    }
    int result = measure(c, s);
    if (c->finish)
        c->finish();
    if (result != 0)
        printf("BENCH-FAIL %s %s\n", c->name, failure[0] ? failure : "failed");
    fflush(stdout);
    return result != 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: bench [--quick] [--boot-only] [--batch-ms=N] [--only=SUBSTRING] [--hello-dir=DIR]\n");
}

int main(int argc, char** argv)
{
    uint64_t since_entry = platform_since_kernel_entry_ns();
    uint64_t first_tick = bench_ticks();
    struct settings s = { 20000000, 100000000, 5, NULL };
    int boot_only = 0;
    for (int i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--quick") == 0) {
            s.batch_ns = 200000;
            s.heavy_batch_ns = 1;
            s.reps = 1;
        } else if (strcmp(argv[i], "--boot-only") == 0) {
            boot_only = 1;
        } else if (strncmp(argv[i], "--batch-ms=", 11) == 0) {
            /* Longer batches, e.g. to profile one case from the host. */
            s.batch_ns = s.heavy_batch_ns = strtoull(argv[i] + 11, NULL, 10) * 1000000u;
        } else if (strncmp(argv[i], "--only=", 7) == 0) {
            s.only = argv[i] + 7;
        } else if (strncmp(argv[i], "--hello-dir=", 12) == 0) {
            bench_hello_dir = argv[i] + 12;
        } else {
            usage();
            return 2;
        }
    }
    platform_start();
    char description[160];
    platform_describe(description, sizeof(description));
    printf("BENCH-BEGIN %s\n", description);
    printf("BENCH-BOOT since_kernel_entry_ns=%llu tsc=%llu\n", (unsigned long long)since_entry,
           (unsigned long long)first_tick);
    fflush(stdout);
    int failures = 0;
    if (!boot_only) {
        calibrate_ticks();
        printf("BENCH-CLOCK ticks_per_us=%.3f\n", ticks_per_ns * 1000.0);
        for (int i = 0; i < bench_call_case_count; ++i)
            failures += run_case(&bench_call_cases[i], &s);
        for (int i = 0; i < bench_process_case_count; ++i)
            failures += run_case(&bench_process_cases[i], &s);
    }
    printf("BENCH-END failures=%d\n", failures);
    fflush(stdout);
    platform_finish(failures);
    return failures ? 1 : 0;
}
