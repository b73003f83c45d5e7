#include "exec/layer_mapping.h"

#include "kabi/kabi.h"
#include "lib/math.h"
#include "mm/physical_memory.h"
#include "proc/process.h"

namespace exec {

klib::ErrorOr<void> map_layer(mm::AddressSpace& space, proc::Process& process, const LayerImage& layer, uint64_t window)
{
    const banos_layer_descriptor& d = layer.descriptor;
    for (const LayerSegment& segment : layer.segments)
        TRY(space.map_frames(window + segment.offset, segment.frames.span(), segment.protection,
                             mm::RegionKind::Frames, "syslayer", true));
    if (d.private_size) {
        uint64_t start = window + d.private_offset;
        mm::Region data = mm::Region::make(start, start + klib::align_up(d.private_size, mm::kPageSize),
                                           mm::kProtRead | mm::kProtWrite, mm::RegionKind::Anonymous, "syslayer-data");
        data.locked = true;
        TRY(space.map(data));
    }
    TRY(kabi::map_shared_pages(space, process, window, d));
    return {};
}

} // namespace exec
