#include "arch/x86_64/acpi/acpi.h"

#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/phys.h"
#include "kernel/log.h"
#include "mm/kernel_memory.h"

namespace arch::acpi {

namespace {
constexpr uint64_t kLowMemoryEnd = 1 << 20;
constexpr uint64_t kEbdaPointer = 0x40e;
constexpr uint64_t kEbdaSearchSize = 1024;
constexpr uint64_t kBiosAreaStart = 0xe0000;
constexpr uint64_t kMaxRead = 1 << 20;

// Firmware tables: through the direct map where it covers them (the low
// MiB and the RAM and ACPI regions of the memory map), else mapped as
// device memory (QEMU keeps its tables in a reserved region). Mappings stay;
// the tables are read once at boot.
class FirmwareReader final : public boot::PhysicalReader {
public:
    explicit FirmwareReader(const boot::BootInfo& info) : info_(info) {}

    klib::Optional<klib::ReadonlyBytes> read(uint64_t address, uint64_t size) override
    {
        if (size == 0 || size > kMaxRead || address > UINT64_MAX - size)
            return {};
        if (in_direct_map(address, size))
            return klib::ReadonlyBytes(phys_to_virt<const unsigned char>(address), size);
        auto mapped = mm::map_mmio(address, size);
        if (mapped.is_error())
            return {};
        return klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(mapped.value()), size);
    }

    klib::Optional<klib::StringView> read_string(uint64_t, size_t) override { return {}; }

private:
    bool in_direct_map(uint64_t address, uint64_t size) const
    {
        uint64_t end = address + size;
        if (end <= kLowMemoryEnd)
            return true;
        for (const auto& region : info_.memory_map()) {
            bool mapped = region.type == boot::MemoryType::Usable || region.type == boot::MemoryType::AcpiReclaimable
                || region.type == boot::MemoryType::AcpiNvs;
            if (mapped && address >= region.base && end <= region.base + region.length
                && end <= layout::kDirectMapSize)
                return true;
        }
        return false;
    }

    const boot::BootInfo& info_;
};

klib::Optional<Rsdp> locate_rsdp(const boot::BootInfo& info)
{
    if (info.acpi_rsdp_size) {
        if (auto rsdp = parse_rsdp(klib::ReadonlyBytes(info.acpi_rsdp, info.acpi_rsdp_size))) {
            klog::debug("acpi: RSDP from the boot loader");
            return rsdp;
        }
        klog::warn("acpi: the boot loader's copy of the RSDP is not valid; searching the BIOS areas");
    }
    // Without a loader's copy: the first KiB of the extended BIOS data
    // area, then the BIOS read-only area (both in the low MiB).
    uint64_t ebda = static_cast<uint64_t>(*phys_to_virt<const uint16_t>(kEbdaPointer)) << 4;
    klib::Optional<uint64_t> found;
    if (ebda >= 0x80000 && ebda + kEbdaSearchSize <= 0xa0000)
        found = find_rsdp(klib::ReadonlyBytes(phys_to_virt<const unsigned char>(ebda), kEbdaSearchSize), ebda);
    if (!found)
        found = find_rsdp(klib::ReadonlyBytes(phys_to_virt<const unsigned char>(kBiosAreaStart),
                                              kLowMemoryEnd - kBiosAreaStart),
                          kBiosAreaStart);
    if (!found)
        return {};
    klog::debug("acpi: RSDP at {:#x}", *found);
    auto* bytes = phys_to_virt<const unsigned char>(*found);
    size_t available = kLowMemoryEnd - *found;
    return parse_rsdp(klib::ReadonlyBytes(bytes, available < 36 ? available : 36));
}
} // namespace

klib::ErrorOr<InterruptInfo> read_interrupt_info(const boot::BootInfo& info)
{
    auto rsdp = locate_rsdp(info);
    if (!rsdp) {
        klog::warn("acpi: no valid RSDP found");
        return klib::ErrorCode::NoEntry;
    }
    FirmwareReader reader(info);
    auto madt = find_table(reader, *rsdp, "APIC");
    if (madt.is_error()) {
        klog::warn("acpi: no usable MADT ({} at {:#x}): {}", rsdp->extended ? "XSDT" : "RSDT", rsdp->root_table,
                   madt.error());
        return madt.release_error();
    }
    auto parsed = parse_madt(madt.value());
    if (parsed.is_error()) {
        klog::warn("acpi: the MADT is malformed: {}", parsed.error());
        return parsed.release_error();
    }
    klog::debug("acpi: ACPI revision {}, {} I/O APIC(s)", rsdp->revision, parsed.value().io_apic_count);
    return parsed.release_value();
}

} // namespace arch::acpi
