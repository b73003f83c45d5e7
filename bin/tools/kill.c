/* kill [-s SIGNAL | -SIGNAL | -n NUM] pid...   send a signal (TERM)
 * kill -l [status]                            list signal names
 * A negative pid (after --) names a process group. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/signames.h"
#include "common.h"

const char tool_name[] = "kill";

static int column;

static void list_one(int sig, const char *name)
{
    printf("%2d) SIG%-8s%s", sig, name, ++column % 4 == 0 ? "\n" : " ");
}

static int list(int argc, char **argv)
{
    if (argc > 0) {
        /* kill -l 130: the signal that ended a process with status 130 */
        long n = atol(argv[0]);
        const char *name = signal_name((int)(n > 128 ? n - 128 : n));
        if (!name) {
            warn_msg("%s: invalid signal", argv[0]);
            return 1;
        }
        puts(name);
        return 0;
    }
    signal_each(list_one);
    if (column % 4)
        putchar('\n');
    return 0;
}

int main(int argc, char **argv)
{
    int sig = SIGTERM, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0)
        return list(argc - 2, argv + 2);
    if (i < argc && (strcmp(argv[i], "-s") == 0 || strcmp(argv[i], "-n") == 0)) {
        if (i + 1 >= argc)
            usage("[-s signal | -signal] pid...");
        sig = signal_number(argv[i + 1]);
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
        sig = signal_number(argv[i] + 1);
        i++;
    }
    if (sig < 0) {
        warn_msg("%s: invalid signal", argv[i - 1]);
        return 2;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i == argc)
        usage("[-s signal | -signal] pid...");
    int status = 0;
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (!*argv[i] || *end) {
            warn_msg("%s: arguments must be process ids", argv[i]);
            status = 1;
            continue;
        }
        if (kill((pid_t)pid, sig) < 0) {
            warn_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
