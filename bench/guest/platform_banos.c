/* banos: the kernel's monotonic clock starts at kernel entry; the layer
 * says which kernel ABI it serves and whether it is the always-trap one. */
#include <banos.h>
#include <stdio.h>
#include <time.h>

#include "platform.h"

uint64_t platform_since_kernel_entry_ns(void)
{
    struct timespec t;
    if (clock_gettime(CLOCK_MONOTONIC, &t) != 0)
        return 0;
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

void platform_start(void) {}

void platform_describe(char* out, size_t size)
{
    int version = syslayer_version();
    snprintf(out, size, "platform=banos kernel_abi=%d program_abi=%d layer=%s", version & 0xff, BANOS_PROGRAM_ABI,
             (version >> 16) & 1 ? "trap" : "fast");
}

/* Counting the process's kernel entries is all the kernel does for it; the
 * always-trap layer (and kernel ABI 1) always traps for it. */
void platform_null_trap(void) { (void)banos_syscall_count(); }

const char* platform_module_install_prepare(void)
{
    return "not yet available: banos_install is not in this tree yet (modules issue)";
}

int platform_module_install(uint64_t iterations)
{
    (void)iterations;
    return -1; /* never called: prepare refuses */
}

void platform_finish(int failures) { (void)failures; }
