/* free: memory use from /proc/meminfo ("Key: N kB" lines), in KiB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

const char tool_name[] = "free";

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        usage("");
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f) {
        warn_errno("/proc/meminfo");
        return 1;
    }
    long total = -1, avail = -1, mfree = -1;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        *colon = '\0';
        long value = atol(colon + 1);
        if (strcmp(line, "MemTotal") == 0)
            total = value;
        else if (strcmp(line, "MemFree") == 0)
            mfree = value;
        else if (strcmp(line, "MemAvailable") == 0)
            avail = value;
    }
    fclose(f);
    if (total < 0 || mfree < 0) {
        warn_msg("/proc/meminfo has no MemTotal or MemFree");
        return 1;
    }
    if (avail < 0)
        avail = mfree;
    printf("%14s %12s %12s %12s\n", "total", "used", "free", "available");
    printf("Mem: %9ld %12ld %12ld %12ld\n", total, total - mfree, mfree, avail);
    return 0;
}
