#include "proc/thread.h"

#include <new>

#include "proc/scheduler.h"

namespace proc {

namespace {
int g_next_kernel_id = 1 << 30;
} // namespace

int allocate_kernel_thread_id() { return __atomic_fetch_add(&g_next_kernel_id, 1, __ATOMIC_RELAXED); }

Thread::Thread(int tid, const char* name, Process* process, klib::Optional<mm::KernelStack> stack)
    : tid_(tid), process_(process), stack_(static_cast<klib::Optional<mm::KernelStack>&&>(stack))
{
    for (size_t i = 0; i + 1 < sizeof(name_) && name[i]; ++i)
        name_[i] = name[i];
    arch::init_fpu_state(context_.fpu);
}

klib::ErrorOr<klib::OwnPtr<Thread>> Thread::make(int tid, const char* name, Process* process,
                                                klib::Optional<mm::KernelStack> stack)
{
    auto* thread = new (std::nothrow) Thread(tid, name, process, static_cast<klib::Optional<mm::KernelStack>&&>(stack));
    if (!thread)
        return klib::ErrorCode::NoMemory;
    return klib::OwnPtr<Thread>(thread);
}

klib::ErrorOr<klib::OwnPtr<Thread>> Thread::create_kernel(const char* name, arch::ThreadFunction function,
                                                          void* argument)
{
    mm::KernelStack stack = TRY(mm::KernelStack::create());
    uint64_t top = stack.top();
    auto thread = TRY(make(allocate_kernel_thread_id(), name, nullptr, static_cast<mm::KernelStack&&>(stack)));
    arch::prepare_thread_stack(thread->context_, top, function, argument);
    return thread;
}

klib::ErrorOr<klib::OwnPtr<Thread>> Thread::create_user(Process& process, const arch::InterruptFrame& entry,
                                                        uint64_t fs_base, int tid)
{
    mm::KernelStack stack = TRY(mm::KernelStack::create());
    uint64_t top = stack.top();
    auto thread = TRY(make(tid, "user", &process, static_cast<mm::KernelStack&&>(stack)));
    thread->user_entry_ = entry;
    thread->context_.fs_base = fs_base;
    arch::prepare_thread_stack(thread->context_, top, start_user, thread.get());
    return thread;
}

klib::ErrorOr<klib::OwnPtr<Thread>> Thread::adopt_boot_thread()
{
    auto thread = TRY(make(allocate_kernel_thread_id(), "idle", nullptr, {}));
    thread->state_ = ThreadState::Running;
    return thread;
}

void Thread::start_user(void* argument)
{
    auto* thread = static_cast<Thread*>(argument);
    arch::enter_user_mode(thread->user_entry_);
}

} // namespace proc
