/* Start-up and exit: crt0's stack parsing, static PIE relocation,
 * constructors, errno through the TCB, the auxiliary vector, and the exit
 * path (atexit handlers, then destructors, then the stdio flush). */
#include <assert.h>
#include <banos.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#ifdef BANOS_HAS_SLOT_uname
#include <sys/utsname.h>
#endif

extern void _start(void);
extern const char __ehdr_start[];

#include "harness.h"

static int constructed;
__attribute__((constructor)) static void constructor(void)
{
    constructed = 1;
}

/* Pointers in initialized data: a static PIE must relocate them. */
static int forty_two(void)
{
    return 42;
}
static int (*const function_pointer)(void) = forty_two;
static const char* const words[] = { "zero", "one", "two" };

static bool handler_ran;
static pid_t main_process; /* forked children that exit() must not report */

static void at_exit_handler(void)
{
    if (getpid() != main_process)
        return;
    handler_ran = true;
    printf("PASS %sexit.atexit_handler\n", test_prefix);
}

static bool started;

__attribute__((destructor)) static void destructor(void)
{
    /* Destructors run after the atexit handlers; stdout is flushed last.
     * (Not in the children that run this program with --child=...) */
    if (started && getpid() == main_process)
        report("exit.destructor_after_handlers", handler_ran, "the atexit handler had not run");
}

static int guarded(const char* text)
{
    char buffer[64]; /* gets a stack-protector canary from %fs:0x28 */
    snprintf(buffer, sizeof buffer, "<%s>", text);
    return (int)strlen(buffer);
}

void test_start(int argc, char** argv, char** envp)
{
    started = true;
    main_process = getpid();
    const char* wanted_prefix = getenv("BANOS_TEST_PREFIX");
    CHECK("start.arguments", argc >= 1 && argv[0] != NULL && argv[argc] == NULL);
    CHECK("start.environment", envp == environ && (wanted_prefix == NULL || strncmp(wanted_prefix, "host.", 5) == 0));
    CHECK("start.constructor", constructed == 1);
    CHECK("start.relocated_data", function_pointer() == 42 && strcmp(words[2], "two") == 0);
    CHECK("auxv.page_size", getauxval(AT_PAGESZ) == 4096);
    CHECK("auxv.entry", getauxval(AT_ENTRY) == (unsigned long)(uintptr_t)_start);
    CHECK("auxv.phdr", getauxval(AT_PHDR) == (unsigned long)(uintptr_t)(__ehdr_start + 64));
    errno = 0;
    CHECK("auxv.missing", getauxval(AT_BANOS_PROGRAM_ABI) == 0 && errno == ENOENT);
    CHECK("stack_protector", guarded("abc") == 5);

    errno = 0;
    CHECK("errno.set_by_layer", write(-1, "x", 1) == -1 && errno == EBADF);
    CHECK("errno.location", &errno == __errno_location() && errno == EBADF);
    CHECK("errno.strerror", strcasecmp(strerror(EBADF), "bad file descriptor") == 0);
    CHECK("errno.strerror_unknown", strcmp(strerror(9999), "Unknown error 9999") == 0);
    char description[8];
    CHECK("errno.strerror_r", strerror_r(ENOENT, description, sizeof description) == ERANGE
            && strcasecmp(description, "no such") == 0);

    CHECK("ids", getpid() > 0 && getppid() >= 0 && getuid() == geteuid());
    CHECK("syslayer_version", syslayer_version() == 0 && banos_syscall_count() > 0);
    time_t now = time(NULL);
    time_t stored = 0;
    CHECK("time", now > 1600000000 && time(&stored) >= now && stored >= now);
#ifdef BANOS_HAS_SLOT_clock_gettime
    struct timespec monotonic;
    CHECK("clock_gettime", clock_gettime(CLOCK_MONOTONIC, &monotonic) == 0 && monotonic.tv_nsec >= 0
            && monotonic.tv_nsec < 1000000000);
    errno = 0;
    CHECK("clock_gettime.bad_clock", clock_gettime(12345, &monotonic) == -1 && errno == EINVAL);
    CHECK("time_t.width", sizeof(time_t) == 8);
#else
    CHECK("time_t.width", sizeof(time_t) == 4);
#endif
#ifdef BANOS_HAS_SLOT_uname
    struct utsname names;
    CHECK("uname", uname(&names) == 0 && strcmp(names.sysname, "Linux") == 0);
#endif

    char buffer[64];
    CHECK("snprintf", snprintf(buffer, sizeof buffer, "%s=%05d|%-4x|%+" PRId64, "n", 42, 255u, (int64_t)-7) == 15
            && strcmp(buffer, "n=00042|ff  |-7") == 0);
    size_t small = (size_t)argc + 3; /* 4, not known at compile time */
    CHECK("snprintf.truncates", snprintf(buffer, small, "%d", 123456) == 6 && strcmp(buffer, "123") == 0);
    CHECK("printf.returns_length", printf("%s", "") == 0);
    CHECK("strtol", strtol(" -0x1F", NULL, 0) == -31 && strtoul("777", NULL, 8) == 511 && atoi("12ab") == 12);
    errno = 0;
    CHECK("strtol.range", strtol("99999999999999999999", NULL, 10) == LONG_MAX && errno == ERANGE);
    CHECK("ctype", isdigit('7') && !isdigit('a') && toupper('q') == 'Q' && isspace('\t'));
    CHECK("abs", abs(-5) == 5 && labs(-6L) == 6 && llabs(-7LL) == 7);
    CHECK("fputs_stderr", fputs("", stderr) == 0 && fflush(NULL) == 0);

    assert(argc >= 1);
    static_assert(sizeof(int32_t) == 4, "C11 static_assert through <assert.h>");
    report("assert.passes", true, "");

    CHECK("atexit", atexit(at_exit_handler) == 0);
}
