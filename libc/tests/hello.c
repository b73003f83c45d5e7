/* The first user program: says which program ABI it was built for. Built
 * for every ABI, as a static executable and as a static PIE. */
#include <banos.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef BANOS_HAS_SLOT_uname
#include <sys/utsname.h>
#endif

int main(int argc, char** argv)
{
    printf("hello from program ABI %d (pid %d, layer version %d)\n", BANOS_PROGRAM_ABI, (int)getpid(),
        syslayer_version());
    printf("argc %d, argv[0] %s, AT_BANOS_PROGRAM_ABI %lu\n", argc, argc > 0 ? argv[0] : "(none)",
        getauxval(AT_BANOS_PROGRAM_ABI));
    printf("time %lld, sizeof(time_t) %zu\n", (long long)time(NULL), sizeof(time_t));
#ifdef BANOS_HAS_SLOT_clock_gettime
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) == 0)
        printf("monotonic %lld.%09ld\n", (long long)now.tv_sec, now.tv_nsec);
    else
        printf("clock_gettime: %s\n", strerror(errno));
#endif
#ifdef BANOS_HAS_SLOT_uname
    struct utsname names;
    if (uname(&names) == 0)
        printf("%s %s %s\n", names.sysname, names.release, names.machine);
#endif
    if (write(STDOUT_FILENO, "", 0) != 0)
        perror("write");
    return EXIT_SUCCESS;
}
