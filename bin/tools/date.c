/* date [-u] [+format]: print the date and time (banos keeps UTC, so -u
 * changes nothing). The format is strftime's; the default looks like
 * "Thu Jan  1 00:00:00 UTC 1970". */
#include <stdio.h>
#include <time.h>

#include "common.h"

const char tool_name[] = "date";

int main(int argc, char **argv)
{
    const char *format = "%a %b %e %H:%M:%S UTC %Y";
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '+')
            format = argv[i] + 1;
        else if (argv[i][0] != '-' || argv[i][1] != 'u' || argv[i][2])
            usage("[-u] [+format]");
    }
    time_t now = time(NULL);
    struct tm *tm = gmtime(&now);
    char buf[512];
    if (!tm) {
        warn_msg("cannot convert the time");
        return 1;
    }
    size_t n = strftime(buf, sizeof buf, format, tm);
    if (n == 0 && *format) {
        warn_msg("format too long or empty result");
        return 1;
    }
    puts(buf);
    return 0;
}
