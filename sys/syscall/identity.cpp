// Process ids and credentials. setuid and setgid are for the superuser;
// anyone else may only "set" what it already has.
#include "kernel/log.h"
#include "proc/process.h"
#include "syscall/syscalls.h"

namespace sys {

namespace {
proc::Process& self() { return *proc::current_process(); }

klib::ErrorOr<proc::Process*> target(int pid)
{
    if (pid == 0)
        return &self();
    proc::Process* process = pid > 0 ? proc::find_process(pid) : nullptr;
    if (!process)
        return klib::ErrorCode::NoProcess;
    return process;
}
} // namespace

int getpid() { return self().pid(); }
int getppid() { return self().ppid(); }
uint32_t getuid() { return self().credentials().uid; }
uint32_t geteuid() { return self().credentials().euid; }
uint32_t getgid() { return self().credentials().gid; }
uint32_t getegid() { return self().credentials().egid; }
uint64_t syscall_count() { return self().syscall_count(); }

klib::ErrorOr<int> getpgid(int pid) { return TRY(target(pid))->pgid(); }
klib::ErrorOr<int> getsid(int pid) { return TRY(target(pid))->sid(); }

klib::ErrorOr<void> setpgid(int pid, int pgid)
{
    proc::Process* process = TRY(target(pid));
    return process->set_process_group(self(), pgid);
}

klib::ErrorOr<int> setsid() { return self().create_session(); }

klib::ErrorOr<void> setuid(uint32_t uid)
{
    proc::Credentials credentials = self().credentials();
    if (credentials.is_superuser()) {
        credentials.uid = credentials.euid = uid;
    } else if (uid == credentials.uid || uid == credentials.euid) {
        credentials.euid = uid;
    } else {
        klog::debug("setuid: pid {}: uid {} may not become {}", self().pid(), credentials.euid, uid);
        return klib::ErrorCode::NotPermitted;
    }
    self().set_credentials(credentials);
    return {};
}

klib::ErrorOr<void> setgid(uint32_t gid)
{
    proc::Credentials credentials = self().credentials();
    if (credentials.is_superuser()) {
        credentials.gid = credentials.egid = gid;
    } else if (gid == credentials.gid || gid == credentials.egid) {
        credentials.egid = gid;
    } else {
        return klib::ErrorCode::NotPermitted;
    }
    self().set_credentials(credentials);
    return {};
}

} // namespace sys
