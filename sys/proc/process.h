#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/intrusive_list.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/string_view.h"
#include "mm/address_space.h"
#include "mm/phys_range.h"
#include "vfs/path.h"
#include "proc/credentials.h"
#include "proc/process_files.h"
#include "proc/signals.h"
#include "proc/thread.h"
#include "proc/wait_queue.h"

namespace proc {

// Where in a process a syscall layer's code lies: the only place a
// `syscall` instruction is accepted from. A layer syslayer_attach put in
// also records its window, which syslayer_detach may take out again; the
// layers exec mapped have none and stay for the process's life.
struct LayerText {
    uint64_t start;
    uint64_t end;
    uint64_t window_start { 0 };
    uint64_t window_end { 0 };

    bool is_attached() const { return window_end > window_start; }
};

enum class ProcessState : uint8_t { Running, Stopped, Zombie };

class Process : public klib::RefCounted<Process> {
public:
    static constexpr size_t kMaxLayers = 32;
    static constexpr int kInitPid = 1;

    // A new process with an empty address space (exec fills it). It joins
    // the process table only when published, so one that never gets to
    // run leaves no trace.
    static klib::ErrorOr<klib::RefPtr<Process>> create(klib::StringView path, Process* parent);
    // posix_spawn's child of this process, unpublished: it has this one's
    // descriptors, directories, umask, ids, group, session and signal mask;
    // caught signals go back to their default action and ignored ones stay
    // ignored, as exec would leave them. Exec then fills its address space.
    klib::ErrorOr<klib::RefPtr<Process>> create_child(klib::StringView path);
    void publish();
    ~Process();

    int pid() const { return pid_; }
    int ppid() const { return ppid_; }
    int pgid() const { return pgid_; }
    int sid() const { return sid_; }
    const Credentials& credentials() const { return credentials_; }
    void set_credentials(const Credentials&);
    const char* path() const { return path_; }
    void set_path(klib::StringView);
    ProcessState state() const { return state_; }

    mm::AddressSpace& address_space() { return *address_space_; }
    ProcessFiles& files() { return files_; }
    // How this process's paths resolve (root, cwd, credentials).
    vfs::ResolveContext resolve_context() const { return { files_.root, files_.cwd, credentials_ }; }
    // Installs a new address space (exec), dropping the old one. It becomes
    // the active one only if this is the running process (spawn fills a
    // child's while its parent runs).
    void replace_address_space(klib::OwnPtr<mm::AddressSpace>);

    // The per-process page the kernel keeps for its ABI's shared data
    // (ids, counters); mapped to user space where the kernel ABI says so.
    mm::PhysAddr upmap_frame() const { return upmap_frame_; }
    void count_syscall() { ++*syscall_counter_; }
    uint64_t syscall_count() const { return *syscall_counter_; }
    void set_syscall_counter(uint64_t* counter) { syscall_counter_ = counter; }

    // NoSpace once kMaxLayers layers are recorded. add_layer_text is
    // exec's: a layer with no window to detach.
    klib::ErrorOr<void> add_layer(const LayerText&);
    klib::ErrorOr<void> add_layer_text(uint64_t start, uint64_t end) { return add_layer({ start, end }); }
    bool is_layer_text(uint64_t address) const;
    // The attached layer whose window holds `address`, or null.
    const LayerText* attached_layer_at(uint64_t address) const;
    // Forgets the attached layer whose window starts at `window_start`:
    // its code is no layer code any more and its place is free.
    void remove_attached_layer(uint64_t window_start);
    void clear_layer_text() { layer_count_ = 0; }
    // Whether exec gave this process the always-trap layer variant: the
    // layers ld-elf attaches later (syslayer_attach) are of the same kind.
    bool uses_always_trap_layers() const { return always_trap_layers_; }
    void set_always_trap_layers(bool always_trap) { always_trap_layers_ = always_trap; }

    Thread* main_thread() { return main_thread_.get(); }
    void set_main_thread(klib::OwnPtr<Thread> thread) { main_thread_ = static_cast<klib::OwnPtr<Thread>&&>(thread); }

    // Process groups and sessions (POSIX rules; errors as POSIX says).
    klib::ErrorOr<void> set_process_group(Process& caller, int pgid);
    klib::ErrorOr<int> create_session();

    // Signals.
    SignalAction& signal_action(int signal) { return signal_actions_[signal]; }
    SignalSet& pending_signals() { return pending_; }
    SignalSet& blocked_signals() { return blocked_; }
    // sigsuspend's caller mask, put back once the signal has been handled.
    klib::Optional<SignalSet>& mask_after_suspend() { return mask_after_suspend_; }
    void reset_signal_handlers(); // exec: handlers back to default, ignored stay ignored
    // alarm(): the monotonic time SIGALRM is due (0: none); proc/alarm.h.
    uint64_t alarm_deadline() const { return alarm_deadline_ns_; }
    void set_alarm_deadline(uint64_t deadline_ns) { alarm_deadline_ns_ = deadline_ns; }

    // Termination: exit code or signal. Closes everything, hands children
    // to init, tells the parent; the thread stops for good.
    [[noreturn]] void exit(int code);
    [[noreturn]] void exit_by_signal(int signal, bool core);
    // Job control: the calling (current) process stops until continued.
    void stop(int signal);
    void resume();
    bool has_exited() const { return state_ == ProcessState::Zombie; }
    int wait_status() const { return wait_status_; }

    // fork: a copy of the current process whose thread returns 0 from the
    // system call described by `frame`.
    klib::ErrorOr<klib::RefPtr<Process>> fork(const arch::InterruptFrame& frame);

    // waitpid: pid > 0 that child, -1 any child, 0 any in the caller's
    // group, < -1 any in group -pid. Returns (pid, status), or pid 0 with
    // no_hang when none has changed; NoChild if none can match.
    struct WaitResult {
        int pid;
        int status;
    };
    klib::ErrorOr<WaitResult> wait_for_child(int pid, bool no_hang, bool report_stopped);
    // For the kernel's own init sequence (processes whose parent is the kernel).
    void wait_for_exit();

    klib::IntrusiveListNode table_node;

private:
    Process(int pid, int ppid, klib::OwnPtr<mm::AddressSpace>, mm::PhysAddr upmap);
    [[noreturn]] void terminate(int wait_status);
    friend void release_resources(Process&);
    void notify_parent(int signal_for_parent);
    Process* parent() const;

    int pid_;
    int ppid_;
    int pgid_;
    int sid_;
    Credentials credentials_;
    char path_[128] {};
    klib::OwnPtr<mm::AddressSpace> address_space_;
    ProcessFiles files_;
    mm::PhysAddr upmap_frame_;
    uint64_t own_syscall_count_ { 0 };
    uint64_t* syscall_counter_ { &own_syscall_count_ };
    LayerText layers_[kMaxLayers] {};
    size_t layer_count_ { 0 };
    bool always_trap_layers_ { false };
    klib::OwnPtr<Thread> main_thread_;

    SignalAction signal_actions_[kSignalCount];
    SignalSet pending_ { 0 };
    SignalSet blocked_ { 0 };
    klib::Optional<SignalSet> mask_after_suspend_;
    uint64_t alarm_deadline_ns_ { 0 };

    ProcessState state_ { ProcessState::Running };
    int wait_status_ { 0 };
    bool status_reported_ { false }; // a stop already reported to waitpid
    uint64_t child_events_seen_ { 0 }; // counts changes to children, for waitpid
    WaitQueue child_events_;         // this process waits here for its children
    WaitQueue stop_queue_;           // this process waits here while stopped
    WaitQueue exit_waiters_;         // the kernel waits here for kernel-started processes
};

Process* current_process();
// A live or zombie process by pid, or null.
Process* find_process(int pid);
// Calls fn(Process&) for every process; fn returns false to stop.
template <typename F>
void for_each_process(F&& fn);
size_t process_count();

namespace detail {
klib::IntrusiveList<Process, &Process::table_node>& process_table();
}

template <typename F>
void for_each_process(F&& fn)
{
    for (Process& process : detail::process_table())
        if (!fn(process))
            return;
}

} // namespace proc
