#pragma once
// procfs: files whose contents describe the running system, produced on
// demand by a provider (the process subsystem) that registers itself:
//   /proc/<pid>/status  write_status(pid)
//   /proc/meminfo       write_meminfo()
//   /proc/uptime        write_uptime()
//   /proc/kmsg          write_kernel_log()
//   /proc/cmdline       write_command_line()
//   /proc/modules       write_modules()
//   /proc/self          a symlink to the caller's pid
// Text is generated when a description reads at offset 0 (so each fresh
// read sees current values) and kept for reads at later offsets. Files are
// 0444 and cannot be opened for writing (AccessDenied); directories 0555.
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/format.h"
#include "lib/ref_ptr.h"
#include "vfs/inode.h"

namespace vfs::procfs {

class PidSink {
public:
    virtual void add(uint32_t pid) = 0;

protected:
    ~PidSink() = default;
};

// Implemented by the process subsystem. Calls come from system calls on
// procfs files, with no VFS lock held.
class Provider {
public:
    // Every live pid, in any order.
    virtual void list_pids(PidSink&) = 0;
    virtual bool pid_exists(uint32_t pid) = 0;
    // NoProcess if the process is gone.
    virtual klib::ErrorOr<void> write_status(uint32_t pid, klib::FormatSink&) = 0;
    virtual void write_meminfo(klib::FormatSink&) = 0;
    virtual void write_uptime(klib::FormatSink&) = 0;
    // The kernel log's recent lines (/proc/kmsg, for dmesg).
    virtual void write_kernel_log(klib::FormatSink&) = 0;
    // The kernel command line, one line (/proc/cmdline).
    virtual void write_command_line(klib::FormatSink&) = 0;
    // The installed banos modules, one line each (/proc/modules).
    virtual void write_modules(klib::FormatSink&) = 0;
    // The calling process.
    virtual uint32_t self_pid() = 0;

protected:
    ~Provider() = default;
};

// The provider must stay alive while installed; nullptr removes it (procfs
// then lists only its fixed names, whose reads fail with NoEntry).
void set_provider(Provider*);

// A procfs root, to mount at /proc.
klib::ErrorOr<klib::RefPtr<Inode>> create();

// Upper bound on one generated file.
constexpr size_t kMaxTextSize = 64 * 1024;

} // namespace vfs::procfs
