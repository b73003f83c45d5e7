// A stand-in syscall layer that lets banos programs run as Linux processes
// on the build host, for testing libc's start code, relocation, stdio, exit
// and errno paths before a banos kernel can run them. TEST ONLY: it is the
// one place in user space with `syscall` instructions, and it is never
// linked into a real program.
//
// From .preinit_array (after libc has relocated a static PIE, before any
// constructor) it makes the window writable and executable, writes into
// slot k a jump to linux_<name> for every slot of this ABI's slots.def, and
// gives the process a banos TCB through arch_prctl(ARCH_SET_FS). Built with
// -fno-stack-protector: the TCB (and its stack guard) do not exist until
// install_layer has run.
#include <abi-versions/common/tcb.h>
#include <abi-versions/common/window.h>
#include <banos/slots.h>
#include <stdint.h>

extern "C" char __banos_window[] __attribute__((visibility("hidden")));

namespace {

// Linux x86_64 system call numbers.
constexpr long nr_read = 0;
constexpr long nr_write = 1;
constexpr long nr_mprotect = 10;
constexpr long nr_getpid = 39;
constexpr long nr_uname = 63;
constexpr long nr_getuid = 102;
constexpr long nr_geteuid = 107;
constexpr long nr_getppid = 110;
constexpr long nr_arch_prctl = 158;
constexpr long nr_time = 201;
constexpr long nr_clock_gettime = 228;
constexpr long nr_exit_group = 231;
constexpr long arch_set_fs = 0x1002;

banos_tcb initial_tcb __attribute__((aligned(64)));
uint64_t syscall_count;

long linux_syscall(long number, long a = 0, long b = 0, long c = 0)
{
    long result;
    register long r10 asm("r10") = 0;
    asm volatile("syscall" : "=a"(result) : "a"(number), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    ++syscall_count;
    return result;
}

// The layer's convention: -1 and errno (through the TCB) on failure.
long result_of(long value)
{
    if (value < 0 && value > -4096) {
        int* errno_pointer;
        asm("movq %%fs:%c1, %0" : "=r"(errno_pointer) : "i"(BANOS_TCB_ERRNO_PTR));
        *errno_pointer = static_cast<int>(-value);
        return -1;
    }
    return value;
}

} // namespace

// Every slot's stand-in, declared from slots.def so the signatures match.
#define SLOT(number, result, name, parameters, arguments) static result linux_##name parameters;
#include BANOS_PROGRAM_SLOTS_DEF
#undef SLOT

static int32_t linux_syslayer_version(void)
{
    return 0;
}

static void linux__exit(int32_t status)
{
    linux_syscall(nr_exit_group, status);
    __builtin_trap();
}

static int64_t linux_read(int32_t fd, void* buffer, uint64_t count)
{
    return result_of(linux_syscall(nr_read, fd, reinterpret_cast<long>(buffer), static_cast<long>(count)));
}

static int64_t linux_write(int32_t fd, const void* buffer, uint64_t count)
{
    return result_of(linux_syscall(nr_write, fd, reinterpret_cast<long>(buffer), static_cast<long>(count)));
}

static int32_t linux_getpid(void)
{
    return static_cast<int32_t>(linux_syscall(nr_getpid));
}

static int32_t linux_getppid(void)
{
    return static_cast<int32_t>(linux_syscall(nr_getppid));
}

static uint32_t linux_getuid(void)
{
    return static_cast<uint32_t>(linux_syscall(nr_getuid));
}

static uint32_t linux_geteuid(void)
{
    return static_cast<uint32_t>(linux_syscall(nr_geteuid));
}

static int32_t linux_time(int32_t* out)
{
    auto now = static_cast<int32_t>(linux_syscall(nr_time));
    if (out != nullptr)
        *out = now;
    return now;
}

static uint64_t linux_banos_syscall_count(void)
{
    return syscall_count;
}

#ifdef BANOS_HAS_SLOT_time64
static int64_t linux_time64(int64_t* out)
{
    int64_t now = linux_syscall(nr_time);
    if (out != nullptr)
        *out = now;
    return now;
}
#endif

#ifdef BANOS_HAS_SLOT_clock_gettime
static int32_t linux_clock_gettime(int32_t clock, struct banos_v2_timespec* out)
{
    // Linux's clock ids and timespec layout are the ones program ABI 2 uses.
    return static_cast<int32_t>(result_of(linux_syscall(nr_clock_gettime, clock, reinterpret_cast<long>(out))));
}
#endif

#ifdef BANOS_HAS_SLOT_uname
static int32_t linux_uname(struct banos_v2_utsname* out)
{
    char names[6][65]; // Linux adds domainname
    long result = result_of(linux_syscall(nr_uname, reinterpret_cast<long>(names)));
    if (result == 0)
        __builtin_memcpy(out, names, sizeof *out);
    return static_cast<int32_t>(result);
}
#endif

namespace {

void install_layer(int, char**, char**)
{
    if (linux_syscall(nr_mprotect, reinterpret_cast<long>(__banos_window), BANOS_WINDOW_SIZE, 7) != 0)
        linux_syscall(nr_exit_group, 125);
    // Slot k: movabs $linux_<name>, %rax; jmp *%rax
    auto install = [](unsigned number, void* target) {
        auto* slot = reinterpret_cast<unsigned char*>(__banos_window + number * BANOS_SLOT_SIZE);
        auto address = reinterpret_cast<uint64_t>(target);
        slot[0] = 0x48;
        slot[1] = 0xb8;
        for (int i = 0; i < 8; ++i)
            slot[2 + i] = static_cast<unsigned char>(address >> (8 * i));
        slot[10] = 0xff;
        slot[11] = 0xe0;
    };
#define SLOT(number, result, name, parameters, arguments) install(number, reinterpret_cast<void*>(&linux_##name));
#include BANOS_PROGRAM_SLOTS_DEF
#undef SLOT

    initial_tcb.self = &initial_tcb;
    initial_tcb.errno_ptr = &initial_tcb.errno_value;
    initial_tcb.stack_guard = 0x00c0ffee5eed5a5aull;
    if (linux_syscall(nr_arch_prctl, arch_set_fs, reinterpret_cast<long>(&initial_tcb)) != 0)
        linux_syscall(nr_exit_group, 126);
}

__attribute__((section(".preinit_array"), used)) void (*install_entry)(int, char**, char**) = install_layer;

} // namespace
