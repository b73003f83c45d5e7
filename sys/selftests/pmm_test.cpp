// Physical memory manager, on the real memory map.
#include "arch/x86_64/mm/phys.h"
#include "kernel/ktest.h"
#include "mm/physical_memory.h"

KTEST(pmm_every_free_page_allocates_and_returns)
{
    size_t before = mm::physical_memory_stats().free_frames;
    // The allocated frames link themselves into a list: no other memory needed.
    mm::PhysAddr head = 0;
    size_t count = 0;
    for (;;) {
        auto frame = mm::allocate_frame(mm::FrameUse::Test);
        if (frame.is_error())
            break;
        *arch::phys_to_virt<mm::PhysAddr>(frame.value()) = head;
        head = frame.value();
        ++count;
    }
    size_t at_bottom = mm::physical_memory_stats().free_frames;
    while (head) {
        mm::PhysAddr next = *arch::phys_to_virt<mm::PhysAddr>(head);
        mm::free_frame(head);
        head = next;
    }
    size_t after = mm::physical_memory_stats().free_frames;
    KEXPECT(count == before, "allocated {} frames, {} were free", count, before);
    KEXPECT(at_bottom == 0, "{} frames still free when allocation failed", at_bottom);
    KEXPECT(after == before, "free count {} after freeing everything, {} before", after, before);
}

KTEST(pmm_aligned_runs_are_aligned_and_disjoint)
{
    size_t before = mm::physical_memory_stats().free_frames;
    struct Run {
        mm::PhysAddr start;
        size_t count;
    } runs[32];
    size_t made = 0;
    for (size_t i = 0; i < 32; ++i) {
        size_t count = 1 + (i * 7) % 23;
        size_t alignment = size_t(1) << (i % 10);
        auto run = mm::allocate_frames(count, mm::FrameUse::Test, alignment);
        KEXPECT(!run.is_error(), "no run of {} frames aligned to {}", count, alignment);
        KEXPECT(run.value() % (alignment * mm::kPageSize) == 0, "run at {:#x} not aligned to {} frames",
                run.value(), alignment);
        for (size_t j = 0; j < made; ++j) {
            bool disjoint = run.value() + count * mm::kPageSize <= runs[j].start
                || runs[j].start + runs[j].count * mm::kPageSize <= run.value();
            KEXPECT(disjoint, "runs at {:#x} and {:#x} overlap", run.value(), runs[j].start);
        }
        runs[made++] = { run.value(), count };
    }
    for (size_t i = 0; i < made; ++i)
        mm::free_frames(runs[i].start, runs[i].count);
    KEXPECT(mm::physical_memory_stats().free_frames == before, "frames lost");
}

KTEST(pmm_frame_records_follow_allocation)
{
    auto frame = mm::allocate_frame(mm::FrameUse::Test);
    KEXPECT(!frame.is_error(), "no frame");
    mm::PageFrame* record = mm::frame_for(frame.value());
    KEXPECT(record && record->use == mm::FrameUse::Test, "frame record not marked");
    mm::free_frame(frame.value());
    KEXPECT(record->use == mm::FrameUse::Free, "freed frame not marked free");
    KEXPECT(mm::frame_for(1ull << 50) == nullptr, "a record for an address beyond RAM");
}
