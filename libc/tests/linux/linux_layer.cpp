// A stand-in syscall layer that lets banos programs run as Linux processes
// on the build host, so libc's wrappers run against a real kernel before a
// banos kernel can run them. TEST ONLY: it is the one place in user space
// with `syscall` instructions, and it is never linked into a real program.
//
// It does what the banos layer does for a program ABI: implements every
// slot of this ABI's slots.def, translating between the ABI's structures
// (abi-versions/v<N>/program/types.h) and Linux's: stat into banos_v1_stat
// (32-bit times) or banos_v2_stat, getdents64 records into banos_v1_dirent,
// 32-bit timespecs, Linux's 19-character termios into banos_v1_termios,
// sigaction with the restorer (rt_sigreturn) Linux requires. Errors come
// back as -1 with errno stored through the TCB's errno_ptr (Linux's errno
// numbers are the ABI's).
//
// From .preinit_array (after libc has relocated a static PIE, before any
// constructor) it makes the window writable and executable, writes into
// slot k a jump to linux_<name> for every slot, and gives the process a
// banos TCB through arch_prctl(ARCH_SET_FS). Built with
// -fno-stack-protector: the TCB (and its stack guard) do not exist until
// install_layer has run.
#include <abi-versions/common/tcb.h>
#include <abi-versions/common/window.h>
#include <banos/slots.h>
#include <stdint.h>

extern "C" char __banos_window[] __attribute__((visibility("hidden")));

// Where a signal handler returns: rt_sigreturn (what SA_RESTORER names; the
// banos layer supplies its own return path the same way).
extern "C" void banos_linux_restorer() __attribute__((visibility("hidden")));
asm(R"(
    .text
    .type banos_linux_restorer, @function
banos_linux_restorer:
    movl $15, %eax
    syscall
    ud2
    .size banos_linux_restorer, . - banos_linux_restorer
)");

namespace {

// Linux x86_64 system call numbers.
namespace nr {
constexpr long read = 0, write = 1, open = 2, close = 3, stat = 4, fstat = 5, lstat = 6, lseek = 8, mmap = 9, pread64 = 17, pwrite64 = 18,
               mprotect = 10, munmap = 11, rt_sigaction = 13, rt_sigprocmask = 14, ioctl = 16, access = 21, pipe = 22,
               sched_yield = 24, dup = 32, dup2 = 33, pause = 34, nanosleep = 35, getpid = 39, fork = 57, execve = 59,
               wait4 = 61, kill = 62, uname = 63, fcntl = 72, ftruncate = 77, getcwd = 79, chdir = 80, rename = 82,
               mkdir = 83, rmdir = 84, link = 86, unlink = 87, chmod = 90, chown = 92, umask = 95, gettimeofday = 96,
               getuid = 102, getgid = 104, setuid = 105, setgid = 106, geteuid = 107, getegid = 108, setpgid = 109,
               getppid = 110, setsid = 112, getpgid = 121, getsid = 124, rt_sigsuspend = 130, arch_prctl = 158,
               time = 201, getdents64 = 217, clock_gettime = 228, exit_group = 231, openat = 257, mkdirat = 258,
               newfstatat = 262, unlinkat = 263, renameat = 264, faccessat = 269, dup3 = 292, pipe2 = 293,
               getcpu = 309, getrandom = 318, sched_getaffinity = 204, poll = 7, readv = 19, writev = 20,
               alarm = 37, exit = 60, fsync = 74, fchdir = 81, rt_sigpending = 127, clock_getres = 229,
               statx = 332;
} // namespace nr

constexpr long arch_set_fs = 0x1002;
constexpr uint64_t sa_restorer = 0x04000000;

banos_tcb initial_tcb __attribute__((aligned(64)));
uint64_t syscall_count;

long linux_syscall(long number, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0, long f = 0)
{
    long result;
    register long r10 asm("r10") = d;
    register long r8 asm("r8") = e;
    register long r9 asm("r9") = f;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                 : "rcx", "r11", "memory");
    ++syscall_count;
    return result;
}

template<typename T>
long word(T* pointer)
{
    return reinterpret_cast<long>(pointer);
}

void set_errno(int error)
{
    int* errno_pointer;
    asm("movq %%fs:%c1, %0" : "=r"(errno_pointer) : "i"(BANOS_TCB_ERRNO_PTR));
    *errno_pointer = error;
}

// The layer's convention: -1 and errno (through the TCB) on failure.
long result_of(long value)
{
    if (value < 0 && value > -4096) {
        set_errno(static_cast<int>(-value));
        return -1;
    }
    return value;
}

int32_t result32(long value)
{
    return static_cast<int32_t>(result_of(value));
}

// Linux's struct stat on x86_64.
struct LinuxStat {
    uint64_t dev, ino, nlink;
    uint32_t mode, uid, gid, pad0;
    uint64_t rdev;
    int64_t size, blksize, blocks;
    int64_t atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
    int64_t reserved[3];
};
static_assert(sizeof(LinuxStat) == 144);

constexpr int error_overflow = 75; // EOVERFLOW
constexpr int error_invalid = 22;  // EINVAL
constexpr int error_no_system = 38; // ENOSYS
constexpr int error_not_permitted = 1; // EPERM

// What banos_v1_stat and banos_v2_stat take alike from Linux's: all but
// the times (nlink and blksize narrowed to ABI 1's widths).
template<typename AbiStat>
AbiStat without_times(const LinuxStat& linux_stat)
{
    AbiStat stat {};
    stat.st_dev = linux_stat.dev;
    stat.st_ino = linux_stat.ino;
    stat.st_mode = linux_stat.mode;
    stat.st_nlink = static_cast<decltype(stat.st_nlink)>(linux_stat.nlink);
    stat.st_uid = linux_stat.uid;
    stat.st_gid = linux_stat.gid;
    stat.st_rdev = linux_stat.rdev;
    stat.st_size = linux_stat.size;
    stat.st_blksize = static_cast<decltype(stat.st_blksize)>(linux_stat.blksize);
    stat.st_blocks = linux_stat.blocks;
    return stat;
}

// The result of a Linux stat call into `linux_stat`, in ABI 1's layout.
int32_t convert(long result, const LinuxStat& linux_stat, banos_v1_stat* out)
{
    if (result < 0)
        return result32(result);
    const int64_t times[] = { linux_stat.atime, linux_stat.mtime, linux_stat.ctime };
    for (int64_t time : times) {
        if (time != static_cast<int32_t>(time)) {
            set_errno(error_overflow); // a 32-bit time cannot hold it
            return -1;
        }
    }
    auto stat = without_times<banos_v1_stat>(linux_stat);
    stat.st_atime = static_cast<int32_t>(linux_stat.atime);
    stat.st_mtime = static_cast<int32_t>(linux_stat.mtime);
    stat.st_ctime = static_cast<int32_t>(linux_stat.ctime);
    *out = stat;
    return 0;
}

#ifdef BANOS_HAS_SLOT_stat64
// The same in ABI 2's.
int32_t convert(long result, const LinuxStat& linux_stat, banos_v2_stat* out)
{
    if (result < 0)
        return result32(result);
    auto stat = without_times<banos_v2_stat>(linux_stat);
    stat.st_atim = { linux_stat.atime, linux_stat.atime_nsec };
    stat.st_mtim = { linux_stat.mtime, linux_stat.mtime_nsec };
    stat.st_ctim = { linux_stat.ctime, linux_stat.ctime_nsec };
    *out = stat;
    return 0;
}
#endif

// Linux's stat, fstat or lstat (`call`) of `target`, a path or a
// descriptor, in the layout of `out`.
template<typename AbiStat>
int32_t stat_call(long call, long target, AbiStat* out)
{
    LinuxStat linux_stat;
    return convert(linux_syscall(call, target, word(&linux_stat)), linux_stat, out);
}

} // namespace

// Every slot's stand-in, declared from slots.def so the signatures match.
#define SLOT(number, result, name, parameters, arguments) static result linux_##name parameters;
#include BANOS_PROGRAM_SLOTS_DEF
#undef SLOT

static int32_t linux_syslayer_version(void) { return 0; }

static void linux__exit(int32_t status)
{
    linux_syscall(nr::exit_group, status);
    __builtin_trap();
}

static int64_t linux_read(int32_t fd, void* buffer, uint64_t count)
{
    return result_of(linux_syscall(nr::read, fd, word(buffer), static_cast<long>(count)));
}

static int64_t linux_write(int32_t fd, const void* buffer, uint64_t count)
{
    return result_of(linux_syscall(nr::write, fd, word(buffer), static_cast<long>(count)));
}

#ifdef BANOS_HAS_SLOT_pread64
static int64_t linux_pread64(int32_t fd, void* buffer, uint64_t count, int64_t offset)
{
    return result_of(linux_syscall(nr::pread64, fd, word(buffer), static_cast<long>(count), offset));
}

static int64_t linux_pwrite64(int32_t fd, const void* buffer, uint64_t count, int64_t offset)
{
    return result_of(linux_syscall(nr::pwrite64, fd, word(buffer), static_cast<long>(count), offset));
}
#endif

static int32_t linux_getpid(void) { return result32(linux_syscall(nr::getpid)); }
static int32_t linux_getppid(void) { return result32(linux_syscall(nr::getppid)); }
static uint32_t linux_getuid(void) { return static_cast<uint32_t>(linux_syscall(nr::getuid)); }
static uint32_t linux_geteuid(void) { return static_cast<uint32_t>(linux_syscall(nr::geteuid)); }
static uint32_t linux_getgid(void) { return static_cast<uint32_t>(linux_syscall(nr::getgid)); }
static uint32_t linux_getegid(void) { return static_cast<uint32_t>(linux_syscall(nr::getegid)); }

static int32_t linux_time(int32_t* out)
{
    auto now = static_cast<int32_t>(linux_syscall(nr::time));
    if (out != nullptr)
        *out = now;
    return now;
}

static uint64_t linux_banos_syscall_count(void) { return syscall_count; }

static int32_t linux_open(const char* path, int32_t flags, uint32_t mode)
{
    return result32(linux_syscall(nr::open, word(path), flags, mode));
}

static int32_t linux_close(int32_t fd) { return result32(linux_syscall(nr::close, fd)); }

static int64_t linux_lseek(int32_t fd, int64_t offset, int32_t whence)
{
    return result_of(linux_syscall(nr::lseek, fd, offset, whence));
}

static int32_t linux_stat(const char* path, struct banos_v1_stat* out) { return stat_call(nr::stat, word(path), out); }
static int32_t linux_fstat(int32_t fd, struct banos_v1_stat* out) { return stat_call(nr::fstat, fd, out); }
static int32_t linux_lstat(const char* path, struct banos_v1_stat* out) { return stat_call(nr::lstat, word(path), out); }

static int64_t linux_getdents(int32_t fd, void* buffer, uint64_t size)
{
    // Linux's getdents64 records (d_ino, d_off, d_reclen, d_type, name),
    // rewritten one by one into banos_v1_dirent records. A banos record is
    // never longer than Linux's for the same name, so what fits Linux's
    // count fits the caller's buffer.
    alignas(8) char linux_records[4096];
    uint64_t asked = size < sizeof linux_records ? size : sizeof linux_records;
    long got = linux_syscall(nr::getdents64, fd, word(linux_records), static_cast<long>(asked));
    if (got <= 0)
        return result_of(got);
    auto* out = static_cast<char*>(buffer);
    uint64_t written = 0;
    for (long position = 0; position < got;) {
        const char* record = linux_records + position;
        uint64_t inode;
        int64_t offset;
        uint16_t length;
        __builtin_memcpy(&inode, record, 8);
        __builtin_memcpy(&offset, record + 8, 8);
        __builtin_memcpy(&length, record + 16, 2);
        auto type = static_cast<uint8_t>(record[18]);
        const char* name = record + 19;
        uint64_t name_length = __builtin_strlen(name);
        uint64_t banos_length = (__builtin_offsetof(banos_v1_dirent, d_name) + name_length + 1 + 7) & ~uint64_t(7);
        auto* entry = reinterpret_cast<banos_v1_dirent*>(out + written);
        entry->d_ino = inode;
        entry->d_off = offset;
        entry->d_reclen = static_cast<uint16_t>(banos_length);
        entry->d_type = type; // Linux's DT_* numbers are the ABI's
        __builtin_memcpy(entry->d_name, name, name_length + 1);
        written += banos_length;
        position += length;
    }
    return static_cast<int64_t>(written);
}

static int32_t linux_mkdir(const char* path, uint32_t mode) { return result32(linux_syscall(nr::mkdir, word(path), mode)); }
static int32_t linux_rmdir(const char* path) { return result32(linux_syscall(nr::rmdir, word(path))); }
static int32_t linux_unlink(const char* path) { return result32(linux_syscall(nr::unlink, word(path))); }

static int32_t linux_rename(const char* from, const char* to)
{
    return result32(linux_syscall(nr::rename, word(from), word(to)));
}

static int32_t linux_link(const char* existing, const char* created)
{
    return result32(linux_syscall(nr::link, word(existing), word(created)));
}

static int32_t linux_dup(int32_t fd) { return result32(linux_syscall(nr::dup, fd)); }
static int32_t linux_dup2(int32_t fd, int32_t target) { return result32(linux_syscall(nr::dup2, fd, target)); }
static int32_t linux_pipe(int32_t* fds) { return result32(linux_syscall(nr::pipe, word(fds))); }

static int32_t linux_fcntl(int32_t fd, int32_t command, uint64_t argument)
{
    return result32(linux_syscall(nr::fcntl, fd, command, static_cast<long>(argument)));
}

static int32_t linux_chdir(const char* path) { return result32(linux_syscall(nr::chdir, word(path))); }

static int64_t linux_getcwd(char* buffer, uint64_t size)
{
    return result_of(linux_syscall(nr::getcwd, word(buffer), static_cast<long>(size)));
}

// Linux's own struct termios: 19 control characters, no speed fields (the
// speed is in c_cflag's CBAUD bits).
struct LinuxTermios {
    uint32_t iflag, oflag, cflag, lflag;
    uint8_t line;
    uint8_t cc[19];
};
constexpr uint32_t linux_cbaud = 0010017;

static int32_t linux_ioctl(int32_t fd, uint64_t request, uint64_t argument)
{
    switch (request) {
    case BANOS_TCGETS: {
        LinuxTermios linux_termios;
        long result = linux_syscall(nr::ioctl, fd, static_cast<long>(request), word(&linux_termios));
        if (result < 0)
            return result32(result);
        banos_v1_termios termios {};
        termios.c_iflag = linux_termios.iflag;
        termios.c_oflag = linux_termios.oflag;
        termios.c_cflag = linux_termios.cflag;
        termios.c_lflag = linux_termios.lflag;
        termios.c_line = linux_termios.line;
        for (int i = 0; i < 19; ++i)
            termios.c_cc[i] = linux_termios.cc[i];
        termios.c_ispeed = termios.c_ospeed = linux_termios.cflag & linux_cbaud;
        *reinterpret_cast<banos_v1_termios*>(argument) = termios;
        return 0;
    }
    case BANOS_TCSETS:
    case BANOS_TCSETSW:
    case BANOS_TCSETSF: {
        const auto& termios = *reinterpret_cast<const banos_v1_termios*>(argument);
        LinuxTermios linux_termios;
        linux_termios.iflag = termios.c_iflag;
        linux_termios.oflag = termios.c_oflag;
        linux_termios.cflag = termios.c_cflag;
        linux_termios.lflag = termios.c_lflag;
        linux_termios.line = termios.c_line;
        for (int i = 0; i < 19; ++i)
            linux_termios.cc[i] = termios.c_cc[i];
        return result32(linux_syscall(nr::ioctl, fd, static_cast<long>(request), word(&linux_termios)));
    }
    default: // winsize, process groups, and Linux's own requests: same layouts
        return result32(linux_syscall(nr::ioctl, fd, static_cast<long>(request), static_cast<long>(argument)));
    }
}

static uint32_t linux_umask(uint32_t mask) { return static_cast<uint32_t>(linux_syscall(nr::umask, mask)); }
static int32_t linux_chmod(const char* path, uint32_t mode) { return result32(linux_syscall(nr::chmod, word(path), mode)); }

static int32_t linux_chown(const char* path, uint32_t uid, uint32_t gid)
{
    return result32(linux_syscall(nr::chown, word(path), uid, gid));
}

static int32_t linux_access(const char* path, int32_t mode) { return result32(linux_syscall(nr::access, word(path), mode)); }
static int32_t linux_fork(void) { return result32(linux_syscall(nr::fork)); }

static int32_t linux_execve(const char* path, char* const* argv, char* const* envp)
{
    return result32(linux_syscall(nr::execve, word(path), word(argv), word(envp)));
}

static int32_t linux_waitpid(int32_t pid, int32_t* status, int32_t options)
{
    // Linux's status word is the ABI's encoding.
    return result32(linux_syscall(nr::wait4, pid, word(status), options, 0));
}

static int32_t linux_kill(int32_t pid, int32_t signal) { return result32(linux_syscall(nr::kill, pid, signal)); }

struct LinuxSigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask;
};

static int32_t linux_sigaction(int32_t signal, const struct banos_v1_sigaction* action, struct banos_v1_sigaction* old)
{
    LinuxSigaction linux_action {};
    LinuxSigaction linux_old {};
    if (action != nullptr) {
        linux_action.handler = action->handler;
        linux_action.flags = action->flags | sa_restorer;
        linux_action.restorer = reinterpret_cast<uint64_t>(&banos_linux_restorer);
        linux_action.mask = action->mask;
    }
    long result = linux_syscall(nr::rt_sigaction, signal, action != nullptr ? word(&linux_action) : 0,
        old != nullptr ? word(&linux_old) : 0, 8);
    if (result < 0)
        return result32(result);
    if (old != nullptr) {
        old->handler = linux_old.handler;
        old->flags = linux_old.flags & ~sa_restorer;
        old->mask = linux_old.mask;
    }
    return 0;
}

static int32_t linux_sigprocmask(int32_t how, const uint64_t* set, uint64_t* old)
{
    return result32(linux_syscall(nr::rt_sigprocmask, how, word(set), word(old), 8));
}

static int32_t linux_setpgid(int32_t pid, int32_t pgid) { return result32(linux_syscall(nr::setpgid, pid, pgid)); }
static int32_t linux_getpgid(int32_t pid) { return result32(linux_syscall(nr::getpgid, pid)); }
static int32_t linux_setsid(void) { return result32(linux_syscall(nr::setsid)); }
static int32_t linux_getsid(int32_t pid) { return result32(linux_syscall(nr::getsid, pid)); }
static int32_t linux_setuid(uint32_t uid) { return result32(linux_syscall(nr::setuid, uid)); }
static int32_t linux_setgid(uint32_t gid) { return result32(linux_syscall(nr::setgid, gid)); }

struct LinuxTimespec {
    int64_t seconds;
    int64_t nanoseconds;
};

static int32_t linux_nanosleep(const struct banos_v1_timespec* duration, struct banos_v1_timespec* remaining)
{
    if (duration->tv_nsec < 0 || duration->tv_nsec >= 1000000000) {
        set_errno(error_invalid);
        return -1;
    }
    LinuxTimespec linux_duration { duration->tv_sec, duration->tv_nsec };
    LinuxTimespec linux_remaining {};
    long result = linux_syscall(nr::nanosleep, word(&linux_duration), word(&linux_remaining));
    if (result < 0 && remaining != nullptr) {
        remaining->tv_sec = static_cast<int32_t>(linux_remaining.seconds);
        remaining->tv_nsec = static_cast<int32_t>(linux_remaining.nanoseconds);
    }
    return result32(result);
}

static int64_t linux_mmap(uint64_t address, uint64_t length, int32_t protection, int32_t flags, int32_t fd, int64_t offset)
{
    return result_of(linux_syscall(nr::mmap, static_cast<long>(address), static_cast<long>(length), protection, flags,
        fd, offset));
}

static int32_t linux_munmap(uint64_t address, uint64_t length)
{
    return result32(linux_syscall(nr::munmap, static_cast<long>(address), static_cast<long>(length)));
}

static int32_t linux_mprotect(uint64_t address, uint64_t length, int32_t protection)
{
    return result32(linux_syscall(nr::mprotect, static_cast<long>(address), static_cast<long>(length), protection));
}

static int32_t linux_sched_yield(void) { return result32(linux_syscall(nr::sched_yield)); }
static int32_t linux_ftruncate(int32_t fd, int64_t length) { return result32(linux_syscall(nr::ftruncate, fd, length)); }
static int32_t linux_sigsuspend(const uint64_t* mask) { return result32(linux_syscall(nr::rt_sigsuspend, word(mask), 8)); }
static int32_t linux_pause(void) { return result32(linux_syscall(nr::pause)); }

#ifdef BANOS_HAS_SLOT_time64
static int64_t linux_time64(int64_t* out)
{
    int64_t now = linux_syscall(nr::time);
    if (out != nullptr)
        *out = now;
    return now;
}

static int32_t linux_clock_gettime(int32_t clock, struct banos_v2_timespec* out)
{
    // Linux's clock ids and timespec layout are the ones program ABI 2 uses.
    return result32(linux_syscall(nr::clock_gettime, clock, word(out)));
}

static int32_t linux_uname(struct banos_v2_utsname* out)
{
    char names[6][65]; // Linux adds domainname
    long result = result_of(linux_syscall(nr::uname, word(names)));
    if (result == 0)
        __builtin_memcpy(out, names, sizeof *out);
    return static_cast<int32_t>(result);
}

static int32_t linux_stat64(const char* path, struct banos_v2_stat* out) { return stat_call(nr::stat, word(path), out); }
static int32_t linux_fstat64(int32_t fd, struct banos_v2_stat* out) { return stat_call(nr::fstat, fd, out); }
static int32_t linux_lstat64(const char* path, struct banos_v2_stat* out) { return stat_call(nr::lstat, word(path), out); }

static int32_t linux_fstatat64(int32_t dirfd, const char* path, struct banos_v2_stat* out, int32_t flags)
{
    LinuxStat linux_stat;
    return convert(linux_syscall(nr::newfstatat, dirfd, word(path), word(&linux_stat), flags), linux_stat, out);
}

static int32_t linux_nanosleep64(const struct banos_v2_timespec* duration, struct banos_v2_timespec* remaining)
{
    return result32(linux_syscall(nr::nanosleep, word(duration), word(remaining)));
}

static int32_t linux_openat(int32_t dirfd, const char* path, int32_t flags, uint32_t mode)
{
    return result32(linux_syscall(nr::openat, dirfd, word(path), flags, mode));
}

static int32_t linux_mkdirat(int32_t dirfd, const char* path, uint32_t mode)
{
    return result32(linux_syscall(nr::mkdirat, dirfd, word(path), mode));
}

static int32_t linux_unlinkat(int32_t dirfd, const char* path, int32_t flags)
{
    return result32(linux_syscall(nr::unlinkat, dirfd, word(path), flags));
}

static int32_t linux_renameat(int32_t from_dirfd, const char* from, int32_t to_dirfd, const char* to)
{
    return result32(linux_syscall(nr::renameat, from_dirfd, word(from), to_dirfd, word(to)));
}

static int32_t linux_faccessat(int32_t dirfd, const char* path, int32_t mode, int32_t flags)
{
    // Linux's faccessat takes no flags; faccessat2 does. Only 0 here.
    if (flags != 0) {
        set_errno(error_invalid);
        return -1;
    }
    return result32(linux_syscall(nr::faccessat, dirfd, word(path), mode));
}

static int32_t linux_pipe2(int32_t* fds, int32_t flags) { return result32(linux_syscall(nr::pipe2, word(fds), flags)); }

static int32_t linux_dup3(int32_t fd, int32_t target, int32_t flags)
{
    return result32(linux_syscall(nr::dup3, fd, target, flags));
}

static int32_t linux_gettimeofday(struct banos_v2_timeval* out, void* timezone)
{
    return result32(linux_syscall(nr::gettimeofday, word(out), word(timezone)));
}

static int64_t linux_getrandom(void* buffer, uint64_t size, uint32_t flags)
{
    return result_of(linux_syscall(nr::getrandom, word(buffer), static_cast<long>(size), flags));
}

static int32_t linux_sched_getcpu(void)
{
    uint32_t cpu = 0;
    long result = linux_syscall(nr::getcpu, word(&cpu), 0, 0);
    return result < 0 ? result32(result) : static_cast<int32_t>(cpu);
}

// The CPUs this process may run on, as Linux reports them.
static int64_t linux_sysconf(int32_t name)
{
    if (name != BANOS_SC_NPROCESSORS_CONF && name != BANOS_SC_NPROCESSORS_ONLN) {
        set_errno(error_invalid);
        return -1;
    }
    uint64_t mask[16] = {};
    long result = linux_syscall(nr::sched_getaffinity, 0, sizeof(mask), word(mask));
    if (result < 0)
        return result_of(result);
    int64_t count = 0;
    for (uint64_t word_bits : mask)
        count += __builtin_popcountll(word_bits);
    return count;
}

// Linux has no banos layers to map or take out: the stand-in says so.
static int32_t linux_syslayer_attach(void*, uint64_t, uint32_t)
{
    set_errno(error_no_system);
    return -1;
}

static int32_t linux_syslayer_detach(void*)
{
    set_errno(error_no_system);
    return -1;
}

// Linux cannot load banos modules; the host tests see the refusal a
// non-root caller gets.
static int32_t linux_banos_install(const void*, uint64_t)
{
    set_errno(error_not_permitted);
    return -1;
}

// Mounting needs privileges the host tests do not have: the same refusal.
static int32_t linux_mount(const char*, const char*, const char*, uint64_t)
{
    set_errno(error_not_permitted);
    return -1;
}
#endif

#ifdef BANOS_HAS_SLOT_readv
// Program ABI 3's iovec and pollfd are Linux's; clock ids and signal sets too.
static int64_t linux_readv(int32_t fd, const struct banos_v3_iovec* vector, int32_t count)
{
    return result_of(linux_syscall(nr::readv, fd, word(vector), count));
}

static int64_t linux_writev(int32_t fd, const struct banos_v3_iovec* vector, int32_t count)
{
    return result_of(linux_syscall(nr::writev, fd, word(vector), count));
}

static int32_t linux_poll(struct banos_v3_pollfd* fds, uint32_t count, int32_t timeout_ms)
{
    return result32(linux_syscall(nr::poll, word(fds), count, timeout_ms));
}

static uint32_t linux_alarm(uint32_t seconds) { return static_cast<uint32_t>(linux_syscall(nr::alarm, seconds)); }

static int32_t linux_clock_getres(int32_t clock, struct banos_v2_timespec* out)
{
    return result32(linux_syscall(nr::clock_getres, clock, word(out)));
}

static int32_t linux_sigpending(uint64_t* set) { return result32(linux_syscall(nr::rt_sigpending, word(set), 8)); }
static int32_t linux_fsync(int32_t fd) { return result32(linux_syscall(nr::fsync, fd)); }
static int32_t linux_fchdir(int32_t fd) { return result32(linux_syscall(nr::fchdir, fd)); }

// statx, which tells the birth time where the file system records it.
struct LinuxStatxTime {
    int64_t seconds;
    uint32_t nanoseconds;
    int32_t reserved;
};
struct LinuxStatx {
    uint32_t mask, blksize;
    uint64_t attributes;
    uint32_t nlink, uid, gid;
    uint16_t mode, spare0;
    uint64_t ino, size, blocks, attributes_mask;
    LinuxStatxTime atime, btime, ctime, mtime;
    uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
    uint64_t spare[14];
};
static_assert(sizeof(LinuxStatx) == 256);
constexpr long statx_basic_stats = 0x7ff, statx_btime = 0x800, at_empty_path = 0x1000;

uint64_t linux_device(uint32_t major, uint32_t minor)
{
    return (uint64_t(major & 0xfffff000) << 32) | (uint64_t(major & 0xfff) << 8) | (uint64_t(minor & 0xffffff00) << 12)
        | (minor & 0xff);
}

static int32_t statx_call(int32_t dirfd, const char* path, int32_t flags, struct banos_v3_stat* out)
{
    LinuxStatx linux_statx {};
    long result = linux_syscall(nr::statx, dirfd, word(path), flags, statx_basic_stats | statx_btime, word(&linux_statx));
    if (result < 0)
        return result32(result);
    banos_v3_stat stat {};
    stat.st_dev = linux_device(linux_statx.dev_major, linux_statx.dev_minor);
    stat.st_ino = linux_statx.ino;
    stat.st_nlink = linux_statx.nlink;
    stat.st_mode = linux_statx.mode;
    stat.st_uid = linux_statx.uid;
    stat.st_gid = linux_statx.gid;
    stat.st_rdev = linux_device(linux_statx.rdev_major, linux_statx.rdev_minor);
    stat.st_size = static_cast<int64_t>(linux_statx.size);
    stat.st_blksize = linux_statx.blksize;
    stat.st_blocks = static_cast<int64_t>(linux_statx.blocks);
    stat.st_atim = { linux_statx.atime.seconds, linux_statx.atime.nanoseconds };
    stat.st_mtim = { linux_statx.mtime.seconds, linux_statx.mtime.nanoseconds };
    stat.st_ctim = { linux_statx.ctime.seconds, linux_statx.ctime.nanoseconds };
    if (linux_statx.mask & statx_btime) {
        stat.st_flags = BANOS_V3_STAT_BIRTHTIME;
        stat.st_birthtim = { linux_statx.btime.seconds, linux_statx.btime.nanoseconds };
    }
    *out = stat;
    return 0;
}

static int32_t linux_fstatat_v3(int32_t dirfd, const char* path, struct banos_v3_stat* out, int32_t flags)
{
    return statx_call(dirfd, path, flags, out);
}

static int32_t linux_fstat_v3(int32_t fd, struct banos_v3_stat* out) { return statx_call(fd, "", at_empty_path, out); }

// posix_spawn as the banos layer does it on kernels without a spawn call:
// fork, the actions and attributes in the child, execve, and a
// close-on-exec pipe that carries the child's error back.
namespace {
long spawn_child_step(const banos_v3_spawn_action& action, long* report)
{
    constexpr long f_dupfd_cloexec = 1030, f_getfd = 1, f_setfd = 2, ebadf = -9;
    bool named = action.fd == *report || (action.kind == BANOS_SPAWN_ACTION_DUP2 && action.source_fd == *report);
    if (action.kind != BANOS_SPAWN_ACTION_CHDIR && named) {
        long moved = linux_syscall(nr::fcntl, *report, f_dupfd_cloexec, 0);
        if (moved < 0)
            return moved;
        linux_syscall(nr::close, *report);
        *report = moved;
    }
    switch (action.kind) {
    case BANOS_SPAWN_ACTION_OPEN: {
        long opened = linux_syscall(nr::open, word(action.path), action.flags, action.mode);
        if (opened < 0 || opened == action.fd)
            return opened;
        long moved = linux_syscall(nr::dup3, opened, action.fd, action.flags & BANOS_O_CLOEXEC);
        linux_syscall(nr::close, opened);
        return moved;
    }
    case BANOS_SPAWN_ACTION_CLOSE: {
        long closed = linux_syscall(nr::close, action.fd);
        return closed == ebadf ? 0 : closed;
    }
    case BANOS_SPAWN_ACTION_DUP2:
        if (action.fd == action.source_fd) {
            long flags = linux_syscall(nr::fcntl, action.fd, f_getfd, 0);
            return flags < 0 ? flags : linux_syscall(nr::fcntl, action.fd, f_setfd, 0);
        }
        return linux_syscall(nr::dup2, action.source_fd, action.fd);
    case BANOS_SPAWN_ACTION_CHDIR:
        return linux_syscall(nr::chdir, word(action.path));
    default:
        return -error_invalid;
    }
}

long spawn_child(const char* path, const struct banos_v3_spawn_actions* actions,
    const struct banos_v3_spawn_attributes* attributes, char* const* argv, char* const* envp, uint64_t parent_mask,
    long* report)
{
    uint32_t flags = attributes != nullptr ? attributes->flags : 0;
    for (int signal = 1; signal < 32; ++signal) {
        if (signal == BANOS_SIGKILL || signal == BANOS_SIGSTOP)
            continue;
        LinuxSigaction old {};
        if (linux_syscall(nr::rt_sigaction, signal, 0, word(&old), 8) < 0)
            continue;
        bool caught = old.handler != BANOS_SIG_DFL && old.handler != BANOS_SIG_IGN;
        bool named = (flags & BANOS_SPAWN_SETSIGDEF) && (attributes->sigdefault & (1ull << (signal - 1)));
        LinuxSigaction to_default {};
        if ((caught || named) && linux_syscall(nr::rt_sigaction, signal, word(&to_default), 0, 8) < 0)
            return -error_invalid;
    }
    long result = 0;
    if ((flags & BANOS_SPAWN_SETSID) && (result = linux_syscall(nr::setsid)) < 0)
        return result;
    if ((flags & BANOS_SPAWN_SETPGROUP) && (result = linux_syscall(nr::setpgid, 0, attributes->pgroup)) < 0)
        return result;
    if ((flags & BANOS_SPAWN_RESETIDS)
        && ((result = linux_syscall(nr::setgid, linux_syscall(nr::getgid))) < 0
            || (result = linux_syscall(nr::setuid, linux_syscall(nr::getuid))) < 0))
        return result;
    for (uint32_t i = 0; actions != nullptr && i < actions->count; ++i)
        if ((result = spawn_child_step(actions->actions[i], report)) < 0)
            return result;
    uint64_t mask = (flags & BANOS_SPAWN_SETSIGMASK) ? attributes->sigmask : parent_mask;
    linux_syscall(nr::rt_sigprocmask, BANOS_SIG_SETMASK, word(&mask), 0, 8);
    return linux_syscall(nr::execve, word(path), word(argv), word(envp));
}
} // namespace

static int32_t linux_posix_spawn(int32_t* pid, const char* path, const struct banos_v3_spawn_actions* actions,
    const struct banos_v3_spawn_attributes* attributes, char* const* argv, char* const* envp)
{
    int32_t report[2];
    long result = linux_syscall(nr::pipe2, word(report), BANOS_O_CLOEXEC);
    if (result < 0)
        return result32(result);
    uint64_t all = ~0ull, parent_mask = 0;
    linux_syscall(nr::rt_sigprocmask, BANOS_SIG_SETMASK, word(&all), word(&parent_mask), 8);
    long child = linux_syscall(nr::fork);
    if (child == 0) {
        linux_syscall(nr::close, report[0]);
        long writer = report[1];
        int32_t error = static_cast<int32_t>(-spawn_child(path, actions, attributes, argv, envp, parent_mask, &writer));
        linux_syscall(nr::write, writer, word(&error), sizeof error);
        linux_syscall(nr::exit, 127);
    }
    linux_syscall(nr::rt_sigprocmask, BANOS_SIG_SETMASK, word(&parent_mask), 0, 8);
    linux_syscall(nr::close, report[1]);
    if (child < 0) {
        linux_syscall(nr::close, report[0]);
        return result32(child);
    }
    int32_t error = 0;
    long got;
    while ((got = linux_syscall(nr::read, report[0], word(&error), sizeof error)) == -4) {
    }
    linux_syscall(nr::close, report[0]);
    if (got == sizeof error) {
        while (linux_syscall(nr::wait4, child, 0, 0, 0) == -4) {
        }
        set_errno(error);
        return -1;
    }
    if (pid != nullptr)
        *pid = static_cast<int32_t>(child);
    return 0;
}
#endif

namespace {

void install_layer(int, char**, char**)
{
    if (linux_syscall(nr::mprotect, word(__banos_window), BANOS_WINDOW_SIZE, 7) != 0)
        linux_syscall(nr::exit_group, 125);
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
    if (linux_syscall(nr::arch_prctl, arch_set_fs, word(&initial_tcb)) != 0)
        linux_syscall(nr::exit_group, 126);
}

__attribute__((section(".preinit_array"), used)) void (*install_entry)(int, char**, char**) = install_layer;

} // namespace
