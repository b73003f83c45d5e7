#include "arch/x86_64/interrupts/ioapic.h"

#include "arch/x86_64/acpi/acpi.h"
#include "arch/x86_64/interrupts/lapic.h"
#include "kernel/log.h"
#include "lib/spinlock.h"
#include "mm/kernel_memory.h"

namespace arch::ioapic {

namespace {
constexpr uint64_t kDefaultAddress = 0xfec00000;
constexpr uint32_t kRegisterSelect = 0x00 / 4, kRegisterWindow = 0x10 / 4;
constexpr uint32_t kVersionRegister = 0x01;
constexpr uint32_t kFirstRedirection = 0x10;

constexpr uint32_t kActiveLow = 1u << 13;
constexpr uint32_t kLevelTriggered = 1u << 15;
constexpr uint32_t kMasked = 1u << 16;

struct IoApic {
    volatile uint32_t* registers;
    uint32_t gsi_base;
    uint32_t inputs;
};

klib::Spinlock g_lock;
IoApic g_io_apics[acpi::InterruptInfo::kMaxIoApics];
size_t g_io_apic_count = 0;
acpi::IsaRoute g_isa[kIsaIrqCount];
bool g_initialized = false;

uint32_t read_register(const IoApic& apic, uint32_t index)
{
    apic.registers[kRegisterSelect] = index;
    return apic.registers[kRegisterWindow];
}

void write_register(const IoApic& apic, uint32_t index, uint32_t value)
{
    apic.registers[kRegisterSelect] = index;
    apic.registers[kRegisterWindow] = value;
}

// The I/O APIC that has `gsi`, and the input number there.
IoApic* find(uint32_t gsi, uint32_t& input)
{
    for (size_t i = 0; i < g_io_apic_count; ++i) {
        IoApic& apic = g_io_apics[i];
        if (gsi >= apic.gsi_base && gsi - apic.gsi_base < apic.inputs) {
            input = gsi - apic.gsi_base;
            return &apic;
        }
    }
    return nullptr;
}

void set_masked(uint8_t irq, bool masked)
{
    if (irq >= kIsaIrqCount)
        return;
    klib::SpinlockGuard guard(g_lock);
    uint32_t input;
    IoApic* apic = find(g_isa[irq].gsi, input);
    if (!apic)
        return;
    uint32_t index = kFirstRedirection + 2 * input;
    uint32_t low = read_register(*apic, index);
    write_register(*apic, index, masked ? low | kMasked : low & ~kMasked);
}

void add(const acpi::IoApicInfo& info)
{
    auto mapped = mm::map_mmio(info.address, 0x20);
    if (mapped.is_error()) {
        klog::warn("ioapic: cannot map the I/O APIC at {:#x}: {}", info.address, mapped.error());
        return;
    }
    IoApic apic { reinterpret_cast<volatile uint32_t*>(mapped.value()), info.gsi_base, 0 };
    uint32_t version = read_register(apic, kVersionRegister);
    if (version == 0xffffffff) {
        klog::warn("ioapic: nothing answers at {:#x}", info.address);
        return;
    }
    apic.inputs = ((version >> 16) & 0xff) + 1;
    for (uint32_t input = 0; input < apic.inputs; ++input) {
        write_register(apic, kFirstRedirection + 2 * input + 1, 0);
        write_register(apic, kFirstRedirection + 2 * input, kMasked);
    }
    g_io_apics[g_io_apic_count++] = apic;
    klog::info("ioapic: id {} at {:#x}, GSIs {}-{}", info.id, info.address, apic.gsi_base,
               apic.gsi_base + apic.inputs - 1);
}
} // namespace

klib::ErrorOr<void> init(const boot::BootInfo& boot_info)
{
    if (g_initialized)
        return {};
    auto madt = acpi::read_interrupt_info(boot_info);
    acpi::InterruptInfo info;
    if (madt.is_error() || madt.value().io_apic_count == 0) {
        klog::warn("ioapic: no I/O APIC described by the firmware; assuming one at {:#x}", kDefaultAddress);
        info.io_apics[0] = { 0, kDefaultAddress, 0 };
        info.io_apic_count = 1;
    } else {
        info = madt.value();
    }
    for (size_t i = 0; i < info.io_apic_count; ++i)
        add(info.io_apics[i]);
    if (g_io_apic_count == 0)
        return klib::ErrorCode::NoDevice;
    for (uint8_t irq = 0; irq < kIsaIrqCount; ++irq) {
        g_isa[irq] = info.isa[irq];
        if (g_isa[irq].gsi != irq)
            klog::debug("ioapic: ISA IRQ {} is GSI {}{}{}", irq, g_isa[irq].gsi,
                        g_isa[irq].active_low ? ", active low" : "", g_isa[irq].level_triggered ? ", level" : "");
    }
    g_initialized = true;
    return {};
}

bool is_initialized() { return g_initialized; }

klib::ErrorOr<uint8_t> route_isa_irq(uint8_t irq, InterruptHandler handler)
{
    if (irq >= kIsaIrqCount || !handler)
        return klib::ErrorCode::Invalid;
    if (!g_initialized)
        return klib::ErrorCode::NotSupported;
    const acpi::IsaRoute& route = g_isa[irq];
    uint8_t vector = static_cast<uint8_t>(kIsaVectorBase + irq);
    klib::SpinlockGuard guard(g_lock);
    uint32_t input;
    IoApic* apic = find(route.gsi, input);
    if (!apic) {
        klog::warn("ioapic: no I/O APIC has GSI {} (ISA IRQ {})", route.gsi, irq);
        return klib::ErrorCode::NoDevice;
    }
    set_interrupt_handler(vector, handler);
    // Fixed delivery, physical destination: the boot CPU.
    uint32_t low = vector | kMasked | (route.active_low ? kActiveLow : 0)
        | (route.level_triggered ? kLevelTriggered : 0);
    write_register(*apic, kFirstRedirection + 2 * input, kMasked);
    write_register(*apic, kFirstRedirection + 2 * input + 1, lapic::id() << 24);
    write_register(*apic, kFirstRedirection + 2 * input, low);
    return vector;
}

void mask_isa_irq(uint8_t irq) { set_masked(irq, true); }
void unmask_isa_irq(uint8_t irq) { set_masked(irq, false); }

klib::Optional<uint32_t> isa_irq_gsi(uint8_t irq)
{
    if (!g_initialized || irq >= kIsaIrqCount)
        return {};
    return g_isa[irq].gsi;
}

klib::Optional<uint64_t> redirection_entry(uint32_t gsi)
{
    klib::SpinlockGuard guard(g_lock);
    uint32_t input;
    IoApic* apic = find(gsi, input);
    if (!apic)
        return {};
    uint64_t high = read_register(*apic, kFirstRedirection + 2 * input + 1);
    return (high << 32) | read_register(*apic, kFirstRedirection + 2 * input);
}

} // namespace arch::ioapic
