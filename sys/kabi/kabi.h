#pragma once
#include <stdint.h>

#include "abi-versions/common/window.h"
#include "arch/x86_64/interrupts/frame.h"
#include "lib/error_or.h"

namespace proc {
class Process;
struct SavedUserState;
}
namespace mm {
class AddressSpace;
}

// The kernel's private trap interface, as kernel ABI KERNEL_ABI defines it.
// Exactly one implementation (sys/kabi/v<KERNEL_ABI>/) is built into a
// kernel; everything else in the kernel is ABI-neutral.
namespace kabi {

constexpr uint32_t kVersion = KERNEL_ABI;

// After the clock runs: shared pages, if this ABI has any.
void init();
// A new process: its per-process page and where its system calls are counted.
void process_created(proc::Process&);
// A process's ids changed: rewrite whatever user space reads them from.
void process_ids_changed(proc::Process&);
void timer_tick();

// Decodes the trap in `frame`, runs it, and stores the result the way this
// ABI returns results. True if the call failed with Interrupted (signal
// delivery may then restart it).
bool dispatch(arch::InterruptFrame& frame);

// Signal frames, as this ABI lays them out on the user stack. push returns
// the handler's stack pointer; read takes the stack pointer the sigreturn
// trap arrived with.
klib::ErrorOr<uint64_t> push_signal_frame(const proc::SavedUserState&, int signal, uint64_t restorer,
                                          uint64_t user_rsp);
klib::ErrorOr<void> read_signal_frame(uint64_t user_rsp, proc::SavedUserState& out);

// Maps the shared pages a layer asks for into the process's window;
// refuses (ExecFormat) pages this ABI does not have.
klib::ErrorOr<void> map_shared_pages(mm::AddressSpace&, proc::Process&, uint64_t window,
                                     const banos_layer_descriptor&);

} // namespace kabi
