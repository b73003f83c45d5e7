#pragma once
// Where file timestamps come from. The kernel installs the realtime clock at
// boot; host tests install a fake. Until then every timestamp is zero.
#include "vfs/types.h"

namespace vfs {

using ClockFunction = Timestamp (*)();

// nullptr restores the zero clock.
void set_clock(ClockFunction);
Timestamp now();

} // namespace vfs
