#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/intrusive_list.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/string_view.h"
#include "mm/address_space.h"
#include "mm/phys_range.h"
#include "proc/thread.h"
#include "proc/wait_queue.h"

namespace proc {

struct Credentials {
    uint32_t uid { 0 };
    uint32_t euid { 0 };
    uint32_t gid { 0 };
    uint32_t egid { 0 };
};

// Where in a process the syscall layer's code lies: the only place a
// `syscall` instruction is accepted from.
struct LayerText {
    uint64_t start;
    uint64_t end;
};

class Process : public klib::RefCounted<Process> {
public:
    static constexpr size_t kMaxLayers = 8;

    static klib::ErrorOr<klib::RefPtr<Process>> create(klib::StringView path, int parent_pid);
    ~Process();

    int pid() const { return pid_; }
    int ppid() const { return ppid_; }
    int pgid() const { return pgid_; }
    int sid() const { return sid_; }
    const Credentials& credentials() const { return credentials_; }
    const char* path() const { return path_; }
    mm::AddressSpace& address_space() { return *address_space_; }

    // The per-process page the kernel keeps for its ABI's shared data
    // (ids, counters); mapped to user space where the kernel ABI says so.
    mm::PhysAddr upmap_frame() const { return upmap_frame_; }
    void count_syscall() { ++*syscall_counter_; }
    uint64_t syscall_count() const { return *syscall_counter_; }
    void set_syscall_counter(uint64_t* counter) { syscall_counter_ = counter; }

    klib::ErrorOr<void> add_layer_text(uint64_t start, uint64_t end);
    bool is_layer_text(uint64_t address) const;

    Thread* main_thread() { return main_thread_.get(); }
    void set_main_thread(klib::OwnPtr<Thread> thread) { main_thread_ = static_cast<klib::OwnPtr<Thread>&&>(thread); }

    // Exit: the status is kept for whoever waits; the thread stops for good.
    [[noreturn]] void exit(int status);
    bool has_exited() const { return exited_; }
    int exit_status() const { return exit_status_; }
    // Blocks until the process has exited.
    void wait_for_exit();

    klib::IntrusiveListNode table_node;

private:
    Process(int pid, int ppid, klib::OwnPtr<mm::AddressSpace>, mm::PhysAddr upmap);

    int pid_;
    int ppid_;
    int pgid_;
    int sid_;
    Credentials credentials_;
    char path_[128] {};
    klib::OwnPtr<mm::AddressSpace> address_space_;
    mm::PhysAddr upmap_frame_;
    uint64_t own_syscall_count_ { 0 };
    uint64_t* syscall_counter_ { &own_syscall_count_ };
    LayerText layers_[kMaxLayers] {};
    size_t layer_count_ { 0 };
    klib::OwnPtr<Thread> main_thread_;
    bool exited_ { false };
    int exit_status_ { 0 };
    WaitQueue exit_waiters_;
};

Process* current_process();
// Looks a live process up by pid (null if none).
Process* find_process(int pid);

} // namespace proc
