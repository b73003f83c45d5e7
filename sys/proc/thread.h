#pragma once
#include <stdint.h>

#include "arch/x86_64/cpu/thread_context.h"
#include "lib/error_or.h"
#include "lib/intrusive_list.h"
#include "lib/optional.h"
#include "lib/own_ptr.h"
#include "mm/kernel_stack.h"

namespace proc {

class Process;

enum class ThreadState : uint8_t { Runnable, Running, Blocked, Dead };

// A schedulable thread: its own kernel stack and saved CPU state. User
// threads belong to a process; kernel threads have none.
class Thread {
public:
    // A kernel thread that runs function(argument), then exits.
    static klib::ErrorOr<klib::OwnPtr<Thread>> create_kernel(const char* name, arch::ThreadFunction function,
                                                             void* argument);
    // A user thread of `process` that enters user mode through `entry`.
    static klib::ErrorOr<klib::OwnPtr<Thread>> create_user(Process& process, const arch::InterruptFrame& entry,
                                                           uint64_t fs_base);
    // The boot CPU's first thread, adopted as it runs (it becomes the idle thread).
    static klib::ErrorOr<klib::OwnPtr<Thread>> adopt_boot_thread();

    int tid() const { return tid_; }
    const char* name() const { return name_; }
    Process* process() const { return process_; }
    ThreadState state() const { return state_; }
    void set_state(ThreadState state) { state_ = state; }
    arch::ThreadContext& context() { return context_; }

    klib::IntrusiveListNode queue_node; // run queue or a wait queue

private:
    static klib::ErrorOr<klib::OwnPtr<Thread>> make(const char* name, Process*, klib::Optional<mm::KernelStack>);
    Thread(int tid, const char* name, Process* process, klib::Optional<mm::KernelStack> stack);
    static void start_user(void* thread);

    int tid_;
    char name_[32] {};
    Process* process_;
    ThreadState state_ { ThreadState::Runnable };
    klib::Optional<mm::KernelStack> stack_;
    arch::ThreadContext context_;
    arch::InterruptFrame user_entry_ {};
};

int allocate_id();

} // namespace proc
