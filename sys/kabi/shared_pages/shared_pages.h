#pragma once
#include "abi-versions/common/window.h"
#include "abi-versions/v3/kernel/abi.h"
#include "lib/error_or.h"
#include "mm/phys_range.h"

namespace proc {
class Process;
}
namespace mm {
class AddressSpace;
}

// The shared pages of kernel ABIs 2 and 3, one implementation for both:
// the system-wide kpmap (kernel ABI 2's banos_k2_kpmap at the start of the
// frame; kernel ABI 3 adds its per-CPU records after it, as banos_k3_kpmap
// lays out) and each process's upmap, written under their sequence
// counters. Kernel ABI 1 has none and never calls this.
namespace kabi::shared {

enum class PerCpuRecords : bool { No, Yes };

// After the clock runs. Panics only if the machine has no free frame at
// boot, when nothing could run anyway.
void init_kpmap(uint32_t kernel_abi, PerCpuRecords);
mm::PhysAddr kpmap_frame();
void update_coarse_time();

// A new process: its upmap and where its system calls are counted.
void process_created(proc::Process&);
void process_ids_changed(proc::Process&);

// Maps the kpmap and upmap where the layer's descriptor asks.
klib::ErrorOr<void> map_pages(mm::AddressSpace&, proc::Process&, uint64_t window, const banos_layer_descriptor&);

// Sequence-counter writes: odd while the fields change.
template <typename Update>
void write_sequenced(uint32_t& sequence, Update&& update)
{
    __atomic_store_n(&sequence, sequence + 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    update();
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __atomic_store_n(&sequence, sequence + 1, __ATOMIC_RELAXED);
}

} // namespace kabi::shared
