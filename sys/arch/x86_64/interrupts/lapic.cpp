#include "arch/x86_64/interrupts/lapic.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/idt.h"
#include "kernel/log.h"
#include "mm/kernel_memory.h"

namespace arch::lapic {

namespace {
constexpr uint32_t kId = 0x20;
constexpr uint32_t kEoi = 0xb0;
constexpr uint32_t kSpuriousVector = 0xf0;
constexpr uint32_t kLvtTimer = 0x320;
constexpr uint32_t kTimerInitialCount = 0x380;
constexpr uint32_t kTimerCurrentCount = 0x390;
constexpr uint32_t kTimerDivide = 0x3e0;

constexpr uint32_t kSoftwareEnable = 1 << 8;
constexpr uint32_t kMasked = 1 << 16;
constexpr uint32_t kPeriodic = 1 << 17;
constexpr uint32_t kDivideBy16 = 0x3;
constexpr uint64_t kApicBaseEnable = 1 << 11;

volatile uint32_t* g_registers = nullptr;
uint64_t g_timer_hz = 0;

uint32_t read(uint32_t offset) { return g_registers[offset / 4]; }
void write(uint32_t offset, uint32_t value) { g_registers[offset / 4] = value; }
} // namespace

klib::ErrorOr<void> init()
{
    if (!(cpuid(1).edx & (1 << 9))) {
        klog::error("lapic: this CPU has no local APIC");
        return klib::ErrorCode::NotSupported;
    }
    uint64_t base_msr = rdmsr(msr::kApicBase);
    uint64_t phys = base_msr & 0xffffff000ull;
    wrmsr(msr::kApicBase, base_msr | kApicBaseEnable);
    g_registers = reinterpret_cast<volatile uint32_t*>(TRY(mm::map_mmio(phys, 4096)));
    write(kSpuriousVector, kSoftwareEnable | vector::kSpurious);
    klog::debug("lapic: id {} at {:#x}", id(), phys);
    return {};
}

uint32_t id() { return g_registers ? read(kId) >> 24 : 0; }

void end_of_interrupt()
{
    if (g_registers)
        write(kEoi, 0);
}

klib::ErrorOr<void> start_timer(uint32_t hz, uint8_t timer_vector, uint64_t tsc_hz)
{
    if (!g_registers || !hz || !tsc_hz)
        return klib::ErrorCode::Invalid;
    write(kTimerDivide, kDivideBy16);
    write(kLvtTimer, kMasked | timer_vector);
    write(kTimerInitialCount, 0xffffffff);
    uint64_t wait_cycles = tsc_hz / 50; // 20 ms
    uint64_t start = rdtsc();
    while (rdtsc() - start < wait_cycles)
        pause();
    uint64_t elapsed = rdtsc() - start;
    uint32_t counted = 0xffffffff - read(kTimerCurrentCount);
    write(kTimerInitialCount, 0);
    g_timer_hz = static_cast<uint64_t>(counted) * tsc_hz / elapsed;
    if (g_timer_hz < hz) {
        klog::error("lapic: timer runs at {} Hz, too slow for {} Hz ticks", g_timer_hz, hz);
        return klib::ErrorCode::NotSupported;
    }
    write(kLvtTimer, kPeriodic | timer_vector);
    write(kTimerInitialCount, static_cast<uint32_t>(g_timer_hz / hz));
    klog::info("lapic: timer {} kHz, ticking at {} Hz", g_timer_hz / 1000, hz);
    return {};
}

uint64_t timer_frequency() { return g_timer_hz; }

} // namespace arch::lapic
