// fork, execve, waitpid, exit.
#include "arch/x86_64/cpu/cpu.h"
#include "exec/exec.h"
#include "kernel/log.h"
#include "lib/vector.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "proc/process_resources.h"
#include "proc/scheduler.h"
#include "syscall/string_list.h"
#include "syscall/syscalls.h"

namespace sys {

namespace {
constexpr size_t kMaxPath = 4096;
constexpr int kWaitNoHang = 1, kWaitUntraced = 2;
} // namespace

void exit(int status) { proc::current_process()->exit(status & 0xff); }

klib::ErrorOr<int> fork(const arch::InterruptFrame& frame)
{
    proc::Process& parent = *proc::current_process();
    auto child = parent.fork(frame);
    if (child.is_error()) {
        klog::warn("fork: pid {} ({}): {}", parent.pid(), parent.path(), child.error());
        return child.release_error();
    }
    sched::make_runnable(*child.value()->main_thread());
    return child.value()->pid();
}

klib::ErrorOr<void> execve(arch::InterruptFrame& frame, uint64_t user_path, uint64_t user_argv, uint64_t user_envp)
{
    char path_buffer[256];
    auto path_view = mm::copy_string_from_user(path_buffer, sizeof(path_buffer), user_path);
    if (path_view.is_error())
        return path_view.release_error();
    StringList arguments, environment;
    TRY(copy_string_list(user_argv, arguments));
    TRY(copy_string_list(user_envp, environment));
    (void)kMaxPath;

    proc::Process& process = *proc::current_process();
    exec::LoadRequest request { path_view.value(), arguments.span(), environment.span() };
    exec::LoadedImage image = TRY(exec::load(process, request));
    // The point of no return: the old program is gone from here on.
    exec::commit(process, image, path_view.value());
    process.reset_signal_handlers();
    proc::close_on_exec(process);
    frame = image.entry;
    frame.vector = 0x100;
    arch::wrmsr(arch::msr::kFsBase, image.thread_pointer);
    return {};
}

klib::ErrorOr<int> waitpid(int pid, uint64_t user_status, int options)
{
    if (options & ~(kWaitNoHang | kWaitUntraced))
        return klib::ErrorCode::Invalid;
    proc::Process& process = *proc::current_process();
    auto result = TRY(process.wait_for_child(pid, options & kWaitNoHang, options & kWaitUntraced));
    if (result.pid && user_status) {
        int32_t status = result.status;
        TRY(mm::copy_to_user(user_status, &status, sizeof(status)));
    }
    return result.pid;
}

} // namespace sys
