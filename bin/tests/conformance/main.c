/* The conformance suite's runner: the tests register themselves (TEST in
 * conformance.h); main runs them in name order in a scratch directory,
 * prints one PASS/FAIL line each and exits with the number of failures.
 *
 * Run as "conformance --child <what> ..." it is instead a helper process
 * for the tests that exec (processes.c). */
#include "conformance.h"

#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#if BANOS_PROGRAM_ABI >= 2
#include <time.h>
#endif

/* Which program ABI the records of .banos.conformance are for (read by
 * tools/conformance/coverage.py with the tests' own records). */
#define CONFORMANCE_STRING(x) #x
#define CONFORMANCE_ABI_RECORD(abi)                                                                \
    __asm__(".pushsection .banos.conformance,\"\",@progbits\n\t.asciz \"@program-abi=" CONFORMANCE_STRING(abi) \
            "\"\n\t.popsection");
CONFORMANCE_ABI_RECORD(BANOS_PROGRAM_ABI)

enum { kMaxTests = 256 };

struct test {
    const char* name;
    const char* slots;
    conformance_function function;
};

static struct test tests[kMaxTests];
static int test_count;
static int registration_overflow;

static int current_failed;
static char current_why[256];

volatile int conformance_signal_count;
volatile int conformance_last_signal;
const char* conformance_program = "/bin/conformance";

static char scratch[64];

void conformance_register(const char* name, const char* slots, conformance_function function)
{
    if (test_count == kMaxTests) {
        registration_overflow = 1;
        return;
    }
    tests[test_count++] = (struct test) { name, slots, function };
}

void conformance_fail(const char* file, int line, const char* format, ...)
{
    if (current_failed++)
        return;
    const char* base = strrchr(file, '/');
    int used = snprintf(current_why, sizeof(current_why), "%s:%d: ", base ? base + 1 : file, line);
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(current_why + used, sizeof(current_why) - (size_t)used, format, arguments);
    va_end(arguments);
}

const char* conformance_errno_name(int error)
{
    switch (error) {
    case 0:
        return "0";
#define ERRNO(symbol, number, neutral) \
    case number:                       \
        return #symbol;
#include BANOS_PROGRAM_ERRNO_DEF
#undef ERRNO
    default: {
        static char unknown[24];
        snprintf(unknown, sizeof(unknown), "%d", error);
        return unknown;
    }
    }
}

int conformance_kernel_abi(void) { return syslayer_version() & 0xff; }
int conformance_always_traps(void) { return (syslayer_version() >> 16) & 1; }
int conformance_fast_paths(void) { return conformance_kernel_abi() >= 2 && !conformance_always_traps(); }

const char* conformance_path(char* buffer, size_t size, const char* name)
{
    snprintf(buffer, size, "%s/%s", scratch, name);
    return buffer;
}

int conformance_write_file(const char* path, const char* text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return -1;
    size_t length = strlen(text);
    ssize_t written = write(fd, text, length);
    close(fd);
    return written == (ssize_t)length ? 0 : -1;
}

int conformance_fork(void)
{
    fflush(stdout);
    fflush(stderr);
    return fork();
}

int conformance_in_child(int (*child)(void* argument), void* argument)
{
    pid_t pid = conformance_fork();
    if (pid < 0) {
        conformance_fail(__FILE__, __LINE__, "fork failed: %s", conformance_errno_name(errno));
        return -1;
    }
    if (pid == 0)
        _exit(child(argument));
    return conformance_wait(pid);
}

int conformance_wait(int pid)
{
    int status = 0;
    pid_t waited;
    do
        waited = waitpid(pid, &status, 0);
    while (waited < 0 && errno == EINTR);
    if (waited != pid) {
        conformance_fail(__FILE__, __LINE__, "waitpid(%d) = %d: %s", pid, (int)waited, conformance_errno_name(errno));
        return -1;
    }
    return status;
}

void conformance_count_signal(int signal)
{
    conformance_last_signal = signal;
    ++conformance_signal_count;
}

#if BANOS_PROGRAM_ABI >= 2
long long conformance_monotonic_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}
#endif

/* Removes `path` and, for a directory, everything under it. */
static int remove_tree(const char* path)
{
    struct stat status;
    if (lstat(path, &status) != 0)
        return -1;
    if (!S_ISDIR(status.st_mode))
        return unlink(path);
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    /* Collect first: removing while reading would move the offsets. */
    char names[2048];
    size_t used = 0;
    char buffer[1024];
    int64_t n;
    while ((n = __banos_slot_getdents(fd, buffer, sizeof(buffer))) > 0) {
        for (int64_t offset = 0; offset < n;) {
            const struct banos_v1_dirent* entry = (const struct banos_v1_dirent*)(buffer + offset);
            size_t length = strlen(entry->d_name);
            if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, "..") && used + length + 1 < sizeof(names)) {
                memcpy(names + used, entry->d_name, length + 1);
                used += length + 1;
            }
            offset += entry->d_reclen;
        }
    }
    close(fd);
    int result = 0;
    for (size_t at = 0; at < used; at += strlen(names + at) + 1) {
        char child[256];
        snprintf(child, sizeof(child), "%s/%s", path, names + at);
        if (remove_tree(child) != 0)
            result = -1;
    }
    return rmdir(path) == 0 ? result : -1;
}

/* The first name left in the scratch directory (copied to `name`), 0 if it is empty. */
static int leftover(char* name, size_t size)
{
    int fd = open(scratch, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return 0;
    char buffer[512];
    int64_t n;
    int found = 0;
    while (!found && (n = __banos_slot_getdents(fd, buffer, sizeof(buffer))) > 0) {
        for (int64_t offset = 0; offset < n && !found;) {
            const struct banos_v1_dirent* entry = (const struct banos_v1_dirent*)(buffer + offset);
            if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, "..")) {
                snprintf(name, size, "%s", entry->d_name);
                found = 1;
            }
            offset += entry->d_reclen;
        }
    }
    close(fd);
    return found;
}

/* Descriptors 0..63 open before the tests, as a bit mask. */
static uint64_t open_descriptors(void)
{
    uint64_t mask = 0;
    for (int fd = 0; fd < 64; ++fd)
        if (fcntl(fd, F_GETFD) >= 0)
            mask |= 1ull << fd;
    return mask;
}

/* What a test must not leave: files in the scratch directory, open
 * descriptors, children. Cleans up and reports the first. */
static void check_left_behind(uint64_t descriptors_before)
{
    (void)chdir("/");
    char left[64];
    if (leftover(left, sizeof(left))) {
        conformance_fail(__FILE__, __LINE__, "left %s/%s behind", scratch, left);
        (void)remove_tree(scratch);
        (void)mkdir(scratch, 0755);
    }
    uint64_t extra = open_descriptors() & ~descriptors_before;
    if (extra) {
        conformance_fail(__FILE__, __LINE__, "left descriptor %d open", __builtin_ctzll(extra));
        for (int fd = 0; fd < 64; ++fd)
            if (extra & (1ull << fd))
                close(fd);
    }
    int status;
    pid_t child = waitpid(-1, &status, WNOHANG);
    if (child != -1 || errno != ECHILD) {
        conformance_fail(__FILE__, __LINE__, "left a child process (waitpid(-1, WNOHANG) = %d)", (int)child);
        while (waitpid(-1, &status, WNOHANG) > 0) {
        }
    }
}

static int by_name(const void* a, const void* b)
{
    return strcmp(((const struct test*)a)->name, ((const struct test*)b)->name);
}

int conformance_child_main(int argc, char** argv);

int main(int argc, char** argv)
{
    if (argc >= 3 && strcmp(argv[1], "--child") == 0)
        return conformance_child_main(argc, argv);
    if (argc >= 1 && argv[0][0] == '/')
        conformance_program = argv[0];

    /* The same suite runs statically and dynamically linked (ld-elf sets AT_BASE). */
    printf("conformance: program ABI %d on kernel ABI %d, %s layer, %d tests, %s linked\n", BANOS_PROGRAM_ABI,
           conformance_kernel_abi(), conformance_always_traps() ? "always-trap" : "fast", test_count,
           getauxval(AT_BASE) ? "dynamically" : "statically");
    int failures = 0;
    if (registration_overflow) {
        printf("FAIL conformance.suite.registration: more than %d tests: raise kMaxTests\n", kMaxTests);
        ++failures;
    }

    snprintf(scratch, sizeof(scratch), "/tmp/conformance.%d", (int)getpid());
    (void)remove_tree(scratch);
    if (mkdir(scratch, 0755) != 0) {
        printf("FAIL conformance.suite.scratch: mkdir %s: %s\n", scratch, conformance_errno_name(errno));
        return failures + 1;
    }

    uint64_t descriptors = open_descriptors();
    qsort(tests, (size_t)test_count, sizeof(tests[0]), by_name);
    for (int i = 0; i < test_count; ++i) {
        current_failed = 0;
        current_why[0] = 0;
        /* Every test starts from the same state: in the scratch
         * directory, umask 022, no signals blocked, errno 0. */
        if (chdir(scratch) != 0)
            conformance_fail(__FILE__, __LINE__, "chdir %s: %s", scratch, conformance_errno_name(errno));
        umask(022);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        errno = 0;
        if (!current_failed)
            tests[i].function();
        check_left_behind(descriptors);
        if (current_failed) {
            printf("FAIL conformance.%s: %s\n", tests[i].name, current_why);
            ++failures;
        } else {
            printf("PASS conformance.%s\n", tests[i].name);
        }
        fflush(stdout);
    }

    if (remove_tree(scratch) == 0) {
        printf("PASS conformance.suite.no_files_left\n");
    } else {
        printf("FAIL conformance.suite.no_files_left: cannot remove %s: %s\n", scratch,
               conformance_errno_name(errno));
        ++failures;
    }
    printf("conformance: %d failed\n", failures);
    return failures;
}
