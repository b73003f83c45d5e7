#pragma once
#include <stdint.h>

namespace mm {

using PhysAddr = uint64_t;

struct PhysRange {
    PhysAddr start;
    PhysAddr end; // one past the last byte
    bool overlaps(PhysAddr other_start, PhysAddr other_end) const { return start < other_end && other_start < end; }
};

} // namespace mm
