#include "proc/process.h"

#include <new>
#include <string.h>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/mm/phys.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/physical_memory.h"
#include "proc/process_resources.h"
#include "proc/reaper.h"
#include "proc/scheduler.h"

namespace proc {

namespace {
klib::IntrusiveList<Process, &Process::table_node> g_processes;
int g_next_pid = Process::kInitPid;

int allocate_pid()
{
    // Pids are never reused while the system runs: 2^31 is far away.
    return __atomic_fetch_add(&g_next_pid, 1, __ATOMIC_RELAXED);
}

klib::ErrorOr<mm::PhysAddr> new_process_page()
{
    mm::PhysAddr frame = TRY(mm::allocate_frame(mm::FrameUse::User));
    memset(arch::phys_to_virt(frame), 0, mm::kPageSize);
    mm::ref_frame(frame);
    return frame;
}

bool matches_wait_target(const Process& child, int target, int caller_pgid)
{
    if (target > 0)
        return child.pid() == target;
    if (target == -1)
        return true;
    if (target == 0)
        return child.pgid() == caller_pgid;
    return child.pgid() == -target;
}
} // namespace

namespace detail {
klib::IntrusiveList<Process, &Process::table_node>& process_table() { return g_processes; }
} // namespace detail

Process::Process(int pid, int ppid, klib::OwnPtr<mm::AddressSpace> space, mm::PhysAddr upmap)
    : pid_(pid), ppid_(ppid), pgid_(pid), sid_(pid),
      address_space_(static_cast<klib::OwnPtr<mm::AddressSpace>&&>(space)), upmap_frame_(upmap)
{
}

klib::ErrorOr<klib::RefPtr<Process>> Process::create(klib::StringView path, Process* parent)
{
    auto space = TRY(mm::AddressSpace::create());
    mm::PhysAddr upmap = TRY(new_process_page());
    auto* process = new (std::nothrow)
        Process(allocate_pid(), parent ? parent->pid() : 0, static_cast<klib::OwnPtr<mm::AddressSpace>&&>(space), upmap);
    if (!process) {
        mm::unref_frame(upmap);
        return klib::ErrorCode::NoMemory;
    }
    klib::RefPtr<Process> owner(klib::RefPtr<Process>::Adopt, process);
    process->set_path(path);
    process->files_ = TRY(ProcessFiles::create(system_root()));
    if (parent) {
        process->pgid_ = parent->pgid_;
        process->sid_ = parent->sid_;
        process->credentials_ = parent->credentials_;
    }
    kabi::process_created(*process);
    return owner;
}

klib::ErrorOr<klib::RefPtr<Process>> Process::create_child(klib::StringView path)
{
    auto child = TRY(create(path, this));
    child->files_ = TRY(files_.clone());
    for (int signal = 0; signal < kSignalCount; ++signal)
        child->signal_actions_[signal] = signal_actions_[signal];
    child->reset_signal_handlers();
    child->blocked_ = blocked_;
    return child;
}

void Process::publish()
{
    auto state = klib::interrupts_save_and_disable();
    KASSERT(!table_node.is_linked());
    g_processes.push_back(*this);
    ref(); // the table's reference, dropped when the process is reaped
    klib::interrupts_restore(state);
}

Process::~Process()
{
    // The address space goes first: it may still map the upmap page.
    address_space_.reset();
    mm::unref_frame(upmap_frame_);
}

void Process::set_path(klib::StringView path)
{
    size_t length = klib::min<size_t>(path.size(), sizeof(path_) - 1);
    memcpy(path_, path.data(), length);
    path_[length] = '\0';
}

void Process::set_credentials(const Credentials& credentials)
{
    credentials_ = credentials;
    kabi::process_ids_changed(*this);
}

void Process::replace_address_space(klib::OwnPtr<mm::AddressSpace> space)
{
    if (this == current_process())
        space->activate();
    address_space_ = static_cast<klib::OwnPtr<mm::AddressSpace>&&>(space);
}

klib::ErrorOr<void> Process::add_layer(const LayerText& layer)
{
    if (layer_count_ == kMaxLayers)
        return klib::ErrorCode::NoSpace;
    layers_[layer_count_++] = layer;
    return {};
}

const LayerText* Process::attached_layer_at(uint64_t address) const
{
    for (size_t i = 0; i < layer_count_; ++i)
        if (layers_[i].is_attached() && address >= layers_[i].window_start && address < layers_[i].window_end)
            return &layers_[i];
    return nullptr;
}

void Process::remove_attached_layer(uint64_t window_start)
{
    for (size_t i = 0; i < layer_count_; ++i) {
        if (layers_[i].is_attached() && layers_[i].window_start == window_start) {
            // The order of the records means nothing: the last fills the gap.
            layers_[i] = layers_[--layer_count_];
            return;
        }
    }
}

bool Process::is_layer_text(uint64_t address) const
{
    for (size_t i = 0; i < layer_count_; ++i)
        if (address >= layers_[i].start && address < layers_[i].end)
            return true;
    return false;
}

Process* Process::parent() const { return ppid_ ? find_process(ppid_) : nullptr; }

klib::ErrorOr<void> Process::set_process_group(Process& caller, int pgid)
{
    if (pgid < 0)
        return klib::ErrorCode::Invalid;
    if (this != &caller && ppid_ != caller.pid_)
        return klib::ErrorCode::NoProcess;
    if (sid_ != caller.sid_ || sid_ == pid_)
        return klib::ErrorCode::NotPermitted;
    if (pgid == 0)
        pgid = pid_;
    if (pgid != pid_) {
        bool exists = false;
        for (Process& other : g_processes)
            if (other.pgid_ == pgid && other.sid_ == sid_ && other.state_ != ProcessState::Zombie)
                exists = true;
        if (!exists)
            return klib::ErrorCode::NotPermitted;
    }
    pgid_ = pgid;
    kabi::process_ids_changed(*this);
    return {};
}

klib::ErrorOr<int> Process::create_session()
{
    if (pgid_ == pid_)
        return klib::ErrorCode::NotPermitted;
    sid_ = pgid_ = pid_;
    kabi::process_ids_changed(*this);
    return sid_;
}

void Process::reset_signal_handlers()
{
    for (auto& action : signal_actions_) {
        if (action.handler != kSignalIgnore)
            action.handler = kSignalDefault;
        action.flags = 0;
        action.restorer = 0;
        action.mask = 0;
    }
}

klib::ErrorOr<klib::RefPtr<Process>> Process::fork(const arch::InterruptFrame& frame)
{
    auto space = TRY(address_space_->clone());
    mm::PhysAddr upmap = TRY(new_process_page());
    auto* process = new (std::nothrow)
        Process(allocate_pid(), pid_, static_cast<klib::OwnPtr<mm::AddressSpace>&&>(space), upmap);
    if (!process) {
        mm::unref_frame(upmap);
        return klib::ErrorCode::NoMemory;
    }
    klib::RefPtr<Process> child(klib::RefPtr<Process>::Adopt, process);
    child->files_ = TRY(files_.clone());
    child->pgid_ = pgid_;
    child->sid_ = sid_;
    child->credentials_ = credentials_;
    child->set_path(path_);
    memcpy(child->layers_, layers_, sizeof(layers_));
    child->layer_count_ = layer_count_;
    child->always_trap_layers_ = always_trap_layers_;
    for (int signal = 0; signal < kSignalCount; ++signal)
        child->signal_actions_[signal] = signal_actions_[signal];
    child->blocked_ = blocked_;

    // The child's own page goes where the parent's is.
    for (const mm::Region& region : child->address_space_->regions()) {
        if (region.kind != mm::RegionKind::ProcessPage)
            continue;
        TRY(child->address_space_->page_table().map(region.start, upmap, mm::map_flags_for(region.protection)));
        mm::ref_frame(upmap);
    }
    kabi::process_created(*child);

    arch::InterruptFrame entry = frame;
    entry.rax = 0;
    auto thread = TRY(Thread::create_user(*child, entry, arch::rdmsr(arch::msr::kFsBase), child->pid_));
    // The parent's live FPU state is the child's starting one.
    asm volatile("fxsave64 %0" : "=m"(thread->context().fpu) : : "memory");
    child->set_main_thread(static_cast<klib::OwnPtr<Thread>&&>(thread));

    child->publish();
    return child;
}

void Process::notify_parent(int signal_for_parent)
{
    Process* parent = this->parent();
    if (!parent)
        return;
    if (signal_for_parent)
        send_signal(*parent, signal_for_parent);
    ++parent->child_events_seen_;
    parent->child_events_.wake_all();
}

void Process::terminate(int wait_status)
{
    KASSERT(this == current_process());
    // Everything the process holds goes now; only the zombie record stays.
    release_resources(*this);
    alarm_deadline_ns_ = 0;
    address_space_.reset();

    auto state = klib::interrupts_save_and_disable();
    // Orphans go to init (or, without init, to the kernel, which reaps them).
    Process* init = find_process(kInitPid);
    if (init && (init == this || init->state_ == ProcessState::Zombie))
        init = nullptr;
    for (Process& child : g_processes) {
        if (child.ppid_ != pid_)
            continue;
        child.ppid_ = init ? kInitPid : 0;
        kabi::process_ids_changed(child);
        if (child.state_ == ProcessState::Zombie) {
            if (init) {
                ++init->child_events_seen_;
                init->child_events_.wake_all();
            }
            else
                reaper::adopt_orphan(child);
        }
    }
    state_ = ProcessState::Zombie;
    wait_status_ = wait_status;
    klib::interrupts_restore(state);

    if (parent())
        notify_parent(kSigchld);
    else
        reaper::adopt_orphan(*this);
    exit_waiters_.wake_all();
    sched::exit_current_thread();
}

void Process::exit(int code)
{
    klog::debug("proc: pid {} ({}) exited with status {}", pid_, path_, code & 0xff);
    terminate(wait_status_for_exit(code));
}

void Process::exit_by_signal(int signal, bool core)
{
    klog::debug("proc: pid {} ({}) killed by signal {}", pid_, path_, signal);
    terminate(wait_status_for_signal(signal, core));
}

void Process::stop(int signal)
{
    KASSERT(this == current_process());
    state_ = ProcessState::Stopped;
    wait_status_ = wait_status_stopped(signal);
    status_reported_ = false;
    Process* parent = this->parent();
    bool quiet = parent && (parent->signal_actions_[kSigchld].flags & kSaNoChildStop);
    notify_parent(quiet ? 0 : kSigchld);
    stop_queue_.wait_until([this] {
        return state_ != ProcessState::Stopped || (pending_ & signal_bit(kSigkill));
    });
}

void Process::resume()
{
    if (state_ != ProcessState::Stopped)
        return;
    state_ = ProcessState::Running;
    stop_queue_.wake_all();
}

klib::ErrorOr<Process::WaitResult> Process::wait_for_child(int target, bool no_hang, bool report_stopped)
{
    for (;;) {
        uint64_t generation = child_events_seen_;
        bool any = false;
        Process* zombie = nullptr;
        Process* stopped = nullptr;
        {
            auto state = klib::interrupts_save_and_disable();
            for (Process& child : g_processes) {
                if (child.ppid_ != pid_ || !matches_wait_target(child, target, pgid_))
                    continue;
                any = true;
                if (child.state_ == ProcessState::Zombie) {
                    zombie = &child;
                    break;
                }
                if (report_stopped && child.state_ == ProcessState::Stopped && !child.status_reported_)
                    stopped = &child;
            }
            if (zombie)
                decltype(g_processes)::remove(*zombie);
            klib::interrupts_restore(state);
        }
        if (zombie) {
            WaitResult result { zombie->pid_, zombie->wait_status_ };
            zombie->unref(); // the table's reference
            return result;
        }
        if (stopped) {
            stopped->status_reported_ = true;
            return WaitResult { stopped->pid_, stopped->wait_status_ };
        }
        if (!any)
            return klib::ErrorCode::NoChild;
        if (no_hang)
            return WaitResult { 0, 0 };
        // Anything that changes a child bumps the count; then look again.
        TRY(child_events_.wait_interruptible([&] { return child_events_seen_ != generation; }));
    }
}

void Process::wait_for_exit()
{
    exit_waiters_.wait_until([this] { return state_ == ProcessState::Zombie; });
}

Process* current_process() { return sched::current().process(); }

Process* find_process(int pid)
{
    for (Process& process : g_processes)
        if (process.pid() == pid)
            return &process;
    return nullptr;
}

size_t process_count()
{
    size_t count = 0;
    for_each_process([&](Process&) {
        ++count;
        return true;
    });
    return count;
}

} // namespace proc
