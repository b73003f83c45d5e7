#include "mm/boot_allocator.h"

#include "lib/math.h"

namespace mm {

namespace {
constexpr uint64_t kPage = 4096;
// Below 1 MiB live the BIOS data, real-mode vectors and option ROMs.
constexpr PhysAddr kLowestUsable = 1 << 20;
} // namespace

void BootAllocator::init(const boot::BootInfo& info, klib::Span<const PhysRange> reserved)
{
    info_ = &info;
    KASSERT(reserved.size() <= kMaxReserved);
    for (const PhysRange& range : reserved)
        reserved_[reserved_count_++] = range;
    region_ = 0;
    cursor_ = 0;
}

bool BootAllocator::is_reserved(PhysAddr start, PhysAddr end) const
{
    for (size_t i = 0; i < reserved_count_; ++i)
        if (reserved_[i].overlaps(start, end))
            return true;
    return false;
}

klib::ErrorOr<PhysAddr> BootAllocator::allocate(size_t count)
{
    uint64_t bytes = count * kPage;
    auto map = info_->memory_map();
    for (; region_ < map.size(); ++region_, cursor_ = 0) {
        const boot::MemoryRegion& region = map[region_];
        if (region.type != boot::MemoryType::Usable)
            continue;
        PhysAddr region_end = klib::align_down(region.base + region.length, kPage);
        PhysAddr start = klib::max(klib::align_up(klib::max(region.base, kLowestUsable), kPage), cursor_);
        while (start + bytes <= region_end) {
            if (is_reserved(start, start + bytes)) {
                start += kPage;
                continue;
            }
            cursor_ = start + bytes;
            if (handed_out_count_ && handed_out_[handed_out_count_ - 1].end == start) {
                handed_out_[handed_out_count_ - 1].end = cursor_;
            } else {
                if (handed_out_count_ == kMaxHandedOut)
                    return klib::ErrorCode::NoMemory;
                handed_out_[handed_out_count_++] = { start, cursor_ };
            }
            return start;
        }
    }
    return klib::ErrorCode::NoMemory;
}

} // namespace mm
