// Locked regions (a syscall layer's pages in a window): the program's
// unmap refuses them; remove_locked takes exactly them out, leaving the
// memory around them alone and dropping their frames' references.
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
