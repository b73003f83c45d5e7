#pragma once
#include <stdint.h>

#include "exec/layer_cache.h"
#include "lib/error_or.h"
#include "mm/address_space.h"

namespace proc {
class Process;
}

// Putting a syscall layer into a window: exec does it for the program (and
// its interpreter), syslayer_attach for the shared objects ld-elf loads.
namespace exec {

// Maps `layer`'s segments (shared, read-only, locked), its private pages
// and the shared pages it asks for into the window starting at `window`.
klib::ErrorOr<void> map_layer(mm::AddressSpace&, proc::Process&, const LayerImage&, uint64_t window);

} // namespace exec
