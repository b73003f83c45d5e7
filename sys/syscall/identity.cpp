#include "proc/process.h"
#include "syscall/syscalls.h"

namespace sys {

int getpid() { return proc::current_process()->pid(); }
int getppid() { return proc::current_process()->ppid(); }
uint32_t getuid() { return proc::current_process()->credentials().uid; }
uint32_t geteuid() { return proc::current_process()->credentials().euid; }
uint64_t syscall_count() { return proc::current_process()->syscall_count(); }

} // namespace sys
