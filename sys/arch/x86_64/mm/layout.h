#pragma once
#include <stdint.h>

// The kernel half of every address space (PML4 slots 256..511 are shared).
namespace arch::layout {

constexpr uint64_t kPageSize = 4096;
constexpr uint64_t kLargePageSize = 2ull << 20;

// All physical RAM, mapped once.
constexpr uint64_t kDirectMapBase = 0xffff800000000000ull;
constexpr uint64_t kDirectMapSize = 64ull << 40;
// Kernel stacks, each with an unmapped guard page below it.
constexpr uint64_t kKernelStacksBase = 0xffffc00000000000ull;
constexpr uint64_t kKernelStacksSize = 64ull << 30;
// Device registers, mapped uncached.
constexpr uint64_t kMmioBase = 0xffffd00000000000ull;
constexpr uint64_t kMmioSize = 64ull << 30;
// Scratch addresses the self-tests map and unmap.
constexpr uint64_t kSelfTestBase = 0xffffe00000000000ull;
// The kernel image, as linked; modules go above it, within 2 GiB of its text.
constexpr uint64_t kKernelVma = 0xffffffff80000000ull;
constexpr uint64_t kKernelPhys = 0x100000ull;
// banos modules: in the top 2 GiB with the kernel image, so the kernel code
// model's 32-bit displacements reach between them.
constexpr uint64_t kModuleBase = 0xffffffffc0000000ull;
constexpr uint64_t kModuleSize = 64ull << 20;

constexpr uint64_t kKernelHalfBase = 0xffff800000000000ull;
constexpr uint64_t kUserTop = 0x0000800000000000ull;

constexpr bool is_kernel_address(uint64_t address) { return address >= kKernelHalfBase; }
constexpr bool is_canonical(uint64_t address) { return address < kUserTop || address >= kKernelHalfBase; }

} // namespace arch::layout
