#pragma once
// The C signature of every slot of the program ABI being built, from its
// slots.def: a front end's definition that disagrees fails to compile.
#include <stdint.h>

#include BANOS_PROGRAM_TYPES_H

#define SLOT(number, return_type, name, parameters, arguments) extern "C" return_type layer_##name parameters;
#include BANOS_PROGRAM_SLOTS_DEF
#undef SLOT

// What an unassigned slot runs: ENOSYS.
extern "C" int64_t layer_nosys();

namespace layer {

// syslayer_version(): which layer this is, for tests and diagnostics.
constexpr int32_t kVersionWord = (BANOS_LAYER_ALWAYS_TRAP_FLAG << 16) | (PROGRAM_ABI << 8) | KERNEL_ABI;

} // namespace layer
