#pragma once
// memcpy and memset for the freestanding pieces that define their own: the
// kernel, ld-elf and the syscall layers. In assembly, so the compiler cannot
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
