#include "mm/file_pages.h"

#include <string.h>

#include "arch/x86_64/mm/phys.h"
#include "mm/physical_memory.h"

namespace mm {

klib::ErrorOr<unsigned char*> allocate_file_page()
{
    PhysAddr frame = TRY(allocate_frame(FrameUse::User));
    ref_frame(frame);
    auto* page = arch::phys_to_virt<unsigned char>(frame);
    memset(page, 0, kPageSize);
    return page;
}

void release_file_page(unsigned char* page) { unref_frame(arch::virt_to_phys(page)); }

uint64_t share_file_page(unsigned char* page)
{
    PhysAddr frame = arch::virt_to_phys(page);
    ref_frame(frame);
    return frame;
}

} // namespace mm
