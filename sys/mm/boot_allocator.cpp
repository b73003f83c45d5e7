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
    if (count == 0)
        return klib::ErrorCode::Invalid;
    uint64_t bytes = count * kPage;
    auto map = info_->memory_map();
    // Search with copies: a request that fits nowhere must leave the
    // allocator as it was.
    PhysAddr cursor = cursor_;
    for (size_t index = region_; index < map.size(); ++index, cursor = 0) {
        const boot::MemoryRegion& region = map[index];
        if (region.type != boot::MemoryType::Usable)
            continue;
        PhysAddr region_end = klib::align_down(region.base + region.length, kPage);
        PhysAddr start = klib::max(klib::align_up(klib::max(region.base, kLowestUsable), kPage), cursor);
        while (start + bytes <= region_end) {
            if (is_reserved(start, start + bytes)) {
                start += kPage;
                continue;
            }
            bool extends_last = handed_out_count_ && handed_out_[handed_out_count_ - 1].end == start;
            if (!extends_last && handed_out_count_ == kMaxHandedOut)
                return klib::ErrorCode::NoMemory;
            if (extends_last)
                handed_out_[handed_out_count_ - 1].end = start + bytes;
            else
                handed_out_[handed_out_count_++] = { start, start + bytes };
            region_ = index;
            cursor_ = start + bytes;
            return start;
        }
    }
    return klib::ErrorCode::NoMemory;
}

} // namespace mm
