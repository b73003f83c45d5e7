#include "arch/x86_64/cpu/random.h"

#include "arch/x86_64/cpu/cpu.h"

namespace arch {

namespace {
bool has_rdrand() { return cpuid(1).ecx & (1u << 30); }

uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

uint64_t g_counter = 0;
} // namespace

uint64_t random_u64()
{
    static const bool rdrand = has_rdrand();
    if (rdrand) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            uint64_t value;
            unsigned char ok;
            asm volatile("rdrand %0; setc %1" : "=r"(value), "=qm"(ok));
            if (ok)
                return value;
        }
    }
    return mix(rdtsc() ^ mix(__atomic_add_fetch(&g_counter, 1, __ATOMIC_RELAXED)));
}

} // namespace arch
