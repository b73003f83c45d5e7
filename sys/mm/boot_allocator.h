#pragma once
#include <stddef.h>

#include "boot/boot_info.h"
#include "lib/error_or.h"
#include "lib/span.h"
#include "mm/phys_range.h"

// Hands out physical pages before the physical memory manager exists (its
// own bookkeeping and the first page tables need memory). Everything it
// handed out is remembered and stays allocated once the manager takes over.
namespace mm {

class BootAllocator {
public:
    static constexpr size_t kMaxReserved = 24;
    static constexpr size_t kMaxHandedOut = 16;

    void init(const boot::BootInfo&, klib::Span<const PhysRange> reserved);

    // `count` contiguous, page-aligned pages.
    klib::ErrorOr<PhysAddr> allocate(size_t count);
    klib::Span<const PhysRange> handed_out() const { return { handed_out_, handed_out_count_ }; }

private:
    bool is_reserved(PhysAddr start, PhysAddr end) const;

    const boot::BootInfo* info_ { nullptr };
    PhysRange reserved_[kMaxReserved] {};
    size_t reserved_count_ { 0 };
    PhysRange handed_out_[kMaxHandedOut] {};
    size_t handed_out_count_ { 0 };
    size_t region_ { 0 };     // memory-map index the cursor is in
    PhysAddr cursor_ { 0 };
};

} // namespace mm
