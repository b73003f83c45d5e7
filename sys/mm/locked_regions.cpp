// The one way locked regions (a syscall layer's pages in a window) leave a
// living address space: syslayer_detach. unmap refuses them, as the
// program must never change a window.
#include "mm/address_space.h"

namespace mm {

size_t AddressSpace::remove_locked(uint64_t start, uint64_t end)
{
    size_t removed = 0;
    for (size_t i = 0; i < regions_.size();) {
        const Region& region = regions_[i];
        if (region.locked && region.start >= start && region.end <= end) {
            uint64_t region_start = region.start, region_end = region.end;
            regions_.remove(i);
            unmap_pages(region_start, region_end);
            ++removed;
        } else {
            ++i;
        }
    }
    return removed;
}

} // namespace mm
