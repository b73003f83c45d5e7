#pragma once
#include <stdint.h>

// Thin wrappers over privileged instructions. Nothing here has policy.
namespace arch {

inline void outb(uint16_t port, uint8_t value) { asm volatile("outb %0, %1" ::"a"(value), "Nd"(port)); }
inline void outw(uint16_t port, uint16_t value) { asm volatile("outw %0, %1" ::"a"(value), "Nd"(port)); }
inline void outl(uint16_t port, uint32_t value) { asm volatile("outl %0, %1" ::"a"(value), "Nd"(port)); }
inline uint8_t inb(uint16_t port)
{
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return (static_cast<uint64_t>(hi) << 32) | lo;
}
inline void wrmsr(uint32_t msr, uint64_t value)
{
    asm volatile("wrmsr" ::"c"(msr), "a"(static_cast<uint32_t>(value)), "d"(static_cast<uint32_t>(value >> 32)));
}

namespace msr {
constexpr uint32_t kApicBase = 0x1b;
constexpr uint32_t kEfer = 0xc0000080;
constexpr uint32_t kStar = 0xc0000081;
constexpr uint32_t kLstar = 0xc0000082;
constexpr uint32_t kFmask = 0xc0000084;
constexpr uint32_t kFsBase = 0xc0000100;
constexpr uint32_t kGsBase = 0xc0000101;
constexpr uint32_t kKernelGsBase = 0xc0000102;
constexpr uint32_t kTscAux = 0xc0000103;
} // namespace msr

constexpr uint64_t kEferSyscall = 1ull << 0;
constexpr uint64_t kEferNoExecute = 1ull << 11;
constexpr uint64_t kCr0WriteProtect = 1ull << 16;
constexpr uint64_t kRflagsInterrupt = 1ull << 9;

inline uint64_t read_cr0()
{
    uint64_t v;
    asm volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}
inline void write_cr0(uint64_t v) { asm volatile("mov %0, %%cr0" ::"r"(v) : "memory"); }
inline uint64_t read_cr2()
{
    uint64_t v;
    asm volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}
inline uint64_t read_cr3()
{
    uint64_t v;
    asm volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}
inline void write_cr3(uint64_t v) { asm volatile("mov %0, %%cr3" ::"r"(v) : "memory"); }
inline uint64_t read_cr4()
{
    uint64_t v;
    asm volatile("mov %%cr4, %0" : "=r"(v));
    return v;
}
inline void write_cr4(uint64_t v) { asm volatile("mov %0, %%cr4" ::"r"(v) : "memory"); }

inline uint64_t read_rflags()
{
    uint64_t v;
    asm volatile("pushfq; popq %0" : "=r"(v));
    return v;
}
inline uint64_t read_rbp()
{
    uint64_t v;
    asm volatile("mov %%rbp, %0" : "=r"(v));
    return v;
}

inline void invlpg(uint64_t address) { asm volatile("invlpg (%0)" ::"r"(address) : "memory"); }
inline void enable_interrupts() { asm volatile("sti" ::: "memory"); }
inline void disable_interrupts() { asm volatile("cli" ::: "memory"); }
inline bool interrupts_enabled() { return read_rflags() & kRflagsInterrupt; }
inline void halt() { asm volatile("hlt" ::: "memory"); }
inline void pause() { asm volatile("pause"); }

inline uint64_t rdtsc()
{
    uint32_t lo, hi;
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (static_cast<uint64_t>(hi) << 32) | lo;
}

struct CpuidResult {
    uint32_t eax, ebx, ecx, edx;
};
inline CpuidResult cpuid(uint32_t leaf, uint32_t subleaf = 0)
{
    CpuidResult r;
    asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(subleaf));
    return r;
}

[[noreturn]] inline void halt_forever()
{
    for (;;) {
        disable_interrupts();
        halt();
    }
}

} // namespace arch
