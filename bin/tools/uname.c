/* uname [-asnrvm]: print system information (default -s). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Program ABI 1 has no uname call: only what is known when building. */
#if defined(BANOS_PROGRAM_ABI) && BANOS_PROGRAM_ABI < 2
#define NO_UNAME 1
struct utsname {
    char sysname[16], nodename[16], release[16], version[16], machine[16];
};
static int uname(struct utsname *u)
{
    strcpy(u->sysname, "banos");
    strcpy(u->nodename, "unknown");
    strcpy(u->release, "unknown");
    strcpy(u->version, "unknown");
    strcpy(u->machine, "x86_64");
    return 0;
}
#else
#include <sys/utsname.h>
#endif

#include "common.h"

const char tool_name[] = "uname";

enum { SYSNAME = 1, NODENAME = 2, RELEASE = 4, VERSION = 8, MACHINE = 16 };

int main(int argc, char **argv)
{
    int which = 0, opt;
    while ((opt = getopt(argc, argv, "asnrvm")) != -1) {
        switch (opt) {
        case 'a': which = SYSNAME | NODENAME | RELEASE | VERSION | MACHINE; break;
        case 's': which |= SYSNAME; break;
        case 'n': which |= NODENAME; break;
        case 'r': which |= RELEASE; break;
        case 'v': which |= VERSION; break;
        case 'm': which |= MACHINE; break;
        default: usage("[-asnrvm]");
        }
    }
    if (optind != argc)
        usage("[-asnrvm]");
    if (!which)
        which = SYSNAME;
    struct utsname u;
    if (uname(&u) < 0) {
        warn_errno("uname");
        return 1;
    }
    const char *parts[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    int first = 1;
    for (int i = 0; i < 5; i++) {
        if (!(which & (1 << i)))
            continue;
        printf("%s%s", first ? "" : " ", parts[i]);
        first = 0;
    }
    putchar('\n');
    return 0;
}
