/* ld-elf's tests, run in the VM as a dynamically linked program of ABI 3
 * that needs libdlneeded.so and dlopens the rest (see mk/dl-tests.mk).
 * Prints PASS dl.<name> or FAIL dl.<name>: why, and exits 1 if any failed. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <banos.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern __thread int dlneeded_tls_general;
extern __thread int dlneeded_tls_initial;
extern int dlneeded_table[4];
extern int dlneeded_constructed;
int* dlneeded_tls_general_address(void);
int* dlneeded_tls_initial_address(void);
char* dlneeded_tls_zero_address(void);
int* dlneeded_table_address(void);

static __thread int program_tls = 5;
static int failures;
static int needed_constructed_first;

__attribute__((constructor)) static void program_constructor(void) { needed_constructed_first = dlneeded_constructed; }

static void result(const char* name, int ok, const char* why)
{
    if (ok) {
        printf("PASS dl.%s\n", name);
    } else {
        printf("FAIL dl.%s: %s\n", name, why);
        ++failures;
    }
}

#define CHECK(name, condition, ...)                              \
    do {                                                         \
        char why_[512];                                          \
        snprintf(why_, sizeof why_, __VA_ARGS__);                \
        result(name, (condition), why_);                         \
    } while (0)

static void test_start(void)
{
    CHECK("start.interpreter", getauxval(AT_BASE) != 0, "AT_BASE is 0: no interpreter ran");
    CHECK("start.init_order", needed_constructed_first, "the program's constructor ran before its library's");
    CHECK("start.tls", program_tls == 5 && dlneeded_tls_general == 42 && dlneeded_tls_initial == 7,
          "TLS values %d %d %d", program_tls, dlneeded_tls_general, dlneeded_tls_initial);
    dlneeded_tls_general = 43;
    dlneeded_tls_initial = 8;
    int zero = 1;
    for (int i = 0; i < 64; ++i)
        zero &= dlneeded_tls_zero_address()[i] == 0;
    CHECK("start.tls_models",
          dlneeded_tls_general_address() == &dlneeded_tls_general && *dlneeded_tls_general_address() == 43
              && dlneeded_tls_initial_address() == &dlneeded_tls_initial && *dlneeded_tls_initial_address() == 8 && zero,
          "the library and the program see different TLS");
    CHECK("start.copy_relocation",
          dlneeded_table[2] == 33 && dlneeded_table_address() == dlneeded_table,
          "table %d at %p, the library's at %p", dlneeded_table[2], (void*)dlneeded_table, (void*)dlneeded_table_address());
}

static int destroyed;
static void on_destruction(void) { ++destroyed; }

static void test_dlopen(void)
{
    void* handle = dlopen("libdltest.so", RTLD_NOW | RTLD_LOCAL);
    CHECK("dlopen.open", handle != NULL, "dlopen: %s", dlerror());
    if (!handle)
        return;
    int (*add)(int, int) = (int (*)(int, int))dlsym(handle, "dltest_add");
    int* data = (int*)dlsym(handle, "dltest_data");
    int (*constructed)(void) = (int (*)(void))dlsym(handle, "dltest_constructed");
    CHECK("dlsym.function", add && add(2, 3) == 5, "dltest_add %p", (void*)add);
    CHECK("dlsym.data", data && *data == 1234, "dltest_data %p", (void*)data);
    CHECK("dlopen.constructor", constructed && constructed() == 1, "constructor ran %d times",
          constructed ? constructed() : -1);

    int (*tls_get)(void) = (int (*)(void))dlsym(handle, "dltest_tls_get");
    void (*tls_set)(int) = (void (*)(int))dlsym(handle, "dltest_tls_set");
    int* tls = (int*)dlsym(handle, "dltest_tls");
    CHECK("dlopen.tls", tls_get && tls_set && tls && tls_get() == 42 && *tls == 42, "dynamic TLS starts at %d",
          tls_get ? tls_get() : -1);
    if (tls_set && tls_get && tls) {
        tls_set(77);
        CHECK("dlopen.tls_get_addr", tls_get() == 77 && *tls == 77, "after setting 77: %d, dlsym's address %d",
              tls_get(), *tls);
    }

    CHECK("dlsym.local", dlsym(RTLD_DEFAULT, "dltest_add") == NULL,
          "an RTLD_LOCAL object's symbol is in the global scope");
    char* error = dlerror();
    CHECK("dlerror.global_scope", error && strstr(error, "dltest_add"), "dlerror: %s", error ? error : "(null)");

    CHECK("dlsym.missing", dlsym(handle, "no_such_symbol") == NULL, "found a symbol that is not there");
    error = dlerror();
    CHECK("dlerror.names_object_and_symbol", error && strstr(error, "no_such_symbol") && strstr(error, "libdltest.so"),
          "dlerror: %s", error ? error : "(null)");
    CHECK("dlerror.cleared", dlerror() == NULL, "dlerror gave a message twice");

    Dl_info info;
    int found = dladdr((void*)add, &info);
    CHECK("dladdr.library", found && info.dli_fname && strstr(info.dli_fname, "libdltest.so") && info.dli_sname
                                && strcmp(info.dli_sname, "dltest_add") == 0 && info.dli_saddr == (void*)add,
          "dladdr: %d %s %s", found, found ? info.dli_fname : "", found && info.dli_sname ? info.dli_sname : "");
    found = dladdr((void*)&test_dlopen, &info);
    CHECK("dladdr.program", found && info.dli_fname && strstr(info.dli_fname, "dltest"), "dladdr: %d %s", found,
          found ? info.dli_fname : "");
    CHECK("dladdr.nowhere", dladdr((void*)16, &info) == 0, "dladdr found an object at address 16");

    void* again = dlopen("libdltest.so", RTLD_LAZY);
    CHECK("dlopen.same_handle", again == handle, "a second dlopen gave %p, the first %p", again, handle);
    CHECK("dlopen.constructor_once", constructed() == 1, "constructor ran %d times", constructed());

    void (*on)(void (*)(void)) = (void (*)(void (*)(void)))dlsym(handle, "dltest_on_destruction");
    if (on)
        on(on_destruction);
    CHECK("dlclose.first", dlclose(again) == 0 && destroyed == 0 && add(1, 1) == 2,
          "the first of two dlcloses unloaded the object");
    CHECK("dlclose.last", dlclose(handle) == 0 && destroyed == 1, "the destructor ran %d times", destroyed);
    CHECK("dlclose.stale_handle", dlsym(handle, "dltest_add") == NULL && dlclose(handle) != 0,
          "a closed handle still works");
    dlerror();

    void* global = dlopen("libdltest.so", RTLD_NOW | RTLD_GLOBAL);
    int (*fresh)(void) = global ? (int (*)(void))dlsym(global, "dltest_constructed") : NULL;
    CHECK("dlopen.reload", global && fresh && fresh() == 1, "reloading after dlclose: %s",
          global ? "constructor count wrong" : dlerror());
    CHECK("dlsym.global", global && dlsym(RTLD_DEFAULT, "dltest_add") != NULL,
          "an RTLD_GLOBAL object's symbol is not in the global scope");
    CHECK("dlopen.noload", dlopen("libdltest.so", RTLD_NOW | RTLD_NOLOAD) == global, "RTLD_NOLOAD gave another handle");
    void* self = dlopen(NULL, RTLD_NOW);
    CHECK("dlopen.self", self && dlsym(self, "dlneeded_table_address") == (void*)dlneeded_table_address,
          "dlopen(NULL) does not see the program's libraries");
}

static void test_errors(void)
{
    CHECK("dlopen.bad_mode", dlopen("libdltest.so", 0) == NULL, "dlopen with mode 0 worked");
    char* error = dlerror();
    CHECK("dlopen.bad_mode_message", error && strstr(error, "RTLD_"), "dlerror: %s", error ? error : "(null)");
    CHECK("dlopen.missing", dlopen("libnothere.so", RTLD_NOW) == NULL, "dlopen of a missing library worked");
    error = dlerror();
    CHECK("dlopen.missing_message", error && strstr(error, "libnothere.so"), "dlerror: %s", error ? error : "(null)");
    CHECK("dlopen.bad_elf", dlopen("/lib/libdlbad.so", RTLD_NOW) == NULL, "dlopen of a text file worked");
    error = dlerror();
    CHECK("dlopen.bad_elf_message", error && strstr(error, "libdlbad.so") && strstr(error, "not a valid shared object"),
          "dlerror: %s", error ? error : "(null)");
    CHECK("dlopen.missing_symbol", dlopen("/lib/libdlsym-user.so", RTLD_NOW) == NULL,
          "dlopen of a library with an unresolvable symbol worked");
    error = dlerror();
    CHECK("dlopen.missing_symbol_message", error && strstr(error, "dlsym_new") && strstr(error, "libdlsym-user.so"),
          "dlerror: %s", error ? error : "(null)");
}

static void test_mixed_abi(void)
{
    void* handle = dlopen("libdlmixed.so", RTLD_NOW);
    CHECK("mixed.open", handle != NULL, "dlopen: %s", handle ? "" : dlerror());
    if (!handle)
        return;
    int (*program_abi)(void) = (int (*)(void))dlsym(handle, "mixed_program_abi");
    int (*libc_version)(void) = (int (*)(void))dlsym(handle, "mixed_libc_version");
    int (*slot_version)(void) = (int (*)(void))dlsym(handle, "mixed_slot_version");
    int (*mixed_getpid)(void) = (int (*)(void))dlsym(handle, "mixed_getpid");
    void* (*snprintf_address)(void) = (void* (*)(void))dlsym(handle, "mixed_snprintf_address");
    int (*stat_size)(const char*) = (int (*)(const char*))dlsym(handle, "mixed_stat_size");
    int (*format)(char*, int, int) = (int (*)(char*, int, int))dlsym(handle, "mixed_format");
    if (!program_abi || !libc_version || !slot_version || !mixed_getpid || !snprintf_address || !stat_size || !format) {
        result("mixed.symbols", 0, "a mixed_* function is missing");
        return;
    }
    int mine = syslayer_version(), theirs = libc_version(), their_slot = slot_version();
    CHECK("mixed.program_abis", program_abi() == 1 && BANOS_PROGRAM_ABI == 3, "library ABI %d, program ABI %d",
          program_abi(), BANOS_PROGRAM_ABI);
    CHECK("mixed.own_layers", ((mine >> 8) & 0xff) == 3 && ((theirs >> 8) & 0xff) == 1 && their_slot == theirs,
          "layer words: program %#x, library's libc %#x, library's window %#x", mine, theirs, their_slot);
    CHECK("mixed.same_kernel", (mine & 0xff) == (theirs & 0xff), "kernel ABIs %d and %d", mine & 0xff, theirs & 0xff);
    CHECK("mixed.getpid", mixed_getpid() == getpid(), "pid %d through ABI 1, %d through ABI 3", mixed_getpid(), getpid());
    Dl_info info;
    CHECK("mixed.binds_own_libc", dladdr(snprintf_address(), &info) && strstr(info.dli_fname, "libc.so.1")
                                      && dladdr((void*)&snprintf, &info) && strstr(info.dli_fname, "libc.so.3"),
          "the library's snprintf is in %s", dladdr(snprintf_address(), &info) ? info.dli_fname : "nothing");
    struct stat status;
    int size = stat_size("/lib/libdlmixed.so");
    CHECK("mixed.stat", size > 0 && stat("/lib/libdlmixed.so", &status) == 0 && status.st_size == size,
          "ABI 1 stat says %d bytes", size);
    char text[32];
    CHECK("mixed.libc", format(text, sizeof text, 99) == 7 && strcmp(text, "abi1:99") == 0, "formatted '%s'", text);
    CHECK("mixed.close", dlclose(handle) == 0, "dlclose: %s", dlerror());
}

/* Each round loads libdlmixed.so and its libc.so.1, two objects with
 * windows, and dlclose unloads both: their layers must go too, or the
 * process runs out of layers (it may hold 32 at once) after about 15
 * rounds. */
static void test_unload_windows(void)
{
    char why[256] = "";
    void* window = NULL;
    for (int round = 0; round < 100 && !why[0]; ++round) {
        void* handle = dlopen("libdlmixed.so", RTLD_NOW);
        if (!handle) {
            snprintf(why, sizeof why, "round %d: dlopen: %s", round, dlerror());
            break;
        }
        int (*mixed_getpid)(void) = (int (*)(void))dlsym(handle, "mixed_getpid");
        int (*slot_version)(void) = (int (*)(void))dlsym(handle, "mixed_slot_version");
        void* (*mixed_window)(void) = (void* (*)(void))dlsym(handle, "mixed_window");
        if (!mixed_getpid || !slot_version || !mixed_window)
            snprintf(why, sizeof why, "round %d: a mixed_* function is missing", round);
        else if (mixed_getpid() != getpid() || ((slot_version() >> 8) & 0xff) != 1)
            snprintf(why, sizeof why, "round %d: pid %d, layer word %#x", round, mixed_getpid(), slot_version());
        else
            window = mixed_window();
        if (dlclose(handle) != 0 && !why[0])
            snprintf(why, sizeof why, "round %d: dlclose: %s", round, dlerror());
    }
    CHECK("unload.window_cycles", !why[0], "%s", why);
    if (!window)
        return;
    /* The last round's window went with its layer: its stub table is no
     * code any more. */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        ((int (*)(void))window)();
        _exit(0);
    }
    int status = 0;
    CHECK("unload.window_gone", pid > 0 && waitpid(pid, &status, 0) == pid && WIFSIGNALED(status)
                                    && WTERMSIG(status) == SIGSEGV,
          "calling the closed library's slot 0: status %#x", status);
}

/* The program's exit status and its standard error. */
static int run(const char* path, char* output, size_t size)
{
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0)
        return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    char* argv[] = { (char*)path, NULL };
    pid_t pid;
    int spawned = posix_spawn(&pid, path, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    size_t used = 0;
    ssize_t got;
    while (used + 1 < size && (got = read(pipe_fds[0], output + used, size - 1 - used)) > 0)
        used += (size_t)got;
    output[used] = 0;
    close(pipe_fds[0]);
    if (spawned != 0)
        return -1;
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 256 + status;
}

static size_t kernel_log_size(void)
{
    int fd = open("/proc/kmsg", O_RDONLY);
    size_t total = 0;
    char buffer[512];
    ssize_t got;
    while (fd >= 0 && (got = read(fd, buffer, sizeof buffer)) > 0)
        total += (size_t)got;
    if (fd >= 0)
        close(fd);
    return total;
}

static void test_start_errors(void)
{
    struct {
        const char* name;
        const char* path;
        const char* words[2];
    } cases[] = {
        { "start_error.missing_library", "/bin/dl-missing-library", { "libdlgone.so", "dl-missing-library" } },
        { "start_error.missing_symbol", "/bin/dl-missing-symbol", { "dlsym_new", "dl-missing-symbol" } },
        { "start_error.bad_elf", "/bin/dl-bad-elf", { "libdlbad.so", "not a valid shared object" } },
    };
    size_t log_before = kernel_log_size();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char output[512];
        int status = run(cases[i].path, output, sizeof output);
        int lines = 0;
        for (char* p = output; *p; ++p)
            lines += *p == '\n';
        CHECK(cases[i].name,
              status == 127 && lines == 1 && strncmp(output, "ld-elf: ", 8) == 0 && strstr(output, cases[i].words[0])
                  && strstr(output, cases[i].words[1]),
              "exit status %d, message '%.200s'", status, output);
    }
    size_t log_after = kernel_log_size();
    CHECK("start_error.kernel_log_quiet", log_after == log_before, "the kernel log grew by %zu bytes",
          log_after - log_before);
}

int main(void)
{
    test_start();
    test_dlopen();
    test_errors();
    test_mixed_abi();
    test_unload_windows();
    test_start_errors();
    printf("dl: %d failed\n", failures);
    return failures ? 1 : 0;
}
