/* What the benchmarks need that POSIX does not say the same way on banos
 * and Linux: one implementation each (platform_banos.c, platform_linux.c). */
#ifndef BANOS_BENCH_PLATFORM_H
#define BANOS_BENCH_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* Nanoseconds from kernel entry to now, on the kernel's own clock: read
 * first thing in main, it is the kernel's boot-to-first-program time. */
uint64_t platform_since_kernel_entry_ns(void);

/* Once, before anything is measured (Linux as pid 1 mounts what it needs). */
void platform_start(void);

/* "platform=... kernel_abi=... layer=..." for BENCH-BEGIN. */
void platform_describe(char* out, size_t size);

/* The cheapest call that must enter the kernel. */
void platform_null_trap(void);

/* Installing a kernel module: NULL when possible, else why not. */
const char* platform_module_install_prepare(void);
int platform_module_install(uint64_t iterations);

/* Leaves: exit status, or (as Linux's pid 1) powering the machine off. */
void platform_finish(int failures);

#endif
