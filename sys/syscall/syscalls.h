#pragma once
// The kernel's system calls, free of any ABI: each kernel ABI's trap table
// decodes its arguments, calls these, and encodes the result its own way.
// Pointers named user_* are user addresses (checked and copied here);
// constants use the kernel's internal numbering (see proc/signals.h and
// abi-versions/v1/program/types.h, which kernel ABIs 1 and 2 share).
#include <stdint.h>

#include "arch/x86_64/interrupts/frame.h"
#include "lib/error_or.h"
#include "lib/span.h"
#include "lib/string_view.h"
#include "proc/signals.h"

namespace sys {

// Processes.
[[noreturn]] void exit(int status);
klib::ErrorOr<int> fork(const arch::InterruptFrame&);
// On success the frame enters the new program.
klib::ErrorOr<void> execve(arch::InterruptFrame&, uint64_t user_path, uint64_t user_argv, uint64_t user_envp);
klib::ErrorOr<int> waitpid(int pid, uint64_t user_status, int options);
int getpid();
int getppid();
klib::ErrorOr<int> getpgid(int pid);
klib::ErrorOr<void> setpgid(int pid, int pgid);
klib::ErrorOr<int> getsid(int pid);
klib::ErrorOr<int> setsid();
uint32_t getuid();
uint32_t geteuid();
uint32_t getgid();
uint32_t getegid();
klib::ErrorOr<void> setuid(uint32_t uid);
klib::ErrorOr<void> setgid(uint32_t gid);
uint64_t syscall_count();

// banos modules: installs the module file at user_image (superuser only).
klib::ErrorOr<void> banos_install(uint64_t user_image, uint64_t size);

// posix_spawn, done by the kernel: a new child of the caller that runs
// `user_path` after the actions, in order, and the attributes. Nothing of
// it runs unless everything works: an exec failure is the call's failure.
struct SpawnAction {
    enum Kind : int { Open = 1, Close = 2, Dup2 = 3, Chdir = 4 };
    int kind;
    int fd;
    int source_fd;
    int flags;       // open flags
    uint32_t mode;   // open mode
    uint64_t user_path;
};
struct SpawnAttributes {
    static constexpr uint32_t kResetIds = 0x01, kSetPgroup = 0x02, kSetSigdefault = 0x04, kSetSigmask = 0x08,
                              kSetSid = 0x80;
    uint32_t flags;
    int pgroup;
    proc::SignalSet sigmask;
    proc::SignalSet sigdefault;
};
klib::ErrorOr<int> spawn(uint64_t user_path, klib::Span<const SpawnAction> actions, const SpawnAttributes* attributes,
                         uint64_t user_argv, uint64_t user_envp);

// Signals.
klib::ErrorOr<void> kill(int pid, int signal);
klib::ErrorOr<void> sigaction(int signal, const proc::SignalAction* action, proc::SignalAction* old);
klib::ErrorOr<void> sigprocmask(int how, const proc::SignalSet* set, proc::SignalSet* old);
// Waits for a signal with `mask` blocked meanwhile: always Interrupted.
klib::ErrorOr<void> sigsuspend(proc::SignalSet mask);
klib::ErrorOr<void> sigreturn(arch::InterruptFrame&);
proc::SignalSet sigpending();
// Arms (or with 0 cancels) SIGALRM; returns the seconds the previous alarm had left.
uint32_t alarm(uint32_t seconds);

// Time and scheduling.
enum class Clock { Realtime, Monotonic };
uint64_t clock_ns(Clock);
// Sleeps; on Interrupted, *remaining_ns says how much was left.
klib::ErrorOr<void> sleep(uint64_t duration_ns, uint64_t* remaining_ns);
void yield();
int current_cpu();
int cpu_count();

// Memory.
klib::ErrorOr<uint64_t> mmap(uint64_t address, uint64_t length, int protection, int flags, int fd, int64_t offset);
klib::ErrorOr<void> munmap(uint64_t address, uint64_t length);
klib::ErrorOr<void> mprotect(uint64_t address, uint64_t length, int protection);
klib::ErrorOr<uint64_t> getrandom(uint64_t user_buffer, uint64_t size, unsigned flags);
// Maps the layer for `program_abi` into the window [window, window + size)
// of an object ld-elf loaded (what was there goes).
klib::ErrorOr<void> syslayer_attach(uint64_t window, uint64_t size, uint32_t program_abi);
// Takes out the layer syslayer_attach put into the window starting at
// `window`, leaving its range free (Invalid: none starts there;
// NotPermitted: a window exec mapped).
klib::ErrorOr<void> syslayer_detach(uint64_t window);

// Transfers through a descriptor (at its position, or at `offset`).
klib::ErrorOr<uint64_t> read(int fd, uint64_t user_buffer, uint64_t count);
klib::ErrorOr<uint64_t> write(int fd, uint64_t user_buffer, uint64_t count);
klib::ErrorOr<uint64_t> pread(int fd, uint64_t user_buffer, uint64_t count, int64_t offset);
klib::ErrorOr<uint64_t> pwrite(int fd, uint64_t user_buffer, uint64_t count, int64_t offset);
// Scatter/gather over `count` struct banos_k2_iovec records: one transfer.
klib::ErrorOr<uint64_t> readv(int fd, uint64_t user_vector, int count);
klib::ErrorOr<uint64_t> writev(int fd, uint64_t user_vector, int count);

// poll over `count` struct banos_k2_pollfd records; timeout_ms < 0 waits
// for ever. Returns the entries with events.
klib::ErrorOr<int> poll(uint64_t user_entries, uint32_t count, int timeout_ms);
// The events (BANOS_POLL*) that hold for `fd` now, without waiting: what
// kernel ABI 3 asks before it leaves a message pending.
klib::ErrorOr<uint16_t> poll_events(int fd);

struct SystemName {
    klib::StringView sysname, nodename, release, version, machine;
};
const SystemName& system_name();

} // namespace sys
