// Program ABI 1: processes, identity, exit, and the layer's own calls.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

using layer::finish;
namespace backend = layer::backend;

extern "C" int32_t layer_syslayer_version() { return layer::kVersionWord; }
extern "C" void layer__exit(int32_t status) { backend::exit(status); }
extern "C" int32_t layer_getpid() { return backend::getpid(); }
extern "C" int32_t layer_getppid() { return backend::getppid(); }
extern "C" uint32_t layer_getuid() { return backend::getuid(); }
extern "C" uint32_t layer_geteuid() { return backend::geteuid(); }
extern "C" uint32_t layer_getgid() { return backend::getgid(); }
extern "C" uint32_t layer_getegid() { return backend::getegid(); }
extern "C" uint64_t layer_banos_syscall_count() { return backend::syscall_count(); }

extern "C" int32_t layer_fork() { return static_cast<int32_t>(finish(backend::fork())); }
extern "C" int32_t layer_execve(const char* path, char* const* argv, char* const* envp)
{
    return static_cast<int32_t>(finish(backend::execve(path, argv, envp)));
}
extern "C" int32_t layer_waitpid(int32_t pid, int32_t* status, int32_t options)
{
    return static_cast<int32_t>(finish(backend::waitpid(pid, status, options)));
}
extern "C" int32_t layer_setpgid(int32_t pid, int32_t pgid) { return static_cast<int32_t>(finish(backend::setpgid(pid, pgid))); }
extern "C" int32_t layer_getpgid(int32_t pid) { return static_cast<int32_t>(finish(backend::getpgid(pid))); }
extern "C" int32_t layer_setsid() { return static_cast<int32_t>(finish(backend::setsid())); }
extern "C" int32_t layer_getsid(int32_t pid) { return static_cast<int32_t>(finish(backend::getsid(pid))); }
extern "C" int32_t layer_setuid(uint32_t uid) { return static_cast<int32_t>(finish(backend::setuid(uid))); }
extern "C" int32_t layer_setgid(uint32_t gid) { return static_cast<int32_t>(finish(backend::setgid(gid))); }
extern "C" int32_t layer_sched_yield() { return static_cast<int32_t>(finish(backend::sched_yield())); }
