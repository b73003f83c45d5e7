/* banos: the kernel's monotonic clock starts at kernel entry; the layer
 * says which kernel ABI it serves and whether it is the always-trap one. */
#include <banos.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <time.h>

#include "bench.h"
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

/* A module cannot be removed once installed, so what is measured again
 * and again is the whole install of one whose init fails: read nothing
 * from disk (the image is in memory), validate, place, relocate, seal,
 * run init, then unwind all of it; ENXIO is its init's answer. */
static const char kModulePath[] = "/system/modules/tests/failing_init.ko";
static char* module_image;
static size_t module_size;

const char* platform_module_install_prepare(void)
{
    if (module_image)
        return NULL;
    int fd = open(kModulePath, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0)
            close(fd);
        return "no failing_init.ko in the image";
    }
    module_image = malloc((size_t)st.st_size);
    ssize_t got = module_image ? read(fd, module_image, (size_t)st.st_size) : -1;
    close(fd);
    if (got != st.st_size) {
        free(module_image);
        module_image = NULL;
        return "could not read failing_init.ko";
    }
    module_size = (size_t)st.st_size;
    return NULL;
}

int platform_module_install(uint64_t iterations)
{
    for (uint64_t i = 0; i < iterations; ++i) {
        errno = 0;
        if (banos_install(module_image, module_size) != -1 || errno != ENXIO)
            return bench_fail("banos_install(failing_init.ko): expected ENXIO, got errno %d", errno);
    }
    return 0;
}

void platform_finish(int failures) { (void)failures; }
