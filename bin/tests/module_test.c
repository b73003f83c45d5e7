/* banos modules from a program (run by the GRUB-booted modules test after
 * the shell installed the samples): the malformed-module suite (each file
 * refused with the right errno, exactly one kernel log line naming the
 * problem, free memory and the kernel heap's allocation count unchanged),
 * then the installed samples: /proc/modules, the devices, the prober's
 * counts, reinstalling (EEXIST) and installing as a user (EPERM); then
 * schedstat and the scheduler hook. Prints "PASS modules.<check>" /
 * "FAIL ...: why". */
#include <banos.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK_GROUP "modules"
#include "check.h"

/* Static buffers, touched before any measurement, so the test's own memory
 * does not move the kernel's free count. */
static unsigned char g_module[64 * 1024];
static char g_log[80 * 1024];
static char g_text[16 * 1024];

static ssize_t read_into(const char* path, void* buffer, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    size_t done = 0;
    for (;;) {
        ssize_t n = read(fd, (char*)buffer + done, size - done);
        if (n <= 0)
            break;
        done += (size_t)n;
        if (done == size)
            break;
    }
    close(fd);
    return (ssize_t)done;
}

static const char* text_of(const char* path)
{
    ssize_t n = read_into(path, g_text, sizeof(g_text) - 1);
    g_text[n < 0 ? 0 : n] = 0;
    return g_text;
}

/* Free memory in kB and the kernel heap's live allocations (which catch a
 * leak of small kernel objects, such as a timer, that MemFree's pages do
 * not show). */
struct memory {
    long free_kb;
    long heap_allocations;
};

static long meminfo_field(const char* meminfo, const char* field)
{
    const char* at = strstr(meminfo, field);
    return at ? strtol(at + strlen(field), NULL, 10) : -1;
}

static struct memory memory_now(void)
{
    const char* meminfo = text_of("/proc/meminfo");
    struct memory now = { meminfo_field(meminfo, "MemFree:"), meminfo_field(meminfo, "KernelHeapAllocations:") };
    return now;
}

/* The kernel log's lines after the last line seen in `before` that mention
 * "module:"; *first gets the first of them. */
static char g_last_line[256];
static void remember_log_end(void)
{
    ssize_t n = read_into("/proc/kmsg", g_log, sizeof(g_log) - 1);
    g_log[n < 0 ? 0 : n] = 0;
    char* end = g_log + strlen(g_log);
    if (end > g_log && end[-1] == '\n')
        --end;
    char* start = end;
    while (start > g_log && start[-1] != '\n')
        --start;
    size_t length = (size_t)(end - start) < sizeof(g_last_line) - 1 ? (size_t)(end - start) : sizeof(g_last_line) - 1;
    memcpy(g_last_line, start, length);
    g_last_line[length] = 0;
}

static int new_module_lines(char* first, size_t first_size)
{
    ssize_t n = read_into("/proc/kmsg", g_log, sizeof(g_log) - 1);
    g_log[n < 0 ? 0 : n] = 0;
    char* from = NULL;
    for (char* at = strstr(g_log, g_last_line); at; at = strstr(at + 1, g_last_line))
        from = at;
    if (!from)
        return -1;
    from = strchr(from, '\n');
    int count = 0;
    first[0] = 0;
    while (from && *from) {
        char* line = from + 1;
        char* end = strchr(line, '\n');
        if (!end)
            break;
        *end = 0;
        if (strstr(line, "module:")) {
            if (count == 0)
                snprintf(first, first_size, "%s", line);
            ++count;
        }
        *end = '\n';
        from = end;
    }
    return count;
}

struct refusal {
    const char* file;
    int error;
    const char* says; /* the log line names the problem */
};

static const struct refusal k_refusals[] = {
    { "/system/modules/malformed/truncated.ko", ENOEXEC, "truncated file" },
    { "/system/modules/malformed/wrong-machine.ko", ENOEXEC, "wrong machine 3" },
    { "/system/modules/malformed/wrong-type.ko", ENOEXEC, "wrong ELF type 2" },
    { "/system/modules/malformed/section-outside-file.ko", ENOEXEC, "lies outside the file" },
    { "/system/modules/malformed/bad-string-index.ko", ENOEXEC, "bad string-table index" },
    { "/system/modules/malformed/unknown-relocation.ko", ENOEXEC, "unknown relocation type 34" },
    { "/system/modules/malformed/no-driver-record.ko", ENOEXEC, "no .banos-driver record" },
    { "/system/modules/tests/pc32_overflow.ko", ENOEXEC, "R_X86_64_PC32 to 'banos_pc32_far_away' does not fit" },
    { "/system/modules/tests/failing_init.ko", ENXIO, "'failing_init' init failed" },
    /* Its timers and scheduler hook ran, and must be gone with it (one left
     * behind would call freed code: the kernel would not get through the
     * next tick). Another error than ENXIO names a check of its init. */
    { "/system/modules/tests/failing_timer.ko", ENXIO, "'failing_timer' init failed" },
    { "/system/modules/tests/needs_absent.ko", ENOENT, "requires module 'absent', which is not installed" },
    { "/system/modules/tests/missing_symbol.ko", ENOENT, "needs symbol 'banos_no_such_function'" },
    { "/system/modules/tests/newer_api.ko", ENOEXEC, "needs banos API 1.99.0; this kernel has 1.1.0" },
};

static void malformed_suite(void)
{
    memset(g_module, 1, sizeof(g_module));
    memset(g_log, 1, sizeof(g_log));
    memset(g_text, 1, sizeof(g_text));
    char first[256];
    /* One refusal first, so anything the kernel makes once for the first
     * install (lazily) is made before measuring. */
    ssize_t warm = read_into(k_refusals[0].file, g_module, sizeof(g_module));
    if (warm > 0)
        (void)banos_install(g_module, (size_t)warm);
    for (size_t i = 0; i < sizeof(k_refusals) / sizeof(k_refusals[0]); ++i) {
        const struct refusal* r = &k_refusals[i];
        const char* name = strrchr(r->file, '/') + 1;
        char check[96];
        ssize_t size = read_into(r->file, g_module, sizeof(g_module));
        snprintf(check, sizeof(check), "malformed.%s.readable", name);
        if (size <= 0) {
            CHECK(check, 0, "cannot read %s: %s", r->file, strerror(errno));
            continue;
        }
        remember_log_end();
        struct memory before = memory_now();
        errno = 0;
        int result = banos_install(g_module, (size_t)size);
        int error = errno;
        struct memory after = memory_now();
        int lines = new_module_lines(first, sizeof(first));
        snprintf(check, sizeof(check), "malformed.%s.errno", name);
        CHECK(check, result == -1 && error == r->error, "result %d, errno %d (%s), expected %d (%s)", result, error,
              strerror(error), r->error, strerror(r->error));
        snprintf(check, sizeof(check), "malformed.%s.one_log_line", name);
        CHECK(check, lines == 1 && strstr(first, r->says), "%d new 'module:' lines, the first '%s'; expected one saying '%s'",
              lines, first, r->says);
        snprintf(check, sizeof(check), "malformed.%s.memory_unchanged", name);
        CHECK(check, before.free_kb > 0 && before.free_kb == after.free_kb, "MemFree %ld kB before, %ld kB after",
              before.free_kb, after.free_kb);
        snprintf(check, sizeof(check), "malformed.%s.heap_unchanged", name);
        CHECK(check, before.heap_allocations > 0 && before.heap_allocations == after.heap_allocations,
              "%ld kernel heap allocations before, %ld after", before.heap_allocations, after.heap_allocations);
    }
    /* The device failing_init registered before failing is gone with it. */
    CHECK("failing_init_left_no_device", access("/dev/failing", F_OK) != 0 && errno == ENOENT,
          "/dev/failing exists after its module failed");
    CHECK("failing_init_not_listed", !strstr(text_of("/proc/modules"), "failing_init"),
          "/proc/modules lists a module whose init failed");
}

static int line_starts(const char* text, const char* prefix)
{
    size_t n = strlen(prefix);
    for (const char* line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (strncmp(line, prefix, n) == 0)
            return 1;
    return 0;
}

static unsigned long long count_of(const char* text, const char* call)
{
    size_t n = strlen(call);
    for (const char* line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (strncmp(line, call, n) == 0 && line[n] == ' ')
            return strtoull(line + n + 1, NULL, 10);
    return 0;
}

static int child_installs_as_user(void)
{
    ssize_t size = read_into("/system/modules/echodev.ko", g_module, sizeof(g_module));
    if (size <= 0 || setuid(1000) != 0)
        return 10;
    errno = 0;
    if (banos_install(g_module, (size_t)size) != -1 || errno != EPERM)
        return 11;
    return 0;
}

static void installed_samples(void)
{
    const char* modules = text_of("/proc/modules");
    CHECK("proc_modules.syscount_from_grub", line_starts(modules, "syscount 1.0 "), "/proc/modules:\n%s", modules);
    CHECK("proc_modules.echodev_exports_and_users",
          line_starts(modules, "echodev 1.0 ") && strstr(modules, " banos_echodev_append greeter\n"),
          "/proc/modules:\n%s", modules);
    CHECK("proc_modules.greeter_requires_echodev", line_starts(modules, "greeter 1.0 ") && strstr(modules, "greeter 1.0 "),
          "/proc/modules:\n%s", modules);

    /* The prober counts this program's reads. */
    char snapshot[4096];
    snprintf(snapshot, sizeof(snapshot), "%s", text_of("/dev/syscount"));
    unsigned long long reads = count_of(snapshot, "read");
    for (int i = 0; i < 10; ++i)
        (void)text_of("/proc/uptime");
    const char* later = text_of("/dev/syscount");
    unsigned long long reads_later = count_of(later, "read");
    CHECK("syscount.counts_reads", reads > 0 && reads_later >= reads + 20, "read %llu, then %llu after 20 more reads:\n%s",
          reads, reads_later, later);

    /* echodev: what is written reads back. */
    int fd = open("/dev/echo", O_RDWR);
    CHECK("echodev.opens", fd >= 0, "open /dev/echo: %s", strerror(errno));
    if (fd >= 0) {
        char back[64] = { 0 };
        int ok = write(fd, "from module_test", 16) == 16 && lseek(fd, 0, SEEK_SET) == 0
            && read(fd, back, sizeof(back) - 1) == 16 && strcmp(back, "from module_test") == 0;
        CHECK("echodev.write_then_read", ok, "read back '%s'", back);
        close(fd);
    }

    ssize_t size = read_into("/system/modules/echodev.ko", g_module, sizeof(g_module));
    errno = 0;
    CHECK("reinstall_is_eexist", size > 0 && banos_install(g_module, (size_t)size) == -1 && errno == EEXIST,
          "errno %d (%s)", errno, strerror(errno));

    pid_t child = fork();
    if (child == 0)
        _exit(child_installs_as_user());
    int status = -1;
    waitpid(child, &status, 0);
    CHECK("user_install_is_eperm", WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "child status %#x (10: setup failed, 11: not EPERM)", status);
}

/* schedstat, installed here after the refusal suite: its scheduler hook
 * attaches only if failing_timer's was detached (EBUSY otherwise), and it
 * counts the switches a sleep makes. */
static void scheduler_hook_sample(void)
{
    ssize_t size = read_into("/system/modules/schedstat.ko", g_module, sizeof(g_module));
    errno = 0;
    int installed = size > 0 ? banos_install(g_module, (size_t)size) : -1;
    CHECK("schedstat.installs_after_failing_timer", installed == 0, "size %zd, errno %d (%s)", size, errno,
          strerror(errno));
    if (installed != 0)
        return;
    unsigned long long before = count_of(text_of("/dev/schedstat"), "switches");
    struct timespec nap = { 0, 20 * 1000 * 1000 };
    nanosleep(&nap, NULL);
    const char* after_text = text_of("/dev/schedstat");
    unsigned long long after = count_of(after_text, "switches");
    CHECK("schedstat.counts_switches_across_a_sleep", after >= before + 2,
          "switches %llu before a 20 ms sleep, then:\n%s", before, after_text);
    CHECK("proc_modules.timer_samples", line_starts(text_of("/proc/modules"), "schedstat 1.0 ")
          && line_starts(g_text, "heartbeat 1.0 "), "/proc/modules:\n%s", g_text);
}

int main(void)
{
    malformed_suite();
    installed_samples();
    scheduler_hook_sample();
    printf("modules: %s\n", failures ? "FAILED" : "all checks passed");
    return failures ? 1 : 0;
}
