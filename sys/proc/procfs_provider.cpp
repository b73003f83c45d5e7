// What /proc shows: the process table, memory and uptime.
#include "proc/procfs_provider.h"

#include "kernel/log.h"
#include "kernel/options.h"
#include "mm/kernel_heap.h"
#include "mm/physical_memory.h"
#include "module/loader.h"
#include "proc/process.h"
#include "proc/scheduler.h"
#include "time/clock.h"
#include "vfs/procfs/procfs.h"

namespace proc {

namespace {
const char* state_name(Process& process)
{
    switch (process.state()) {
    case ProcessState::Running: {
        Thread* thread = process.main_thread();
        bool waiting = thread && thread->state() == ThreadState::Blocked;
        return waiting ? "S (sleeping)" : "R (running)";
    }
    case ProcessState::Stopped:
        return "T (stopped)";
    case ProcessState::Zombie:
        return "Z (zombie)";
    }
    return "?";
}

class Provider final : public vfs::procfs::Provider {
public:
    void list_pids(vfs::procfs::PidSink& sink) override
    {
        for_each_process([&](Process& process) {
            sink.add(static_cast<uint32_t>(process.pid()));
            return true;
        });
    }

    bool pid_exists(uint32_t pid) override { return find_process(static_cast<int>(pid)) != nullptr; }

    klib::ErrorOr<void> write_status(uint32_t pid, klib::FormatSink& sink) override
    {
        Process* process = find_process(static_cast<int>(pid));
        if (!process)
            return klib::ErrorCode::NoProcess;
        const Credentials& c = process->credentials();
        // The name is the program's file name, as ps shows it.
        klib::StringView path(process->path());
        auto slash = path.find_last('/');
        klib::StringView name = slash ? path.substring(*slash + 1) : path;
        klib::format_to(sink, "Name:\t{}\nState:\t{}\nPid:\t{}\nPPid:\t{}\nPgid:\t{}\nSid:\t{}\n", name,
                        state_name(*process), process->pid(), process->ppid(), process->pgid(), process->sid());
        klib::format_to(sink, "Uid:\t{}\t{}\t{}\t{}\nGid:\t{}\t{}\t{}\t{}\n", c.uid, c.euid, c.euid, c.euid, c.gid,
                        c.egid, c.egid, c.egid);
        if (!process->has_exited()) {
            mm::MemoryUsage usage = process->address_space().usage();
            klib::format_to(sink, "VmSize:\t{} kB\nVmRSS:\t{} kB\n", usage.mapped_bytes / 1024,
                            usage.resident_pages * 4);
        }
        klib::format_to(sink, "SigPnd:\t{:016x}\nSigBlk:\t{:016x}\nSyscalls:\t{}\n", process->pending_signals(),
                        process->blocked_signals(), process->syscall_count());
        return {};
    }

    void write_meminfo(klib::FormatSink& sink) override
    {
        // Empty slabs go back first, so MemFree says what is really in use.
        mm::kernel_heap().trim();
        auto memory = mm::physical_memory_stats();
        auto heap = mm::kernel_heap().stats();
        klib::format_to(sink, "MemTotal:\t{} kB\nMemFree:\t{} kB\nMemUsed:\t{} kB\n", memory.total_frames * 4,
                        memory.free_frames * 4, memory.used_frames * 4);
        klib::format_to(sink, "KernelHeap:\t{} kB\nKernelHeapAllocations:\t{}\nProcesses:\t{}\n", heap.bytes_in_use / 1024,
                        heap.allocations_in_use, process_count());
    }

    void write_uptime(klib::FormatSink& sink) override
    {
        uint64_t ns = ktime::monotonic_ns();
        klib::format_to(sink, "{}.{:02} 0.00\n", ns / 1000000000, (ns / 10000000) % 100);
    }

    void write_kernel_log(klib::FormatSink& sink) override { klog::write_recent_lines(sink); }

    void write_command_line(klib::FormatSink& sink) override
    {
        klib::format_to(sink, "{}\n", kernel::options().command_line);
    }

    void write_modules(klib::FormatSink& sink) override { module::write_module_list(sink); }

    uint32_t self_pid() override
    {
        Process* process = current_process();
        return process ? static_cast<uint32_t>(process->pid()) : 0;
    }
};

Provider g_provider;
} // namespace

void install_procfs_provider() { vfs::procfs::set_provider(&g_provider); }

} // namespace proc
