#pragma once
#include "abi-versions/v2/kernel/abi.h"
#include "mm/phys_range.h"

// Kernel ABI 2's shared pages: the system-wide kpmap and each process's
// upmap, written under their sequence counters.
namespace kabi::v2 {

void init_kpmap();
mm::PhysAddr kpmap_frame();
void update_coarse_time();

banos_k2_upmap& upmap_of(mm::PhysAddr frame);

// Sequence-counter writes: odd while the fields change.
template <typename Page, typename Update>
void write_shared(Page& page, Update&& update)
{
    __atomic_store_n(&page.sequence, page.sequence + 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    update(page);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __atomic_store_n(&page.sequence, page.sequence + 1, __ATOMIC_RELAXED);
}

} // namespace kabi::v2
