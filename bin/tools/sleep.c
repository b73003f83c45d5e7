/* sleep SECONDS: wait, fractions allowed (sleep 0.5). */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "common.h"

const char tool_name[] = "sleep";

int main(int argc, char **argv)
{
    if (argc != 2)
        usage("seconds");
    char *end;
    double seconds = strtod(argv[1], &end);
    if (end == argv[1] || *end || seconds < 0 || seconds > 1e9) {
        warn_msg("invalid time interval '%s'", argv[1]);
        return 2;
    }
    struct timespec t;
    t.tv_sec = (time_t)seconds;
    t.tv_nsec = (long)((seconds - (double)t.tv_sec) * 1e9);
    while (nanosleep(&t, &t) < 0) {
        if (errno != EINTR) {
            warn_errno("nanosleep");
            return 1;
        }
    }
    return 0;
}
