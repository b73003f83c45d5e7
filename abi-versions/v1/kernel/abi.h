/* Kernel ABI 1: structures and constants of the trap interface. No shared
 * pages: every call traps. */
#ifndef BANOS_ABI_V1_KERNEL_ABI_H
#define BANOS_ABI_V1_KERNEL_ABI_H

#include <stdint.h>

#define BANOS_KERNEL_ABI_V1 1

/* time_ticks counts in these units. */
#define BANOS_K1_TICK_HZ 100
#define BANOS_K1_CLOCK_REALTIME 0
#define BANOS_K1_CLOCK_MONOTONIC 1

#define BANOS_K1_UTSNAME_LENGTH 32
struct banos_k1_utsname {
    char sysname[BANOS_K1_UTSNAME_LENGTH];
    char nodename[BANOS_K1_UTSNAME_LENGTH];
    char release[BANOS_K1_UTSNAME_LENGTH];
    char version[BANOS_K1_UTSNAME_LENGTH];
    char machine[BANOS_K1_UTSNAME_LENGTH];
};

#endif
