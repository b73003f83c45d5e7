#pragma once
#include <stdint.h>

// Where exec puts things in a new address space.
namespace exec::layout {

// Position-independent programs are loaded here (a fixed base for now; the
// address is far from everything else).
constexpr uint64_t kPieBase = 0x0000555555554000ull;
// The interpreter (ld-elf) of a dynamically linked program, the initial
// thread's TLS block with its TCB above it, and right below ld-elf the
// first things mmap places (the libraries ld-elf loads) share one 2 MiB
// stretch, in the stack's 1 GiB: one last-level page table then serves
// all of them and the stack's upper-level tables serve them too. Each
// page table a new process needs is a frame to find, zero and free again:
// a dynamically linked program starts with 8 rather than 15.
constexpr uint64_t kInterpreterBase = 0x00007fffc0080000ull;
constexpr uint64_t kTlsBase = 0x00007fffc0100000ull;
// mmap places what it chooses the address of below this, top down.
constexpr uint64_t kMmapCeiling = kInterpreterBase;
// With an interpreter: the static TLS space left below the program's TLS
// block for the objects ld-elf loads at start (BANOS_AT_STATIC_TLS_SPACE).
constexpr uint64_t kStaticTlsSurplus = 64 * 1024;
// The stack grows down from here; a gap above it stays unmapped.
constexpr uint64_t kStackTop = 0x00007ffffff00000ull;
constexpr uint64_t kStackSize = 256 * 1024;

} // namespace exec::layout
