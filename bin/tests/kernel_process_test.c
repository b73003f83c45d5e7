/* Kernel behaviour seen from a program: fork and copy-on-write, exec,
 * waitpid statuses, signals (handlers, masks, default actions, SIGCHLD,
 * EINTR), sleeping, memory mappings and their protection, stack growth,
 * the locked window, and the rule that only the layer may enter the
 * kernel; from program ABI 3, alarm, sigpending and posix_spawn (a kernel
 * spawn, or the layer's fork-and-exec emulation on kernels without one).
 * It calls the stub-table slots directly (banos/slots.h), so it tests the
 * kernel and the layer, not libc; it is built for every program ABI.
 * Prints "PASS kernel_process.<check>" / "FAIL ...: why". */
#include <banos/slots.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

static char big_buffer[1 << 20];
static volatile int shared_value = 1;

#define CHECK_GROUP "kernel_process"
#include "check.h"

#define EXITED(status) (((status) & 0x7f) == 0)
#define EXIT_CODE(status) (((status) >> 8) & 0xff)
#define SIGNALED(status) (((status) & 0x7f) != 0 && ((status) & 0x7f) != 0x7f)
#define TERM_SIGNAL(status) ((status) & 0x7f)

static int wait_child(int pid)
{
    int32_t status = -1;
    int got = __banos_slot_waitpid(pid, &status, 0);
    return got == pid ? status : -1;
}

static int run_child(void (*body)(void))
{
    int pid = __banos_slot_fork();
    if (pid == 0) {
        body();
        __banos_slot__exit(0);
    }
    return pid > 0 ? wait_child(pid) : -1;
}

static void check_fork(void)
{
    int parent = __banos_slot_getpid();
    int pid = __banos_slot_fork();
    if (pid == 0) {
        /* The child's ids, through whatever path the layer takes. */
        int ok = __banos_slot_getppid() == parent && __banos_slot_getpid() != parent;
        __banos_slot__exit(ok ? 42 : 1);
    }
    int status = wait_child(pid);
    CHECK("fork.child_exit_status", pid > 0 && EXITED(status) && EXIT_CODE(status) == 42,
          "fork %d, status %#x", pid, status);
    int32_t again = 0;
    errno = 0;
    CHECK("fork.reaped_once", __banos_slot_waitpid(pid, &again, 0) == -1 && errno == ECHILD, "errno %d", errno);
}

static void check_copy_on_write(void)
{
    shared_value = 1;
    memset(big_buffer, 'p', sizeof(big_buffer));
    int pid = __banos_slot_fork();
    if (pid == 0) {
        shared_value = 2;
        memset(big_buffer, 'c', sizeof(big_buffer));
        __banos_slot__exit(shared_value == 2 && big_buffer[12345] == 'c' ? 0 : 1);
    }
    int status = wait_child(pid);
    int intact = shared_value == 1;
    for (size_t i = 0; i < sizeof(big_buffer); i += 4096)
        intact = intact && big_buffer[i] == 'p';
    CHECK("cow.child_writes_its_own_copy", EXITED(status) && EXIT_CODE(status) == 0, "status %#x", status);
    CHECK("cow.parent_keeps_its_pages", intact, "the child's writes reached the parent");
    /* And the parent can still write after sharing. */
    big_buffer[0] = 'q';
    CHECK("cow.parent_writes_after_fork", big_buffer[0] == 'q', "write lost");
}

static void exec_hello(void)
{
    char* argv[] = { (char*)"/bin/hello", (char*)"from-exec", 0 };
    char* envp[] = { (char*)"TEST=1", 0 };
    __banos_slot_execve("/bin/hello", argv, envp);
    __banos_slot__exit(99);
}

static void check_exec(void)
{
    int status = run_child(exec_hello);
    CHECK("exec.runs_a_program", EXITED(status) && EXIT_CODE(status) == 0, "status %#x", status);
    errno = 0;
    char* argv[] = { (char*)"/nonexistent", 0 };
    int result = __banos_slot_execve("/nonexistent", argv, argv + 1);
    CHECK("exec.missing_file", result == -1 && errno == ENOENT, "result %d errno %d", result, errno);
    errno = 0;
    result = __banos_slot_execve("/bin/hello-noabi", argv, argv + 1);
    CHECK("exec.unknown_abi", result == -1 && errno == ENOEXEC, "result %d errno %d", result, errno);
}

static volatile int handled_signal;
static volatile int handler_count;
static void handler(int signal)
{
    handled_signal = signal;
    ++handler_count;
}

static int install(int signal, void (*function)(int), uint64_t flags)
{
    struct banos_v1_sigaction action = { (uint64_t)(uintptr_t)function, flags, 0 };
    return __banos_slot_sigaction(signal, &action, 0);
}

static void check_signal_handlers(void)
{
    CHECK("signal.install", install(BANOS_SIGUSR1, handler, 0) == 0, "errno %d", errno);
    handled_signal = 0;
    int64_t marker = 0x1234567890ll;
    __banos_slot_kill(__banos_slot_getpid(), BANOS_SIGUSR1);
    CHECK("signal.handler_runs", handled_signal == BANOS_SIGUSR1, "handled %d", handled_signal);
    CHECK("signal.state_restored", marker == 0x1234567890ll, "a local changed across the handler");

    uint64_t block = 1ull << (BANOS_SIGUSR1 - 1), old = 0;
    __banos_slot_sigprocmask(BANOS_SIG_BLOCK, &block, &old);
    handled_signal = 0;
    __banos_slot_kill(__banos_slot_getpid(), BANOS_SIGUSR1);
    int while_blocked = handled_signal;
    __banos_slot_sigprocmask(BANOS_SIG_SETMASK, &old, 0);
    CHECK("signal.blocked_waits", while_blocked == 0 && handled_signal == BANOS_SIGUSR1,
          "while blocked %d, after %d", while_blocked, handled_signal);

    struct banos_v1_sigaction ignore = { BANOS_SIG_IGN, 0, 0 };
    __banos_slot_sigaction(BANOS_SIGUSR2, &ignore, 0);
    __banos_slot_kill(__banos_slot_getpid(), BANOS_SIGUSR2);
    CHECK("signal.ignored", 1, "%s", "still running");
    errno = 0;
    struct banos_v1_sigaction kill_action = { (uint64_t)(uintptr_t)handler, 0, 0 };
    CHECK("signal.sigkill_not_catchable", __banos_slot_sigaction(BANOS_SIGKILL, &kill_action, 0) == -1 && errno == EINVAL,
          "errno %d", errno);
}

static void sleep_forever(void)
{
    struct banos_v1_timespec long_time = { 60, 0 };
    __banos_slot_nanosleep(&long_time, 0);
}

static void write_null(void) { *(volatile int*)0 = 1; }

/* A signal that interrupts user code, not a call: the handler's sigreturn
 * must give back every register, rcx and r11 included, which the `syscall`
 * instruction itself clobbers (so the kernel must not return from that
 * sigreturn with sysret). This spins holding known values in rcx and r11
 * until the signal's handler has run; returns how many turns it took (0:
 * the signal came before the loop and proves nothing). */
static uint64_t spin_until_handled(uint64_t* rcx, uint64_t* r11)
{
    uint64_t spins;
    __asm__ volatile("mov $0x1234567812345678, %%rcx\n\t"
                     "mov $0x0badc0de0badc0de, %%r11\n\t"
                     "xor %[spins], %[spins]\n"
                     "1:\n\t"
                     "cmpl $0, %[flag]\n\t"
                     "jne 2f\n\t"
                     "inc %[spins]\n\t"
                     "cmp %[limit], %[spins]\n\t"
                     "jb 1b\n"
                     "2:\n\t"
                     "mov %%rcx, %[rcx]\n\t"
                     "mov %%r11, %[r11]\n\t"
                     : [rcx] "=m"(*rcx), [r11] "=m"(*r11), [spins] "=&r"(spins)
                     : [flag] "m"(handled_signal), [limit] "r"(4000000000ull)
                     : "rcx", "r11", "cc", "memory");
    return spins;
}

/* A child waits for the go-ahead, then signals this process, which by then
 * spins (on one CPU the child runs when the timer preempts the loop). */
static void check_interrupted_registers(void)
{
    install(BANOS_SIGUSR1, handler, 0);
    uint64_t rcx = 0, r11 = 0, spins = 0;
    int parent = __banos_slot_getpid();
    for (int attempt = 0; attempt < 5 && spins == 0; ++attempt) {
        int32_t go[2];
        if (__banos_slot_pipe(go) != 0)
            break;
        handled_signal = 0;
        int pid = __banos_slot_fork();
        if (pid == 0) {
            char byte;
            if (__banos_slot_read(go[0], &byte, 1) == 1)
                __banos_slot_kill(parent, BANOS_SIGUSR1);
            __banos_slot__exit(0);
        }
        __banos_slot_write(go[1], "x", 1);
        spins = spin_until_handled(&rcx, &r11);
        if (handled_signal != BANOS_SIGUSR1)
            spins = 0;
        wait_child(pid);
        __banos_slot_close(go[0]);
        __banos_slot_close(go[1]);
    }
    CHECK("signal.interrupted_registers_kept",
          spins > 0 && rcx == 0x1234567812345678ull && r11 == 0x0badc0de0badc0deull,
          "spins %llu, rcx %#llx, r11 %#llx", (unsigned long long)spins, (unsigned long long)rcx,
          (unsigned long long)r11);
}

static void check_default_actions(void)
{
    int pid = __banos_slot_fork();
    if (pid == 0) {
        sleep_forever();
        __banos_slot__exit(0);
    }
    struct banos_v1_timespec short_time = { 0, 20000000 };
    __banos_slot_nanosleep(&short_time, 0);
    __banos_slot_kill(pid, BANOS_SIGTERM);
    int status = wait_child(pid);
    CHECK("signal.default_terminates", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGTERM, "status %#x", status);

    status = run_child(write_null);
    CHECK("signal.segv_on_bad_access", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGSEGV, "status %#x", status);
}

static volatile int children_changed;
static void on_child(int signal)
{
    (void)signal;
    ++children_changed;
}

static void exit_quickly(void) {}

static void check_sigchld_and_eintr(void)
{
    children_changed = 0;
    install(BANOS_SIGCHLD, on_child, 0);
    int pid = __banos_slot_fork();
    if (pid == 0) {
        struct banos_v1_timespec wait = { 0, 30000000 };
        __banos_slot_nanosleep(&wait, 0);
        __banos_slot__exit(0);
    }
    struct banos_v1_timespec long_time = { 10, 0 }, remaining = { 0, 0 };
    errno = 0;
    int slept = __banos_slot_nanosleep(&long_time, &remaining);
    CHECK("signal.sleep_interrupted", slept == -1 && errno == EINTR && remaining.tv_sec >= 8,
          "nanosleep %d errno %d remaining %d s", slept, errno, remaining.tv_sec);
    CHECK("signal.sigchld_delivered", children_changed >= 1, "SIGCHLD count %d", children_changed);
    wait_child(pid);
    struct banos_v1_sigaction reset = { BANOS_SIG_DFL, 0, 0 };
    __banos_slot_sigaction(BANOS_SIGCHLD, &reset, 0);
    (void)exit_quickly;
}

static void check_sleep(void)
{
    int64_t before = __banos_slot_time(0);
    struct banos_v1_timespec duration = { 1, 100000000 };
    int slept = __banos_slot_nanosleep(&duration, 0);
    int64_t after = __banos_slot_time(0);
    CHECK("sleep.duration", slept == 0 && after - before >= 1 && after - before <= 3, "slept %d, %lld s",
          slept, (long long)(after - before));
}

static void touch_after_unmap(void)
{
    int64_t address = __banos_slot_mmap(0, 8192, BANOS_PROT_READ | BANOS_PROT_WRITE,
                                        BANOS_MAP_PRIVATE | BANOS_MAP_ANONYMOUS, -1, 0);
    ((volatile char*)(uintptr_t)address)[0] = 1;
    __banos_slot_munmap((uint64_t)address, 8192);
    ((volatile char*)(uintptr_t)address)[0] = 2;
}

static volatile char* read_only_page;
static void write_read_only(void) { read_only_page[0] = 1; }

static void check_memory(void)
{
    uint64_t size = 4 << 20;
    int64_t address = __banos_slot_mmap(0, size, BANOS_PROT_READ | BANOS_PROT_WRITE,
                                        BANOS_MAP_PRIVATE | BANOS_MAP_ANONYMOUS, -1, 0);
    int ok = address > 0;
    if (ok) {
        char* p = (char*)(uintptr_t)address;
        for (uint64_t i = 0; i < size; i += 4096)
            ok = ok && p[i] == 0;
        for (uint64_t i = 0; i < size; i += 4096)
            p[i] = (char)i;
        ok = ok && __banos_slot_munmap((uint64_t)address, size) == 0;
    }
    CHECK("memory.anonymous_mapping", ok, "address %#llx", (long long)address);

    int status = run_child(touch_after_unmap);
    CHECK("memory.unmapped_access_faults", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGSEGV, "status %#x", status);

    int64_t shared = __banos_slot_mmap(0, 4096, BANOS_PROT_READ | BANOS_PROT_WRITE,
                                       BANOS_MAP_SHARED | BANOS_MAP_ANONYMOUS, -1, 0);
    volatile int* word = (volatile int*)(uintptr_t)shared;
    *word = 1;
    int pid = __banos_slot_fork();
    if (pid == 0) {
        *word = 77;
        __banos_slot__exit(0);
    }
    wait_child(pid);
    CHECK("memory.shared_mapping_survives_fork", *word == 77, "parent sees %d", *word);

    int64_t page = __banos_slot_mmap(0, 4096, BANOS_PROT_READ | BANOS_PROT_WRITE,
                                     BANOS_MAP_PRIVATE | BANOS_MAP_ANONYMOUS, -1, 0);
    read_only_page = (volatile char*)(uintptr_t)page;
    read_only_page[0] = 5;
    CHECK("memory.mprotect", __banos_slot_mprotect((uint64_t)page, 4096, BANOS_PROT_READ) == 0, "errno %d", errno);
    status = run_child(write_read_only);
    CHECK("memory.read_only_write_faults", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGSEGV, "status %#x",
          status);
    CHECK("memory.read_only_still_readable", read_only_page[0] == 5, "value %d", read_only_page[0]);

    errno = 0;
    CHECK("memory.bad_arguments", __banos_slot_mmap(0, 0, BANOS_PROT_READ, BANOS_MAP_PRIVATE | BANOS_MAP_ANONYMOUS, -1, 0) == -1
              && errno == EINVAL, "errno %d", errno);
}

static void check_window_is_locked(void)
{
    uint64_t window = getauxval(AT_BANOS_WINDOW);
    errno = 0;
    int result = __banos_slot_munmap(window, 4096);
    CHECK("window.munmap_refused", result == -1 && errno == EPERM, "munmap %d errno %d", result, errno);
    errno = 0;
    result = __banos_slot_mprotect(window, 4096, BANOS_PROT_READ | BANOS_PROT_WRITE);
    CHECK("window.mprotect_refused", result == -1 && errno == EPERM, "mprotect %d errno %d", result, errno);
    errno = 0;
    int64_t mapped = __banos_slot_mmap(window, 4096, BANOS_PROT_READ | BANOS_PROT_WRITE,
                                       BANOS_MAP_PRIVATE | BANOS_MAP_ANONYMOUS | BANOS_MAP_FIXED, -1, 0);
    CHECK("window.remap_refused", mapped == -1 && errno == EPERM, "mmap %lld errno %d", (long long)mapped, errno);
}

static void write_window(void) { *(volatile char*)(uintptr_t)getauxval(AT_BANOS_WINDOW) = 0; }

static void raw_syscall(void)
{
    /* A system call from program code, not the layer: SIGSYS. */
    long result;
    __asm__ volatile("syscall" : "=a"(result) : "a"(4) : "rcx", "r11", "memory");
    __banos_slot__exit(0);
}

/* How many lines of the kernel log (/proc/kmsg) name `pid` and contain
 * `text`. */
static int kernel_log_lines(int pid, const char* text)
{
    static char log[65536];
    int fd = __banos_slot_open("/proc/kmsg", BANOS_O_RDONLY, 0);
    if (fd < 0)
        return -1;
    size_t size = 0;
    int64_t n;
    while (size < sizeof log - 1 && (n = __banos_slot_read(fd, log + size, sizeof log - 1 - size)) > 0)
        size += (size_t)n;
    __banos_slot_close(fd);
    log[size] = 0;
    char who[32];
    snprintf(who, sizeof who, "pid %d ", pid);
    int lines = 0;
    for (char* line = log; line && *line;) {
        char* end = strchr(line, '\n');
        if (end)
            *end = 0;
        if (strstr(line, who) && strstr(line, text))
            ++lines;
        line = end ? end + 1 : 0;
    }
    return lines;
}

static void check_only_the_layer_enters(void)
{
    int status = run_child(write_window);
    CHECK("window.write_faults", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGSEGV, "status %#x", status);
    int pid = __banos_slot_fork();
    if (pid == 0) {
        raw_syscall();
        __banos_slot__exit(0);
    }
    status = pid > 0 ? wait_child(pid) : -1;
    CHECK("window.syscall_outside_layer_sigsys", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGSYS, "status %#x",
          status);
    int lines = kernel_log_lines(pid, "is outside the syscall layer; SIGSYS");
    CHECK("window.syscall_outside_layer_logged_once", lines == 1, "%d log lines for pid %d", lines, pid);
}

static int recurse(int depth)
{
    volatile char frame[4096];
    frame[0] = (char)(depth & 0x7f);
    if (depth == 0)
        return frame[0];
    return recurse(depth - 1) + frame[0];
}

static void overflow_stack(void) { recurse(1 << 20); }

static void check_stack(void)
{
    CHECK("stack.grows", recurse(1024) >= 0, "%s", "recursion failed"); /* 4 MiB of frames */
    int status = run_child(overflow_stack);
    CHECK("stack.overflow_faults", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGSEGV, "status %#x", status);
}

static void check_groups_and_ids(void)
{
    int pid = __banos_slot_fork();
    if (pid == 0) {
        int ok = __banos_slot_setpgid(0, 0) == 0 && __banos_slot_getpgid(0) == __banos_slot_getpid();
        int sid = __banos_slot_setsid();
        ok = ok && sid == -1 && errno == EPERM; /* a group leader cannot start a session */
        __banos_slot__exit(ok ? 0 : 1);
    }
    int status = wait_child(pid);
    CHECK("groups.setpgid_and_setsid_rules", EXITED(status) && EXIT_CODE(status) == 0, "status %#x", status);

    pid = __banos_slot_fork();
    if (pid == 0) {
        int ok = __banos_slot_setsid() > 0 && __banos_slot_getsid(0) == __banos_slot_getpid()
            && __banos_slot_getpgid(0) == __banos_slot_getpid();
        __banos_slot__exit(ok ? 0 : 1);
    }
    status = wait_child(pid);
    CHECK("groups.new_session", EXITED(status) && EXIT_CODE(status) == 0, "status %#x", status);

    pid = __banos_slot_fork();
    if (pid == 0) {
        /* Dropping root: the fast path sees the new ids at once. */
        int ok = __banos_slot_setuid(1000) == 0 && __banos_slot_getuid() == 1000 && __banos_slot_geteuid() == 1000;
        errno = 0;
        ok = ok && __banos_slot_setuid(0) == -1 && errno == EPERM;
        __banos_slot__exit(ok ? 0 : 1);
    }
    status = wait_child(pid);
    CHECK("ids.setuid_root_only", EXITED(status) && EXIT_CODE(status) == 0, "status %#x", status);
}

static void check_orphans(void)
{
    int pid = __banos_slot_fork();
    if (pid == 0) {
        int parent = __banos_slot_getpid();
        int grandchild = __banos_slot_fork();
        if (grandchild == 0) {
            struct banos_v1_timespec wait = { 0, 50000000 };
            __banos_slot_nanosleep(&wait, 0);
            /* Its parent is gone: it now belongs to init (or the kernel). */
            __banos_slot__exit(__banos_slot_getppid() != parent ? 0 : 1);
        }
        __banos_slot__exit(grandchild > 0 ? 0 : 1);
    }
    int status = wait_child(pid);
    CHECK("orphans.parent_exits", EXITED(status) && EXIT_CODE(status) == 0, "status %#x", status);
    if (__banos_slot_getpid() != 1) {
        struct banos_v1_timespec wait = { 0, 150000000 };
        __banos_slot_nanosleep(&wait, 0);
        return;
    }
    /* Started by the kernel as init: the orphan is ours to reap, and it saw
     * its parent change. */
    int orphan = __banos_slot_waitpid(-1, &status, 0);
    CHECK("orphans.reparented_to_init", orphan > pid && EXITED(status) && EXIT_CODE(status) == 0,
          "waitpid %d status %#x", orphan, status);
}

#if BANOS_PROGRAM_ABI >= 3
static volatile int alarms;
static void on_alarm(int signal)
{
    (void)signal;
    ++alarms;
}

static void sleep_ms(int milliseconds)
{
    struct banos_v2_timespec duration = { milliseconds / 1000, (milliseconds % 1000) * 1000000ll };
    __banos_slot_nanosleep64(&duration, 0);
}

static void check_alarm(void)
{
    install(BANOS_SIGALRM, on_alarm, 0);
    alarms = 0;
    uint32_t before = __banos_slot_alarm(1);
    int64_t start = __banos_slot_time64(0);
    while (alarms == 0 && __banos_slot_time64(0) - start < 5)
        __banos_slot_pause();
    CHECK("alarm.delivers_sigalrm", before == 0 && alarms == 1, "previous %u, %d alarms", before, alarms);
    CHECK("alarm.gone_once_delivered", __banos_slot_alarm(0) == 0, "%s", "an alarm was still set");

    __banos_slot_alarm(10);
    sleep_ms(1100);
    uint32_t left = __banos_slot_alarm(0);
    /* 8.9 s rounds up to 9 (less if the emulator overslept). */
    CHECK("alarm.cancel_returns_seconds_left", left >= 7 && left <= 9, "left %u", left);
    CHECK("alarm.cancelled", __banos_slot_alarm(0) == 0 && alarms == 1, "alarms %d", alarms);

    /* fork's child starts without the parent's alarm. */
    __banos_slot_alarm(30);
    int pid = __banos_slot_fork();
    if (pid == 0)
        __banos_slot__exit(__banos_slot_alarm(0) == 0 ? 0 : 1);
    int status = wait_child(pid);
    CHECK("alarm.not_inherited_by_fork", EXITED(status) && EXIT_CODE(status) == 0 && __banos_slot_alarm(0) >= 29,
          "status %#x", status);
    struct banos_v1_sigaction reset = { BANOS_SIG_DFL, 0, 0 };
    __banos_slot_sigaction(BANOS_SIGALRM, &reset, 0);

    /* exec keeps it: a program that sleeps dies of it. */
    pid = __banos_slot_fork();
    if (pid == 0) {
        __banos_slot_alarm(1);
        char* argv[] = { (char*)"/bin/sleep", (char*)"5", 0 };
        char* envp[] = { 0 };
        __banos_slot_execve("/bin/sleep", argv, envp);
        __banos_slot__exit(99);
    }
    status = wait_child(pid);
    CHECK("alarm.kept_across_exec", SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGALRM, "status %#x", status);
}

static void check_sigpending(void)
{
    uint64_t usr1 = 1ull << (BANOS_SIGUSR1 - 1), old = 0, pending = ~0ull;
    install(BANOS_SIGUSR1, handler, 0);
    __banos_slot_sigprocmask(BANOS_SIG_BLOCK, &usr1, &old);
    int empty = __banos_slot_sigpending(&pending) == 0 && pending == 0;
    handled_signal = 0;
    __banos_slot_kill(__banos_slot_getpid(), BANOS_SIGUSR1);
    int listed = __banos_slot_sigpending(&pending) == 0 && pending == usr1;
    __banos_slot_sigprocmask(BANOS_SIG_SETMASK, &old, 0);
    CHECK("sigpending.lists_blocked_signals", empty && listed && handled_signal == BANOS_SIGUSR1,
          "pending %#llx handled %d", (unsigned long long)pending, handled_signal);
    errno = 0;
    CHECK("sigpending.bad_pointer", __banos_slot_sigpending((uint64_t*)8) == -1 && errno == EFAULT, "errno %d", errno);
}

/* A no-zombie check: nothing of ours is left to wait for. */
static int no_children(void)
{
    int32_t status = 0;
    errno = 0;
    return __banos_slot_waitpid(-1, &status, BANOS_WNOHANG) == -1 && errno == ECHILD;
}

static void check_spawn(void)
{
    char* hello_argv[] = { (char*)"/bin/hello", 0 };
    char* envp[] = { (char*)"SPAWNED=1", 0 };
    int32_t pid = 0;
    int result = __banos_slot_posix_spawn(&pid, "/bin/hello", 0, 0, hello_argv, envp);
    int status = result == 0 ? wait_child(pid) : -1;
    CHECK("spawn.runs_a_program", result == 0 && pid > 0 && EXITED(status) && EXIT_CODE(status) == 0,
          "result %d errno %d status %#x", result, errno, status);

    /* Actions in order: open a file onto fd 1 (truncating), dup it onto
     * 2, chdir; echo writes into the file through the new stdout. */
    const char* path = "/tmp/kernel_process_spawned";
    struct banos_v3_spawn_action actions[] = {
        { BANOS_SPAWN_ACTION_OPEN, 1, 0, BANOS_O_WRONLY | BANOS_O_CREAT | BANOS_O_TRUNC, 0640, 0, path },
        { BANOS_SPAWN_ACTION_DUP2, 2, 1, 0, 0, 0, 0 },
        { BANOS_SPAWN_ACTION_CLOSE, 50, 0, 0, 0, 0, 0 }, /* not open: no error */
        { BANOS_SPAWN_ACTION_CHDIR, -1, 0, 0, 0, 0, "/tmp" },
    };
    struct banos_v3_spawn_actions list = { 4, 0, actions };
    char* echo_argv[] = { (char*)"/bin/echo", (char*)"spawned", 0 };
    result = __banos_slot_posix_spawn(&pid, "/bin/echo", &list, 0, echo_argv, envp);
    status = result == 0 ? wait_child(pid) : -1;
    char text[32] = { 0 };
    int fd = __banos_slot_open(path, BANOS_O_RDONLY, 0);
    int64_t got = fd >= 0 ? __banos_slot_read(fd, text, sizeof text - 1) : -1;
    __banos_slot_close(fd);
    CHECK("spawn.file_actions", result == 0 && EXITED(status) && EXIT_CODE(status) == 0 && got == 8
              && strcmp(text, "spawned\n") == 0, "result %d errno %d status %#x text '%s'", result, errno, status, text);

    /* Program failures and action failures are the call's, and no child
     * is left behind. */
    int error;
    errno = 0;
    result = __banos_slot_posix_spawn(&pid, "/nonexistent", 0, 0, hello_argv, envp);
    error = errno;
    CHECK("spawn.missing_program", result == -1 && error == ENOENT && no_children(), "result %d errno %d", result,
          error);
    errno = 0;
    result = __banos_slot_posix_spawn(&pid, "/bin/hello-noabi", 0, 0, hello_argv, envp);
    error = errno;
    CHECK("spawn.no_layer", result == -1 && error == ENOEXEC && no_children(), "result %d errno %d", result, error);
    struct banos_v3_spawn_action bad_open[] = {
        { BANOS_SPAWN_ACTION_OPEN, 3, 0, BANOS_O_RDONLY, 0, 0, "/nonexistent/file" },
    };
    struct banos_v3_spawn_actions bad_list = { 1, 0, bad_open };
    errno = 0;
    result = __banos_slot_posix_spawn(&pid, "/bin/hello", &bad_list, 0, hello_argv, envp);
    error = errno;
    CHECK("spawn.failed_action", result == -1 && error == ENOENT && no_children(), "result %d errno %d", result, error);
    struct banos_v3_spawn_action bad_dup[] = { { BANOS_SPAWN_ACTION_DUP2, 4, 60, 0, 0, 0, 0 } };
    struct banos_v3_spawn_actions bad_dup_list = { 1, 0, bad_dup };
    errno = 0;
    result = __banos_slot_posix_spawn(&pid, "/bin/hello", &bad_dup_list, 0, hello_argv, envp);
    error = errno;
    CHECK("spawn.bad_descriptor", result == -1 && error == EBADF && no_children(), "result %d errno %d", result, error);

    /* Attributes: a group of its own (pgroup 0). */
    struct banos_v3_spawn_attributes attributes = { BANOS_SPAWN_SETPGROUP, 0, 0, 0 };
    char* sleep_argv[] = { (char*)"/bin/sleep", (char*)"1", 0 };
    result = __banos_slot_posix_spawn(&pid, "/bin/sleep", 0, &attributes, sleep_argv, envp);
    int group = result == 0 ? __banos_slot_getpgid(pid) : -1;
    status = result == 0 ? wait_child(pid) : -1;
    CHECK("spawn.setpgroup", result == 0 && group == pid && EXITED(status), "result %d group %d pid %d status %#x",
          result, group, pid, status);
    attributes.flags = 0x4000;
    errno = 0;
    result = __banos_slot_posix_spawn(&pid, "/bin/sleep", 0, &attributes, sleep_argv, envp);
    CHECK("spawn.unknown_flag", result == -1 && errno == EINVAL && no_children(), "result %d errno %d", result, errno);

    /* The signal mask is inherited unless set; caught signals are reset:
     * a blocked SIGTERM stays pending in the child, so sleep survives it. */
    uint64_t term = 1ull << (BANOS_SIGTERM - 1), old = 0;
    __banos_slot_sigprocmask(BANOS_SIG_BLOCK, &term, &old);
    result = __banos_slot_posix_spawn(&pid, "/bin/sleep", 0, 0, sleep_argv, envp);
    __banos_slot_sigprocmask(BANOS_SIG_SETMASK, &old, 0);
    if (result == 0)
        __banos_slot_kill(pid, BANOS_SIGTERM);
    status = result == 0 ? wait_child(pid) : -1;
    CHECK("spawn.inherits_mask", result == 0 && EXITED(status) && EXIT_CODE(status) == 0, "result %d status %#x",
          result, status);
    attributes.flags = BANOS_SPAWN_SETSIGMASK;
    attributes.sigmask = 0;
    __banos_slot_sigprocmask(BANOS_SIG_BLOCK, &term, &old);
    result = __banos_slot_posix_spawn(&pid, "/bin/sleep", 0, &attributes, sleep_argv, envp);
    __banos_slot_sigprocmask(BANOS_SIG_SETMASK, &old, 0);
    if (result == 0)
        __banos_slot_kill(pid, BANOS_SIGTERM);
    status = result == 0 ? wait_child(pid) : -1;
    CHECK("spawn.setsigmask", result == 0 && SIGNALED(status) && TERM_SIGNAL(status) == BANOS_SIGTERM,
          "result %d status %#x", result, status);
    __banos_slot_unlink(path);
}
#endif

/* Kernel ABI 3: a call that has to wait is left pending by SUBMIT and
 * finished by AWAIT, a second kernel entry; other kernels wait inside the
 * one entry. Counted with the syscall counter, less what reading the
 * counter costs (one entry in the always-trap layer). */
static int kernel_abi(void) { return __banos_slot_syslayer_version() & 0xff; }

static uint64_t counter_cost(void)
{
    uint64_t first = __banos_slot_banos_syscall_count();
    return __banos_slot_banos_syscall_count() - first;
}

/* Whether /proc/<pid>/status says "S (sleeping)" within about 5 s. */
static int wait_until_sleeping(int pid)
{
    char path[64], text[512];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    for (int tries = 0; tries < 500; ++tries) {
        int fd = __banos_slot_open(path, BANOS_O_RDONLY, 0);
        int64_t n = fd >= 0 ? __banos_slot_read(fd, text, sizeof text - 1) : -1;
        if (fd >= 0)
            __banos_slot_close(fd);
        if (n > 0) {
            text[n] = 0;
            if (strstr(text, "State:\tS"))
                return 1;
        }
        struct banos_v1_timespec pause_10ms = { 0, 10000000 };
        __banos_slot_nanosleep(&pause_10ms, 0);
    }
    return 0;
}

static void check_pending_waitpid(void)
{
    uint64_t cost = counter_cost();
    int parent = __banos_slot_getpid();
    int pid = __banos_slot_fork();
    if (pid == 0)
        __banos_slot__exit(wait_until_sleeping(parent) ? 5 : 1);
    uint64_t before = __banos_slot_banos_syscall_count();
    int32_t status = -1;
    int got = __banos_slot_waitpid(pid, &status, 0);
    uint64_t entries = __banos_slot_banos_syscall_count() - before - cost;
    uint64_t expected = kernel_abi() == 3 ? 2 : 1;
    CHECK("pending.waitpid_that_waits", got == pid && EXITED(status) && EXIT_CODE(status) == 5 && entries == expected,
          "waitpid %d status %#x, %llu kernel entries (expected %llu)", got, status, (unsigned long long)entries,
          (unsigned long long)expected);

    /* A child that is already gone: SUBMIT's probe reaps it, one entry. */
    pid = __banos_slot_fork();
    if (pid == 0)
        __banos_slot__exit(6);
    char path[64], text[512];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    for (int tries = 0; tries < 500; ++tries) {
        int fd = __banos_slot_open(path, BANOS_O_RDONLY, 0);
        int64_t n = fd >= 0 ? __banos_slot_read(fd, text, sizeof text - 1) : -1;
        if (fd >= 0)
            __banos_slot_close(fd);
        if (n > 0 && (text[n] = 0, strstr(text, "State:\tZ")))
            break;
        struct banos_v1_timespec pause_10ms = { 0, 10000000 };
        __banos_slot_nanosleep(&pause_10ms, 0);
    }
    before = __banos_slot_banos_syscall_count();
    status = -1;
    got = __banos_slot_waitpid(pid, &status, 0);
    entries = __banos_slot_banos_syscall_count() - before - cost;
    CHECK("pending.waitpid_for_a_zombie", got == pid && EXITED(status) && EXIT_CODE(status) == 6 && entries == 1,
          "waitpid %d status %#x, %llu kernel entries", got, status, (unsigned long long)entries);
}

/* SA_RESTART while a call waits: the handler makes calls of its own (on
 * kernel ABI 3, messages of its own), and the interrupted wait still
 * resumes and finishes, as on every kernel. */
static volatile int restart_handler_calls;
static void restart_handler(int signal)
{
    (void)signal;
    /* One call that finishes at once and one that waits (on kernel ABI 3,
     * a message of its own left pending). */
    struct banos_v1_timespec nap = { 0, 1000000 };
    if (__banos_slot_getpgid(0) > 0 && __banos_slot_nanosleep(&nap, 0) == 0)
        restart_handler_calls = 1;
    else
        restart_handler_calls = -1;
}

static void check_restart_with_calls_in_handler(void)
{
    restart_handler_calls = 0;
    install(BANOS_SIGUSR1, restart_handler, BANOS_SA_RESTART);
    int parent = __banos_slot_getpid();
    int pid = __banos_slot_fork();
    if (pid == 0) {
        if (!wait_until_sleeping(parent))
            __banos_slot__exit(1);
        __banos_slot_kill(parent, BANOS_SIGUSR1);
        struct banos_v1_timespec pause = { 0, 50000000 };
        __banos_slot_nanosleep(&pause, 0);
        __banos_slot__exit(7);
    }
    int32_t status = -1;
    errno = 0;
    int got = __banos_slot_waitpid(pid, &status, 0);
    CHECK("signal.restart_with_calls_in_handler",
          got == pid && EXITED(status) && EXIT_CODE(status) == 7 && restart_handler_calls == 1,
          "waitpid %d errno %d status %#x, handler %d", got, errno, status, restart_handler_calls);
    struct banos_v1_sigaction reset = { BANOS_SIG_DFL, 0, 0 };
    __banos_slot_sigaction(BANOS_SIGUSR1, &reset, 0);
}

#if BANOS_PROGRAM_ABI >= 2
static int always_traps(void) { return (__banos_slot_syslayer_version() >> 16) & 1; }

/* sched_getcpu and sysconf(_SC_NPROCESSORS_ONLN) come from the kpmap on
 * kernels 2 and 3 (rdtscp's CPU number, the CPU count): no kernel entry. */
static void check_cpu_fast_paths(void)
{
    enum { kCalls = 1000 };
    uint64_t cost = counter_cost();
    int64_t online = __banos_slot_sysconf(BANOS_SC_NPROCESSORS_ONLN);
    int cpu = __banos_slot_sched_getcpu();
    CHECK("cpu.values", online >= 1 && cpu >= 0 && cpu < online, "sysconf %lld, sched_getcpu %d", (long long)online,
          cpu);
    uint64_t before = __banos_slot_banos_syscall_count();
    for (int i = 0; i < kCalls; ++i) {
        (void)__banos_slot_sched_getcpu();
        (void)__banos_slot_sysconf(BANOS_SC_NPROCESSORS_ONLN);
    }
    uint64_t entries = __banos_slot_banos_syscall_count() - before - cost;
    uint64_t expected = kernel_abi() >= 2 && !always_traps() ? 0 : 2 * kCalls;
    CHECK(expected ? "cpu.every_call_traps" : "cpu.no_kernel_entries", entries == expected,
          "%d rounds of sched_getcpu and sysconf entered the kernel %llu times (expected %llu)", kCalls,
          (unsigned long long)entries, (unsigned long long)expected);
}
#endif

int main(void)
{
    check_fork();
    check_copy_on_write();
    check_exec();
    check_signal_handlers();
    check_interrupted_registers();
    check_default_actions();
    check_sigchld_and_eintr();
    check_sleep();
    check_memory();
    check_window_is_locked();
    check_only_the_layer_enters();
    check_stack();
    check_groups_and_ids();
    check_orphans();
    check_pending_waitpid();
    check_restart_with_calls_in_handler();
#if BANOS_PROGRAM_ABI >= 2
    check_cpu_fast_paths();
#endif
#if BANOS_PROGRAM_ABI >= 3
    check_alarm();
    check_sigpending();
    check_spawn();
#endif
    printf("kernel_process: %d failed\n", failures);
    return failures;
}
