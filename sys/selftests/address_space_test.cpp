// The region list: locked regions (a syscall layer's pages in a window)
// that unmap refuses and remove_locked takes out, and MAP_FIXED's replace.
#include "kernel/ktest.h"
#include "mm/address_space.h"
#include "mm/page_frame.h"
#include "mm/physical_memory.h"

namespace {
constexpr uint64_t kWindow = 0x40000000;
constexpr uint64_t kWindowEnd = kWindow + 4 * mm::kPageSize;
} // namespace

KTEST(address_space_remove_locked)
{
    auto created = mm::AddressSpace::create();
    KEXPECT(!created.is_error(), "no address space");
    mm::AddressSpace& space = *created.value();
    auto frame = mm::allocate_frame(mm::FrameUse::User);
    KEXPECT(!frame.is_error(), "no frame");
    mm::PhysAddr page = frame.value();
    mm::ref_frame(page); // the test's own, so the frame outlives the mapping
    uint32_t references = mm::frame_for(page)->ref_count;

    bool mapped = !space.map_frames(kWindow, klib::Span<const mm::PhysAddr>(&page, 1), mm::kProtRead,
                                    mm::RegionKind::Frames, "locked", true)
                       .is_error()
        && !space.map(mm::Region::make(kWindow + mm::kPageSize, kWindowEnd, mm::kProtRead | mm::kProtWrite,
                                       mm::RegionKind::Anonymous, "unlocked"))
                .is_error();
    uint32_t mapped_references = mm::frame_for(page)->ref_count;
    auto refused = space.unmap(kWindow, kWindowEnd - kWindow);
    size_t removed = space.remove_locked(kWindow, kWindowEnd);
    uint32_t references_after = mm::frame_for(page)->ref_count;
    bool locked_gone = space.region_at(kWindow) == nullptr;
    bool unlocked_kept = space.region_at(kWindow + mm::kPageSize) != nullptr;
    mm::unref_frame(page);

    KEXPECT(mapped, "could not map the regions");
    KEXPECT(mapped_references == references + 1, "mapping took {} references", mapped_references - references);
    KEXPECT(refused.is_error() && refused.error().code() == klib::ErrorCode::NotPermitted,
            "unmap of a locked range was not refused");
    KEXPECT(removed == 1 && locked_gone, "remove_locked removed {} regions", removed);
    KEXPECT(unlocked_kept, "remove_locked removed an unlocked region");
    KEXPECT(references_after == references, "the frame kept {} references too many", references_after - references);
}

namespace {
constexpr uint64_t kPage = mm::kPageSize;
constexpr uint64_t kArea = 0x50000000;

mm::Region anonymous(uint64_t start, uint64_t end, const char* name)
{
    return mm::Region::make(start, end, mm::kProtRead | mm::kProtWrite, mm::RegionKind::Anonymous, name);
}

// The regions as "name:first page-end page" relative to kArea, for one message.
bool layout_is(const mm::AddressSpace& space, const char* const* names, const uint64_t* bounds, size_t count)
{
    auto regions = space.regions();
    if (regions.size() != count)
        return false;
    for (size_t i = 0; i < count; ++i) {
        const mm::Region& r = regions[i];
        if (r.start != kArea + bounds[2 * i] * kPage || r.end != kArea + bounds[2 * i + 1] * kPage)
            return false;
        if (klib::StringView(r.name) != klib::StringView(names[i]))
            return false;
    }
    return true;
}
} // namespace

// mmap's MAP_FIXED: a new region replaces the front, the back, the middle,
// the whole of one region, or parts of two; the pages under it go; the
// list stays sorted; a locked region refuses and nothing changes.
KTEST(address_space_replace)
{
    auto created = mm::AddressSpace::create();
    KEXPECT(!created.is_error(), "no address space");
    mm::AddressSpace& space = *created.value();
    KEXPECT(!space.map(anonymous(kArea, kArea + 8 * kPage, "old")).is_error(), "map failed");
    KEXPECT(!space.populate(kArea, kArea + 8 * kPage, true).is_error(), "populate failed");

    KEXPECT(!space.replace(anonymous(kArea, kArea + 2 * kPage, "front")).is_error(), "front refused");
    {
        const char* names[] = { "front", "old" };
        const uint64_t bounds[] = { 0, 2, 2, 8 };
        KEXPECT(layout_is(space, names, bounds, 2), "front: wrong regions");
    }
    KEXPECT(!space.page_table().translate(kArea) && space.page_table().translate(kArea + 2 * kPage),
            "front: the replaced pages must go and the others stay");
    KEXPECT(!space.replace(anonymous(kArea + 7 * kPage, kArea + 8 * kPage, "back")).is_error(), "back refused");
    KEXPECT(!space.replace(anonymous(kArea + 4 * kPage, kArea + 5 * kPage, "middle")).is_error(), "middle refused");
    KEXPECT(!space.replace(anonymous(kArea + 5 * kPage, kArea + 7 * kPage, "whole")).is_error(), "whole refused");
    {
        const char* names[] = { "front", "old", "middle", "whole", "back" };
        const uint64_t bounds[] = { 0, 2, 2, 4, 4, 5, 5, 7, 7, 8 };
        KEXPECT(layout_is(space, names, bounds, 5), "back, middle, whole: wrong regions");
    }
    KEXPECT(space.page_table().translate(kArea + 3 * kPage) && !space.page_table().translate(kArea + 4 * kPage)
                && !space.page_table().translate(kArea + 6 * kPage),
            "middle, whole: wrong pages left");
    KEXPECT(!space.replace(anonymous(kArea + kPage, kArea + 3 * kPage, "across")).is_error(), "across refused");
    {
        const char* names[] = { "front", "across", "old", "middle", "whole", "back" };
        const uint64_t bounds[] = { 0, 1, 1, 3, 3, 4, 4, 5, 5, 7, 7, 8 };
        KEXPECT(layout_is(space, names, bounds, 6), "across two regions: wrong regions");
    }

    mm::Region locked = anonymous(kArea + 10 * kPage, kArea + 12 * kPage, "locked");
    locked.locked = true;
    KEXPECT(!space.map(locked).is_error(), "map of the locked region failed");
    auto refused = space.replace(anonymous(kArea + 10 * kPage, kArea + 11 * kPage, "over-locked"));
    KEXPECT(refused.is_error() && refused.error().code() == klib::ErrorCode::NotPermitted,
            "replacing part of a locked region was not refused");
    KEXPECT(space.regions().size() == 7 && space.region_at(kArea + 10 * kPage)->locked, "the refusal changed the list");
}

// populate of a range that ends inside a page fills that page (and returns).
KTEST(address_space_populate_part_of_a_page)
{
    auto created = mm::AddressSpace::create();
    KEXPECT(!created.is_error(), "no address space");
    mm::AddressSpace& space = *created.value();
    KEXPECT(!space.map(anonymous(kArea, kArea + 4 * kPage, "area")).is_error(), "map failed");
    KEXPECT(!space.populate(kArea + 100, kArea + kPage + 1, false).is_error(), "populate failed");
    KEXPECT(space.page_table().translate(kArea) && space.page_table().translate(kArea + kPage)
                && !space.page_table().translate(kArea + 2 * kPage),
            "populate of [+100, +4097) must fill exactly the first two pages");
}
