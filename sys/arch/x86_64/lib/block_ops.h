#pragma once
// memcpy and memset (and memmove's backward copy) for the freestanding
// pieces that define their own: the kernel, ld-elf and the syscall layers. In assembly, so the compiler cannot
// turn them back into calls to the functions being defined.
//
// Bulk moves go 64 bytes per loop trip rather than through `rep movsb` and
// `rep stosb`: those are fast on hardware with ERMS, but QEMU's TCG runs
// every iteration of a rep prefix as a separate trip through its
// translated-code loop, so zeroing a 4 KiB page took 4096 trips (64 now,
// plus at most 7 word and 7 byte steps). Hardware runs either at memory speed.
#include <stddef.h>
#include <stdint.h>

namespace block_ops {

inline void copy(void* destination, const void* source, size_t count)
{
    size_t blocks = count / 64;
    if (blocks)
        asm volatile("1:\n\t"
                     "movq (%%rsi), %%r8\n\tmovq 8(%%rsi), %%r9\n\tmovq 16(%%rsi), %%r10\n\tmovq 24(%%rsi), %%r11\n\t"
                     "movq %%r8, (%%rdi)\n\tmovq %%r9, 8(%%rdi)\n\tmovq %%r10, 16(%%rdi)\n\tmovq %%r11, 24(%%rdi)\n\t"
                     "movq 32(%%rsi), %%r8\n\tmovq 40(%%rsi), %%r9\n\tmovq 48(%%rsi), %%r10\n\tmovq 56(%%rsi), %%r11\n\t"
                     "movq %%r8, 32(%%rdi)\n\tmovq %%r9, 40(%%rdi)\n\tmovq %%r10, 48(%%rdi)\n\tmovq %%r11, 56(%%rdi)\n\t"
                     "addq $64, %%rsi\n\taddq $64, %%rdi\n\tdecq %%rcx\n\tjnz 1b"
                     : "+D"(destination), "+S"(source), "+c"(blocks)
                     :
                     : "r8", "r9", "r10", "r11", "memory", "cc");
    size_t words = (count % 64) / 8, bytes = count % 8;
    asm volatile("rep movsq\n\tmovq %[bytes], %%rcx\n\trep movsb"
                 : "+D"(destination), "+S"(source), "+c"(words)
                 : [bytes] "r"(bytes)
                 : "memory");
}

// copy for a destination above an overlapping source (memmove): 32 bytes
// per trip from the top down, then single words, then the bytes left at
// the bottom. Each block is loaded whole before any of it is stored.
inline void copy_backward(void* destination, const void* source, size_t count)
{
    auto* d = static_cast<unsigned char*>(destination);
    auto* s = static_cast<const unsigned char*>(source);
    size_t bytes = count % 8, words = (count / 8) % 4, block_bytes = count / 32 * 32;
    if (block_bytes)
        asm volatile("1:\n\t"
                     "movq -32(%%rsi,%%rcx), %%r8\n\tmovq -24(%%rsi,%%rcx), %%r9\n\t"
                     "movq -16(%%rsi,%%rcx), %%r10\n\tmovq -8(%%rsi,%%rcx), %%r11\n\t"
                     "movq %%r8, -32(%%rdi,%%rcx)\n\tmovq %%r9, -24(%%rdi,%%rcx)\n\t"
                     "movq %%r10, -16(%%rdi,%%rcx)\n\tmovq %%r11, -8(%%rdi,%%rcx)\n\t"
                     "subq $32, %%rcx\n\tjnz 1b"
                     : "+c"(block_bytes)
                     : "D"(d + bytes + words * 8), "S"(s + bytes + words * 8)
                     : "r8", "r9", "r10", "r11", "memory", "cc");
    if (words)
        asm volatile("1:\n\t"
                     "movq -8(%%rsi,%%rcx,8), %%r8\n\tmovq %%r8, -8(%%rdi,%%rcx,8)\n\t"
                     "decq %%rcx\n\tjnz 1b"
                     : "+c"(words)
                     : "D"(d + bytes), "S"(s + bytes)
                     : "r8", "memory", "cc");
    if (bytes)
        asm volatile("1:\n\t"
                     "movb -1(%%rsi,%%rcx), %%r8b\n\tmovb %%r8b, -1(%%rdi,%%rcx)\n\t"
                     "decq %%rcx\n\tjnz 1b"
                     : "+c"(bytes)
                     : "D"(d), "S"(s)
                     : "r8", "memory", "cc");
}

inline void fill(void* destination, int value, size_t count)
{
    uint64_t pattern = 0x0101010101010101ull * static_cast<unsigned char>(value);
    size_t blocks = count / 64;
    if (blocks)
        asm volatile("1:\n\t"
                     "movq %%rax, (%%rdi)\n\tmovq %%rax, 8(%%rdi)\n\tmovq %%rax, 16(%%rdi)\n\tmovq %%rax, 24(%%rdi)\n\t"
                     "movq %%rax, 32(%%rdi)\n\tmovq %%rax, 40(%%rdi)\n\tmovq %%rax, 48(%%rdi)\n\tmovq %%rax, 56(%%rdi)\n\t"
                     "addq $64, %%rdi\n\tdecq %%rcx\n\tjnz 1b"
                     : "+D"(destination), "+c"(blocks)
                     : "a"(pattern)
                     : "memory", "cc");
    size_t words = (count % 64) / 8, bytes = count % 8;
    asm volatile("rep stosq\n\tmovq %[bytes], %%rcx\n\trep stosb"
                 : "+D"(destination), "+c"(words)
                 : "a"(pattern), [bytes] "r"(bytes)
                 : "memory");
}

} // namespace block_ops
