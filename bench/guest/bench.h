/* The in-VM micro-benchmarks, one source for the banos guest program and
 * the static Linux /init: portable C against POSIX. What differs between
 * the two systems sits behind platform.h.
 *
 * Output, one line per case, read by bench/run.py:
 *   BENCH-BEGIN <platform description>
 *   BENCH-BOOT since_kernel_entry_ns=<n> tsc=<TSC at the start of main>
 *   BENCH-CLOCK ticks_per_us=<the TSC rate by the kernel's clock>
 *   BENCH <name> iterations=<n> reps=<r> median_ticks=<x> min_ticks=<x> max_ticks=<x> median_ns=<x>
 *   BENCH-NA <name> <why it cannot be measured here>
 *   BENCH-FAIL <name> <what went wrong>
 *   BENCH-END failures=<n>
 * Ticks are the TSC's (or nanoseconds where there is none); median_ns is
 * the median converted with the kernel's idea of the TSC rate.
 */
#ifndef BANOS_BENCH_H
#define BANOS_BENCH_H

#include <stdint.h>

struct bench_case {
    const char* name;
    /* NULL when the case can run; otherwise why not (printed as BENCH-NA). */
    const char* (*prepare)(void);
    /* Performs the operation `iterations` times; 0 on success, else calls
     * bench_fail() and returns -1. */
    int (*body)(uint64_t iterations);
    /* Releases what prepare made; may be NULL. */
    void (*finish)(void);
    /* A whole-process operation (fork, exec...): shorter batches. */
    int heavy;
    /* The body times the part that counts itself, adding the ticks to
     * bench_own_ticks; the rest of each iteration is left out. */
    int self_timed;
};

/* What a self-timed body measured, in ticks (reset before each batch). */
extern uint64_t bench_own_ticks;

/* The timestamp counter (nanoseconds where there is none). */
uint64_t bench_ticks(void);

/* Records why the running case failed (printed as BENCH-FAIL). */
int bench_fail(const char* format, ...);

/* Keeps results alive so the compiler cannot drop the calls. */
extern volatile uint64_t bench_sink;

/* Where the exec cases find their hello programs (--hello-dir). */
extern const char* bench_hello_dir;

extern const struct bench_case bench_call_cases[];
extern const int bench_call_case_count;
extern const struct bench_case bench_process_cases[];
extern const int bench_process_case_count;

#endif
