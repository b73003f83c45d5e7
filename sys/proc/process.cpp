#include "proc/process.h"

#include <new>
#include <string.h>

#include "arch/x86_64/mm/phys.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/physical_memory.h"
#include "proc/scheduler.h"

namespace proc {

namespace {
klib::IntrusiveList<Process, &Process::table_node> g_processes;
} // namespace

Process::Process(int pid, int ppid, klib::OwnPtr<mm::AddressSpace> space, mm::PhysAddr upmap)
    : pid_(pid), ppid_(ppid), pgid_(pid), sid_(pid), address_space_(static_cast<klib::OwnPtr<mm::AddressSpace>&&>(space)),
      upmap_frame_(upmap)
{
}

klib::ErrorOr<klib::RefPtr<Process>> Process::create(klib::StringView path, int parent_pid)
{
    auto space = TRY(mm::AddressSpace::create());
    mm::PhysAddr upmap = TRY(mm::allocate_frame(mm::FrameUse::User));
    memset(arch::phys_to_virt(upmap), 0, mm::kPageSize);
    mm::ref_frame(upmap);
    auto* process = new (std::nothrow) Process(allocate_id(), parent_pid, static_cast<klib::OwnPtr<mm::AddressSpace>&&>(space), upmap);
    if (!process) {
        mm::unref_frame(upmap);
        return klib::ErrorCode::NoMemory;
    }
    size_t length = klib::min<size_t>(path.size(), sizeof(process->path_) - 1);
    memcpy(process->path_, path.data(), length);
    klib::RefPtr<Process> owner(klib::RefPtr<Process>::Adopt, process);
    kabi::process_created(*process);
    auto state = klib::interrupts_save_and_disable();
    g_processes.push_back(*process);
    klib::interrupts_restore(state);
    return owner;
}

Process::~Process()
{
    auto state = klib::interrupts_save_and_disable();
    if (table_node.is_linked())
        decltype(g_processes)::remove(*this);
    klib::interrupts_restore(state);
    // The address space goes first: it may still map the upmap page.
    address_space_.reset();
    mm::unref_frame(upmap_frame_);
}

klib::ErrorOr<void> Process::add_layer_text(uint64_t start, uint64_t end)
{
    if (layer_count_ == kMaxLayers)
        return klib::ErrorCode::NoSpace;
    layers_[layer_count_++] = { start, end };
    return {};
}

bool Process::is_layer_text(uint64_t address) const
{
    for (size_t i = 0; i < layer_count_; ++i)
        if (address >= layers_[i].start && address < layers_[i].end)
            return true;
    return false;
}

void Process::exit(int status)
{
    klog::debug("proc: pid {} ({}) exited with status {}", pid_, path_, status);
    exit_status_ = status;
    {
        auto state = klib::interrupts_save_and_disable();
        exited_ = true;
        klib::interrupts_restore(state);
    }
    exit_waiters_.wake_all();
    sched::exit_current_thread();
}

void Process::wait_for_exit()
{
    exit_waiters_.wait_until([this] { return exited_; });
}

Process* current_process() { return sched::current().process(); }

Process* find_process(int pid)
{
    for (Process& process : g_processes)
        if (process.pid() == pid && !process.has_exited())
            return &process;
    return nullptr;
}

} // namespace proc
