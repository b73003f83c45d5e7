/* Linux, as the /init of a tiny initramfs (or as an ordinary program for
 * the smoke test): the kernel's clock since boot, a raw getpid as the null
 * trap, and QEMU's isa-debug-exit port to leave the machine. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"

uint64_t platform_since_kernel_entry_ns(void)
{
    /* Linux starts this clock early in start_kernel (after the bzImage
     * decompressor), so it slightly flatters Linux. */
    struct timespec t;
    if (clock_gettime(CLOCK_BOOTTIME, &t) != 0)
        return 0;
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static char clocksource[64] = "unknown";

void platform_start(void)
{
    if (getpid() != 1)
        return;
    /* The clock source decides whether the vDSO can answer clock_gettime. */
    mkdir("/sys", 0555);
    if (mount("sysfs", "/sys", "sysfs", 0, NULL) == 0) {
        FILE* file = fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
        if (file) {
            if (fgets(clocksource, sizeof(clocksource), file))
                clocksource[strcspn(clocksource, "\n")] = '\0';
            fclose(file);
        }
    }
}

void platform_describe(char* out, size_t size)
{
    snprintf(out, size, "platform=linux clocksource=%s pid=%d", clocksource, (int)getpid());
}

void platform_null_trap(void) { (void)syscall(SYS_getpid); }

const char* platform_module_install_prepare(void) { return "not measured on Linux (no module in the initramfs)"; }

int platform_module_install(uint64_t iterations)
{
    (void)iterations;
    return -1; /* never called: prepare refuses */
}

/* Status 0x10 on QEMU's isa-debug-exit leaves QEMU with 33 (success),
 * 0x11 with 35 (failure), as banos's own test exit does. */
void platform_finish(int failures)
{
    if (getpid() != 1)
        return;
    fflush(stdout);
    sync();
    if (ioperm(0xf4, 1, 1) == 0)
        outb(failures ? 0x11 : 0x10, 0xf4);
    reboot(RB_POWER_OFF);
}
