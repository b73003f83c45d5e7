#include "mm/address_space.h"

#include <string.h>

#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/phys.h"
#include "lib/math.h"
#include "mm/kernel_memory.h"
#include "mm/physical_memory.h"

namespace mm {

namespace {
bool valid_user_range(uint64_t start, uint64_t size)
{
    uint64_t end;
    return size && klib::is_aligned(start, kPageSize) && klib::is_aligned(size, kPageSize)
        && !klib::add_overflows(start, size, &end) && end <= arch::layout::kUserTop && start >= kPageSize;
}
} // namespace

klib::ErrorOr<klib::OwnPtr<AddressSpace>> AddressSpace::create()
{
    arch::PageTable table = TRY(arch::PageTable::create_user(kernel_page_table()));
    auto* space = new (std::nothrow) AddressSpace(static_cast<arch::PageTable&&>(table));
    if (!space)
        return klib::ErrorCode::NoMemory;
    return klib::OwnPtr<AddressSpace>(space);
}

AddressSpace::~AddressSpace()
{
    // A kernel thread may still be running on this table (kernel threads
    // borrow whatever table was active); move it to the kernel's first.
    if (table_.is_active())
        kernel_page_table().activate();
    for (const Region& region : regions_)
        unmap_range(region.start, region.end);
}

void AddressSpace::unmap_range(uint64_t start, uint64_t end)
{
    for (uint64_t page = start; page < end; page += kPageSize)
        if (auto frame = table_.unmap(page))
            unref_frame(*frame);
}

bool AddressSpace::range_is_free(uint64_t start, uint64_t end) const
{
    for (const Region& region : regions_)
        if (region.start < end && start < region.end)
            return false;
    return true;
}

const Region* AddressSpace::region_at(uint64_t address) const
{
    for (const Region& region : regions_)
        if (address >= region.start && address < region.end)
            return &region;
    return nullptr;
}

klib::ErrorOr<void> AddressSpace::add_region(const Region& region)
{
    size_t index = 0;
    while (index < regions_.size() && regions_[index].start < region.start)
        ++index;
    return regions_.try_insert(index, region);
}

klib::ErrorOr<void> AddressSpace::map_anonymous(uint64_t start, uint64_t size, uint32_t flags, const char* name,
                                                bool locked)
{
    if (!valid_user_range(start, size))
        return klib::ErrorCode::Invalid;
    if (!range_is_free(start, start + size))
        return klib::ErrorCode::Exists;
    TRY(add_region({ start, start + size, flags, locked, name }));
    for (uint64_t page = start; page < start + size; page += kPageSize) {
        auto frame = allocate_frame(FrameUse::User);
        klib::ErrorOr<void> mapped = frame.is_error() ? klib::ErrorOr<void>(frame.error())
                                                      : table_.map(page, frame.value(), flags | arch::kMapUser);
        if (mapped.is_error()) {
            if (!frame.is_error())
                free_frame(frame.value());
            unmap_range(start, page);
            regions_.remove(static_cast<size_t>(region_at(start) - regions_.data()));
            return mapped.release_error();
        }
        memset(arch::phys_to_virt(frame.value()), 0, kPageSize);
        ref_frame(frame.value());
    }
    return {};
}

klib::ErrorOr<void> AddressSpace::map_frames(uint64_t start, klib::Span<const PhysAddr> frames, uint32_t flags,
                                             const char* name, bool locked)
{
    uint64_t size = frames.size() * kPageSize;
    if (!valid_user_range(start, size))
        return klib::ErrorCode::Invalid;
    if (!range_is_free(start, start + size))
        return klib::ErrorCode::Exists;
    TRY(add_region({ start, start + size, flags, locked, name }));
    for (size_t i = 0; i < frames.size(); ++i) {
        auto mapped = table_.map(start + i * kPageSize, frames[i], flags | arch::kMapUser);
        if (mapped.is_error()) {
            unmap_range(start, start + i * kPageSize);
            regions_.remove(static_cast<size_t>(region_at(start) - regions_.data()));
            return mapped.release_error();
        }
        ref_frame(frames[i]);
    }
    return {};
}

klib::ErrorOr<void> AddressSpace::write(uint64_t address, klib::ReadonlyBytes bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        uint64_t at = address + done;
        auto translation = table_.translate(at);
        if (!translation)
            return klib::ErrorCode::Fault;
        size_t chunk = klib::min<uint64_t>(bytes.size() - done, kPageSize - (at % kPageSize));
        memcpy(arch::phys_to_virt(translation->phys), bytes.data() + done, chunk);
        done += chunk;
    }
    return {};
}

} // namespace mm
