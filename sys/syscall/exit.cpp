#include "proc/process.h"
#include "syscall/syscalls.h"

namespace sys {

void exit(int status) { proc::current_process()->exit(status & 0xff); }

} // namespace sys
