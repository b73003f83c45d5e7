#pragma once
#include <stdint.h>

// Where exec puts things in a new address space.
namespace exec::layout {

// Position-independent programs are loaded here (a fixed base for now; the
// address is far from everything else).
constexpr uint64_t kPieBase = 0x0000555555554000ull;
// The interpreter (ld-elf) of a dynamically linked program: above where
// mmap places things, below the TLS block.
constexpr uint64_t kInterpreterBase = 0x00007f4000000000ull;
// The initial thread's TLS block and TCB.
constexpr uint64_t kTlsBase = 0x00007ff000000000ull;
// The stack grows down from here; a gap above it stays unmapped.
// With an interpreter: the static TLS space left below the program's TLS
// block for the objects ld-elf loads at start (BANOS_AT_STATIC_TLS_SPACE).
constexpr uint64_t kStaticTlsSurplus = 64 * 1024;
// The stack grows down from here; a gap above it stays unmapped.
constexpr uint64_t kStackTop = 0x00007ffffff00000ull;
constexpr uint64_t kStackSize = 256 * 1024;

} // namespace exec::layout
