/* The layer itself: its version word, the syscall counter, errno through
 * the TCB, and the heart of the design: calls that need no kernel
 * authority do not enter the kernel when the kernel shares its pages. */
#include "conformance.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>
#if BANOS_PROGRAM_ABI >= 2
#include <sched.h>
#include <sys/time.h>
#include <sys/utsname.h>
#endif

/* Whether the kernel was booted with syslayer=trap (every process then gets
 * the always-trap layer), as /proc/cmdline shows. */
static int kernel_option_always_trap(void)
{
    char line[512];
    int fd = open("/proc/cmdline", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, line, sizeof line - 1) : -1;
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return 0;
    line[n] = 0;
    for (char* word = strtok(line, " \n"); word; word = strtok(NULL, " \n"))
        if (strcmp(word, "syslayer=trap") == 0)
            return 1;
    return 0;
}

TEST(layer, version, "syslayer_version")
{
    int word = __banos_slot_syslayer_version();
    int program = (word >> 8) & 0xff, kernel = word & 0xff, trap = (word >> 16) & 1;
    EXPECT(program == BANOS_PROGRAM_ABI, "the layer serves program ABI %d, this program is ABI %d", program,
           BANOS_PROGRAM_ABI);
    EXPECT(kernel >= 1 && kernel <= 3, "kernel ABI %d", kernel);
    EXPECT(word >> 17 == 0, "unknown bits in the version word %#x", word);
    const char* wanted = getenv("BANOS_SYSLAYER");
    int asked = (wanted && strcmp(wanted, "trap") == 0) || kernel_option_always_trap();
    EXPECT(trap == asked, "always-trap bit %d, BANOS_SYSLAYER=%s, kernel option syslayer=trap %d", trap,
           wanted ? wanted : "(unset)", kernel_option_always_trap());
    EXPECT(syslayer_version() == word, "libc's syslayer_version() disagrees with the slot");
}

TEST(layer, auxiliary_vector, "syslayer_version")
{
    EXPECT((int)getauxval(AT_BANOS_PROGRAM_ABI) == BANOS_PROGRAM_ABI, "AT_BANOS_PROGRAM_ABI %lu",
           getauxval(AT_BANOS_PROGRAM_ABI));
    unsigned long window = getauxval(AT_BANOS_WINDOW);
    EXPECT(window != 0 && window % 4096 == 0, "AT_BANOS_WINDOW %#lx", window);
    /* Slot k is at window offset k * 16. */
    EXPECT((unsigned long)&__banos_slot_syslayer_version == window, "slot 0 at %p, window at %#lx",
           (void*)&__banos_slot_syslayer_version, window);
    EXPECT((unsigned long)&__banos_slot_getpid == window + 4 * 16, "slot 4 (getpid) at %p, window at %#lx",
           (void*)&__banos_slot_getpid, window);
    EXPECT(getauxval(AT_PAGESZ) == 4096, "AT_PAGESZ %lu", getauxval(AT_PAGESZ));
}

TEST(layer, syscall_count, "banos_syscall_count close")
{
    uint64_t first = __banos_slot_banos_syscall_count();
    uint64_t second = __banos_slot_banos_syscall_count();
    EXPECT(first > 0 && second >= first, "counter %llu then %llu", (unsigned long long)first,
           (unsigned long long)second);
    /* One call that must enter the kernel (close of a bad descriptor),
     * between two readings. Without shared pages reading the counter
     * traps too, and counts itself. */
    uint64_t before = __banos_slot_banos_syscall_count();
    errno = 0;
    int closed = __banos_slot_close(-1);
    uint64_t after = __banos_slot_banos_syscall_count();
    uint64_t expected = conformance_fast_paths() ? 1 : 2;
    EXPECT(closed == -1 && errno == EBADF, "close(-1) = %d, errno %s", closed, conformance_errno_name(errno));
    EXPECT(after - before == expected, "one trapping call counted %llu, expected %llu",
           (unsigned long long)(after - before), (unsigned long long)expected);
}

TEST(layer, errno_through_the_tcb, "write")
{
    /* errno lives where the TCB's errno pointer (offset 0x10) says, and
     * the layer writes it on failure only. */
    int* location = &errno;
    int* tcb_target;
    __asm__ volatile("mov %%fs:0x10, %0" : "=r"(tcb_target));
    EXPECT(location == tcb_target, "&errno %p, TCB errno_ptr %p", (void*)location, (void*)tcb_target);
    errno = 12345;
    int64_t n = __banos_slot_write(1, "", 0);
    EXPECT(n == 0 && errno == 12345, "write(1, \"\", 0) = %lld, errno %d", (long long)n, errno);
    n = __banos_slot_write(-1, "x", 1);
    EXPECT(n == -1 && errno == EBADF, "write(-1) = %lld, errno %s", (long long)n, conformance_errno_name(errno));
    errno = 777;
    (void)__banos_slot_getpid();
    (void)__banos_slot_time(NULL);
    EXPECT(errno == 777, "errno %d after calls that succeeded", errno);
}

/* Rounds of calls per measurement: enough that one stray trap shows. */
enum { kRounds = 200 };

static void expect_entries(uint64_t entered, uint64_t calls, const char* what)
{
    if (conformance_fast_paths()) {
        EXPECT(entered == 0, "%s entered the kernel %llu times in %d rounds", what, (unsigned long long)entered,
               kRounds);
    } else {
        /* Every call traps, and so does reading the counter the second time. */
        EXPECT(entered == calls + 1, "%s: %llu kernel entries, expected %llu (every call traps)", what,
               (unsigned long long)entered, (unsigned long long)(calls + 1));
    }
}

TEST(layer, fast_paths_identity, "getpid getppid getuid geteuid getgid getegid time banos_syscall_count")
{
    uint64_t before = __banos_slot_banos_syscall_count();
    for (int i = 0; i < kRounds; ++i) {
        (void)__banos_slot_getpid();
        (void)__banos_slot_getppid();
        (void)__banos_slot_getuid();
        (void)__banos_slot_geteuid();
        (void)__banos_slot_getgid();
        (void)__banos_slot_getegid();
        (void)__banos_slot_time(NULL);
    }
    expect_entries(__banos_slot_banos_syscall_count() - before, 7ull * kRounds, "ids and time");
}

#if BANOS_PROGRAM_ABI >= 2
TEST(layer, fast_paths_clocks, "time64 clock_gettime gettimeofday uname banos_syscall_count")
{
    static const int clocks[] = { BANOS_V2_CLOCK_REALTIME, BANOS_V2_CLOCK_MONOTONIC, BANOS_V2_CLOCK_REALTIME_COARSE,
                                  BANOS_V2_CLOCK_MONOTONIC_COARSE };
    uint64_t before = __banos_slot_banos_syscall_count();
    for (int i = 0; i < kRounds; ++i) {
        struct banos_v2_timespec t;
        for (int c = 0; c < 4; ++c)
            (void)__banos_slot_clock_gettime(clocks[c], &t);
        (void)__banos_slot_time64(NULL);
        struct banos_v2_timeval tv;
        (void)__banos_slot_gettimeofday(&tv, NULL);
        struct banos_v2_utsname name;
        (void)__banos_slot_uname(&name);
    }
    expect_entries(__banos_slot_banos_syscall_count() - before, 7ull * kRounds, "clocks and uname");
}

TEST(layer, fast_paths_cpu, "sched_getcpu sysconf banos_syscall_count")
{
    uint64_t before = __banos_slot_banos_syscall_count();
    for (int i = 0; i < kRounds; ++i) {
        (void)__banos_slot_sched_getcpu();
        (void)__banos_slot_sysconf(BANOS_SC_NPROCESSORS_ONLN);
    }
    expect_entries(__banos_slot_banos_syscall_count() - before, 2ull * kRounds, "sched_getcpu and sysconf");
}
#endif
