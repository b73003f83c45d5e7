#pragma once
#include <stdint.h>

#include "arch/x86_64/cpu/thread_context.h"
#include "kabi/pending_messages.h"
#include "lib/error_or.h"
#include "lib/intrusive_list.h"
#include "lib/optional.h"
#include "lib/own_ptr.h"
#include "mm/kernel_stack.h"

namespace proc {

class Process;
class WaitQueue;

enum class ThreadState : uint8_t { Runnable, Running, Blocked, Dead };

// Why a blocked thread woke up.
enum class WakeReason : uint8_t { Woken, TimedOut, Interrupted };

// A schedulable thread: its own kernel stack and saved CPU state. User
// threads belong to a process; kernel threads have none.
class Thread {
public:
    // A kernel thread that runs function(argument), then exits.
    static klib::ErrorOr<klib::OwnPtr<Thread>> create_kernel(const char* name, arch::ThreadFunction function,
                                                             void* argument);
    // A user thread of `process` that enters user mode through `entry`.
    static klib::ErrorOr<klib::OwnPtr<Thread>> create_user(Process& process, const arch::InterruptFrame& entry,
                                                           uint64_t fs_base, int tid);
    // The boot CPU's first thread, adopted as it runs (it becomes the idle thread).
    static klib::ErrorOr<klib::OwnPtr<Thread>> adopt_boot_thread();

    int tid() const { return tid_; }
    const char* name() const { return name_; }
    Process* process() const { return process_; }
    ThreadState state() const { return state_; }
    void set_state(ThreadState state) { state_ = state; }
    arch::ThreadContext& context() { return context_; }

    // The frame a new user thread first enters user mode with (fork sets
    // rax = 0 in its copy of the parent's).
    arch::InterruptFrame& user_entry() { return user_entry_; }

    // Blocking bookkeeping, owned by the scheduler and wait queues.
    klib::IntrusiveListNode queue_node;  // run queue or a wait queue
    klib::IntrusiveListNode timer_node;  // the sleepers list
    WaitQueue* blocked_on { nullptr };
    bool interruptible { false };
    uint64_t wake_at_ns { 0 };           // 0: no timeout
    WakeReason wake_reason { WakeReason::Woken };

    // A system call that a signal interrupted, so delivery can restart it.
    bool syscall_interrupted { false };
    bool syscall_restartable { true }; // sigsuspend and nanosleep say no
    uint64_t syscall_number { 0 }; // rax at entry: what a restart re-enters

    // Kernel ABI 3: messages left pending by SUBMIT, for AWAIT.
    kabi::PendingMessages pending_messages;

private:
    static klib::ErrorOr<klib::OwnPtr<Thread>> make(int tid, const char* name, Process*, klib::Optional<mm::KernelStack>);
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

// Kernel threads draw ids from the top half so process ids start at 1.
int allocate_kernel_thread_id();

} // namespace proc
