/* The rest: getopt, the environment, time, users and groups, and a smoke
 * test of each small family (the host unit tests check them in depth). */
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <grp.h>
#include <libgen.h>
#include <locale.h>
#include <math.h>
#include <pwd.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#if defined(BANOS_PROGRAM_ABI_V2)
#include <sys/random.h>
#include <sys/utsname.h>
#endif

#include "harness.h"

/* Runs getopt over `arguments` (space separated) and describes what it returned. */
static void run_getopt(const char* optstring, const char* arguments, char* description, size_t size)
{
    static char storage[256];
    char* argv[16];
    int argc = 0;
    snprintf(storage, sizeof storage, "%s", arguments);
    argv[argc++] = "program";
    for (char* word = strtok(storage, " "); word != NULL && argc < 15; word = strtok(NULL, " "))
        argv[argc++] = word;
    argv[argc] = NULL;
    optind = 1;
    opterr = 0;
    size_t used = 0;
    int option;
    while ((option = getopt(argc, argv, optstring)) != -1)
        used += (size_t)snprintf(description + used, size - used, "%c%s%s,", option, optarg != NULL ? "=" : "",
            optarg != NULL ? optarg : "");
    snprintf(description + used, size - used, "rest@%d", optind);
}

static int compare_ints(const void* left, const void* right)
{
    return *(const int*)left - *(const int*)right;
}

void test_misc(void)
{
    char description[256];
    run_getopt("ab:c", "-a -b value -c file", description, sizeof description);
    check_format("getopt.basic", strcmp(description, "a,b=value,c,rest@5") == 0, "%s", description);
    run_getopt("ab:c", "-acbvalue -- -a", description, sizeof description);
    check_format("getopt.grouped_and_dashdash", strcmp(description, "a,c,b=value,rest@3") == 0, "%s", description);
    run_getopt("ab:", "-x -b", description, sizeof description);
    check_format("getopt.errors", strcmp(description, "?,?,rest@3") == 0 && optopt == 'b', "%s", description);
    run_getopt(":ab:", "-b", description, sizeof description);
    check_format("getopt.missing_argument_colon", strcmp(description, ":,rest@2") == 0, "%s", description);
    run_getopt("a", "file -a", description, sizeof description);
    check_format("getopt.stops_at_operand", strcmp(description, "rest@1") == 0, "%s", description);
    run_getopt("a", "- -a", description, sizeof description);
    check_format("getopt.lone_dash_is_operand", strcmp(description, "rest@1") == 0, "%s", description);

    /* The environment. */
    CHECK("env.setenv", setenv("BANOS_TEST_VARIABLE", "one", 0) == 0
            && strcmp(getenv("BANOS_TEST_VARIABLE"), "one") == 0);
    CHECK("env.no_overwrite", setenv("BANOS_TEST_VARIABLE", "two", 0) == 0
            && strcmp(getenv("BANOS_TEST_VARIABLE"), "one") == 0);
    CHECK("env.overwrite", setenv("BANOS_TEST_VARIABLE", "three", 1) == 0
            && strcmp(getenv("BANOS_TEST_VARIABLE"), "three") == 0);
    static char put[] = "BANOS_PUT=yes";
    CHECK("env.putenv", putenv(put) == 0 && getenv("BANOS_PUT") == put + 10);
    bool listed = false;
    for (char** entry = environ; *entry != NULL; ++entry)
        listed = listed || strcmp(*entry, "BANOS_TEST_VARIABLE=three") == 0;
    CHECK("env.environ", listed);
    CHECK("env.unsetenv", unsetenv("BANOS_TEST_VARIABLE") == 0 && getenv("BANOS_TEST_VARIABLE") == NULL
            && unsetenv("BANOS_PUT") == 0 && getenv("BANOS_PUT") == NULL);
    errno = 0;
    CHECK("env.invalid_names", setenv("A=B", "x", 1) == -1 && errno == EINVAL && getenv("") == NULL
            && setenv("", "x", 1) == -1);
    for (int i = 0; i < 200; ++i) { /* many, to grow the array */
        char name[32], value[32];
        snprintf(name, sizeof name, "BANOS_MANY_%d", i);
        snprintf(value, sizeof value, "%d", i * i);
        setenv(name, value, 1);
    }
    CHECK("env.many", strcmp(getenv("BANOS_MANY_150"), "22500") == 0 && getenv("PATH") != NULL);
    for (int i = 0; i < 200; ++i) {
        char name[32];
        snprintf(name, sizeof name, "BANOS_MANY_%d", i);
        unsetenv(name);
    }

    /* Time. */
    time_t now = time(NULL);
    struct timeval tv;
    CHECK("time.gettimeofday", gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= now && tv.tv_sec <= now + 2
            && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    struct timespec pause_for = { 0, 20000000 }, remaining = { 9, 9 };
    time_t before = time(NULL);
    CHECK("time.nanosleep", nanosleep(&pause_for, &remaining) == 0 && usleep(1000) == 0 && sleep(0) == 0
            && time(NULL) - before < 3);
    pause_for.tv_nsec = 1000000000;
    errno = 0;
    CHECK("time.nanosleep_invalid", nanosleep(&pause_for, NULL) == -1 && errno == EINVAL);
#if defined(BANOS_PROGRAM_ABI_V2)
    struct timespec monotonic_a, monotonic_b;
    CHECK("time.clock_gettime", clock_gettime(CLOCK_MONOTONIC, &monotonic_a) == 0
            && clock_gettime(CLOCK_MONOTONIC, &monotonic_b) == 0
            && (monotonic_b.tv_sec > monotonic_a.tv_sec
                || (monotonic_b.tv_sec == monotonic_a.tv_sec && monotonic_b.tv_nsec >= monotonic_a.tv_nsec)));
    CHECK("time.timespec_get", timespec_get(&monotonic_a, TIME_UTC) == TIME_UTC && monotonic_a.tv_sec >= now);
#endif
    time_t moment = 1700000000; /* 2023-11-14 22:13:20 UTC, a Tuesday */
    struct tm fields;
    CHECK("time.gmtime_r", gmtime_r(&moment, &fields) == &fields && fields.tm_year == 123 && fields.tm_mon == 10
            && fields.tm_mday == 14 && fields.tm_hour == 22 && fields.tm_min == 13 && fields.tm_sec == 20
            && fields.tm_wday == 2 && fields.tm_yday == 317);
    struct tm* local = localtime(&moment);
    CHECK("time.localtime_is_utc", local != NULL && local->tm_hour == 22 && local->tm_gmtoff == 0);
    char text[128];
    CHECK("time.strftime", strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %a %b %j %Z %s", &fields) > 0
            && strcmp(text, "2023-11-14 22:13:20 Tue Nov 318 GMT 1700000000") == 0);
    fields.tm_mday += 20; /* carries into December */
    fields.tm_hour -= 23;
    CHECK("time.mktime_normalizes", mktime(&fields) == moment + 20 * 86400 - 23 * 3600 && fields.tm_mon == 11
            && fields.tm_mday == 3 && fields.tm_hour == 23 && fields.tm_wday == 0);
    CHECK("time.asctime", strcmp(asctime(gmtime(&moment)), "Tue Nov 14 22:13:20 2023\n") == 0
            && strcmp(ctime(&moment), "Tue Nov 14 22:13:20 2023\n") == 0);
    CHECK("time.difftime", difftime(moment, moment - 90) == 90.0);
#if !defined(BANOS_PROGRAM_ABI_V2)
    struct tm far = { .tm_year = 200, .tm_mday = 1 }; /* 2100: beyond a 32-bit time_t */
    errno = 0;
    CHECK("time.mktime_overflow", mktime(&far) == (time_t)-1 && errno == EOVERFLOW);
#endif

    /* Users and groups: the host's own files. */
    struct passwd* root = getpwnam("root");
    CHECK("pwd.getpwnam", root != NULL && root->pw_uid == 0 && root->pw_gid == 0 && root->pw_dir[0] == '/'
            && root->pw_shell[0] == '/');
    struct passwd* by_id = getpwuid(0);
    CHECK("pwd.getpwuid", by_id != NULL && strcmp(by_id->pw_name, "root") == 0);
    errno = 0;
    CHECK("pwd.missing", getpwnam("banos-no-such-user") == NULL && errno == 0 && getpwuid(0x7ffffff0) == NULL);
    struct passwd entry, *found = NULL;
    char small[8];
    CHECK("pwd.reentrant_small_buffer", getpwnam_r("root", &entry, small, sizeof small, &found) == ERANGE
            && found == NULL);
    int users = 0;
    setpwent();
    while (getpwent() != NULL)
        ++users;
    endpwent();
    CHECK("pwd.getpwent", users >= 1);
    struct group* group = getgrgid(0);
    CHECK("grp.getgrgid", group != NULL && strcmp(group->gr_name, "root") == 0 && group->gr_mem != NULL);
    struct group* by_name = group != NULL ? getgrnam("root") : NULL;
    CHECK("grp.getgrnam", by_name != NULL && by_name->gr_gid == 0);
    int groups = 0;
    while (getgrent() != NULL)
        ++groups;
    endgrent();
    CHECK("grp.getgrent", groups >= 1);

    /* Small families. */
    char tokens[] = "one, two,,three";
    char* state = NULL;
    char* first = strtok_r(tokens, ", ", &state);
    char* second = strtok_r(NULL, ", ", &state);
    char* third = strtok_r(NULL, ", ", &state);
    CHECK("string.strtok_r", strcmp(first, "one") == 0 && strcmp(second, "two") == 0 && strcmp(third, "three") == 0
            && strtok_r(NULL, ", ", &state) == NULL);
    char* copy = strndup("abcdef", 3);
    CHECK("string.strndup", copy != NULL && strcmp(copy, "abc") == 0);
    free(copy);
    CHECK("string.strcasecmp", strcasecmp("HeLLo", "hello") == 0 && strncasecmp("abcX", "ABCy", 3) == 0);
    int numbers[] = { 5, 3, 9, 1, 7 };
    qsort(numbers, 5, sizeof *numbers, compare_ints);
    int key = 7;
    CHECK("stdlib.qsort_bsearch", numbers[0] == 1 && numbers[4] == 9
            && bsearch(&key, numbers, 5, sizeof *numbers, compare_ints) == &numbers[3]);
    char* end;
    CHECK("stdlib.strtod", strtod("  -1.25e2xyz", &end) == -125.0 && strcmp(end, "xyz") == 0 && atof("0x1p-2") == 0.25);
    errno = 0;
    CHECK("stdlib.strtod_range", strtod("1e999", NULL) == HUGE_VAL && errno == ERANGE);
    CHECK("stdlib.div", div(-7, 2).quot == -3 && div(-7, 2).rem == -1 && ldiv(7L, 2L).rem == 1);
    srand(42);
    int first_random = rand();
    srand(42);
    CHECK("stdlib.rand", rand() == first_random && first_random >= 0 && first_random <= RAND_MAX);
    CHECK("math.basics", fabs(sin(M_PI / 6) - 0.5) < 1e-15 && sqrt(2.0) * sqrt(2.0) - 2 < 1e-15 && pow(2, 10) == 1024
            && floor(-1.5) == -2 && ceil(1.2) == 2 && round(2.5) == 3 && fmod(7.5, 2) == 1.5 && isnan(NAN)
            && isinf(HUGE_VAL) && fabs(atan2(1, 1) - M_PI / 4) < 1e-15 && fabs(log10(1000) - 3) < 1e-15);
    CHECK("ctype.classes", isalpha('q') && !isalpha('1') && isxdigit('F') && ispunct('!') && !isprint('\n')
            && tolower('A') == 'a' && isblank('\t'));
    CHECK("fnmatch", fnmatch("*.c", "main.c", 0) == 0 && fnmatch("*.c", "main.h", 0) == FNM_NOMATCH
            && fnmatch("[a-c]?[!x]", "bzy", 0) == 0 && fnmatch("*", ".hidden", FNM_PERIOD) == FNM_NOMATCH
            && fnmatch("a/*", "a/b/c", FNM_PATHNAME) == FNM_NOMATCH && fnmatch("a\\*", "a*", 0) == 0);
    char dir_path[] = "/usr/lib/", base_path[] = "/usr/lib/", plain[] = "file", root_path[] = "/";
    CHECK("libgen", strcmp(dirname(dir_path), "/usr") == 0 && strcmp(basename(base_path), "lib") == 0
            && strcmp(dirname(plain), ".") == 0 && strcmp(basename(root_path), "/") == 0);
    CHECK("locale", strcmp(setlocale(LC_ALL, ""), "C") == 0 && setlocale(LC_ALL, "fr_FR") == NULL
            && strcmp(localeconv()->decimal_point, ".") == 0);
    CHECK("sysconf", sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096 && sysconf(12345) == -1);
    char host[256];
    CHECK("gethostname", gethostname(host, sizeof host) == 0 && host[0] != '\0');
    CHECK("sched_yield", sched_yield() == 0);
#if defined(BANOS_PROGRAM_ABI_V2)
    unsigned char random_bytes[32] = { 0 };
    CHECK("getrandom", getrandom(random_bytes, sizeof random_bytes, 0) == 32);
    CHECK("sched_getcpu", sched_getcpu() >= 0);
    struct utsname names;
    CHECK("uname.nodename", uname(&names) == 0 && strcmp(names.nodename, host) == 0);
#endif
}
