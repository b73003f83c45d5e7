#pragma once
#include <stdint.h>

namespace arch {

// 64 unpredictable bits: RDRAND when the CPU has it, else a mix of the TSC
// (good enough for stack guards under emulation, not for keys).
uint64_t random_u64();

} // namespace arch
