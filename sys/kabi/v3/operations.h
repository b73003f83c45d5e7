#pragma once
// The operations whose arguments or results kernel ABI 3 lays out its own
// way (stat with birth time, its clock ids, spawn records); every other
// operation uses the decoder kernel ABIs 1 and 2 share (kabi/common).
#include "kabi/common/file_traps.h"

namespace kabi {

namespace v3 {
// The operation numbers of ops.def.
enum Operation : uint32_t {
#define OP(number, name) op_##name = number,
#include "abi-versions/v3/kernel/ops.def"
#undef OP
};
} // namespace v3

TrapResult trap_fstatat(const TrapArguments&);
TrapResult trap_fstat(const TrapArguments&);
TrapResult trap_clock_gettime(const TrapArguments&);
TrapResult trap_uname(const TrapArguments&);
TrapResult trap_spawn(const TrapArguments&);

} // namespace kabi
