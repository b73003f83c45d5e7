/* uptime: how long the system has been running, from /proc/uptime
 * ("seconds idle-seconds"). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "common.h"

const char tool_name[] = "uptime";

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        usage("");
    FILE *f = fopen("/proc/uptime", "r");
    if (!f) {
        warn_errno("/proc/uptime");
        return 1;
    }
    char buf[128];
    if (!fgets(buf, sizeof buf, f)) {
        warn_msg("/proc/uptime: empty");
        fclose(f);
        return 1;
    }
    fclose(f);
    long up = atol(buf);
    time_t now = time(NULL);
    struct tm *tm = gmtime(&now);
    char clock[16] = "";
    if (tm)
        strftime(clock, sizeof clock, "%H:%M:%S", tm);
    long days = up / 86400, hours = up / 3600 % 24, minutes = up / 60 % 60, seconds = up % 60;
    printf(" %s up ", clock);
    if (days)
        printf("%ld day%s, ", days, days == 1 ? "" : "s");
    printf("%02ld:%02ld:%02ld\n", hours, minutes, seconds);
    return 0;
}
