#pragma once
#include <stddef.h>
#include <stdint.h>

#include "boot/boot_info.h"
#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/span.h"

// ACPI tables, as far as interrupt routing needs them: finding the RSDP,
// walking the RSDT/XSDT to a table, and reading the MADT. Pure parsing over
// a boot::PhysicalReader, with every length, offset and checksum checked
// (firmware tables are input like any other), so host tests cover it.
namespace arch::acpi {

constexpr size_t kHeaderSize = 36;

struct Rsdp {
    uint64_t root_table; // physical address of the XSDT, or the RSDT
    bool extended;       // the root table is the XSDT (64-bit entries)
    uint8_t revision;
};

// Validates an RSDP (signature, checksum; the extended checksum when it
// claims ACPI 2.0+, else the RSDT is used).
klib::Optional<Rsdp> parse_rsdp(klib::ReadonlyBytes);
// Scans `area`, whose physical address is `base`, on 16-byte boundaries for
// a valid RSDP; returns its physical address.
klib::Optional<uint64_t> find_rsdp(klib::ReadonlyBytes area, uint64_t base);
bool checksum_ok(klib::ReadonlyBytes);

// The whole table with the 4-letter `signature` (length and checksum
// checked). NoEntry if there is none.
klib::ErrorOr<klib::ReadonlyBytes> find_table(boot::PhysicalReader&, const Rsdp&, const char* signature);

// How one ISA interrupt reaches the I/O APICs.
struct IsaRoute {
    uint32_t gsi;
    bool active_low;
    bool level_triggered;
};

struct IoApicInfo {
    uint8_t id;
    uint64_t address;
    uint32_t gsi_base;
};

struct InterruptInfo {
    static constexpr size_t kMaxIoApics = 8;
    static constexpr size_t kIsaIrqs = 16;

    uint64_t local_apic_address { 0xfee00000 };
    bool has_8259 { false };
    IoApicInfo io_apics[kMaxIoApics] {};
    size_t io_apic_count { 0 };
    // ISA IRQ n is GSI n, active high, edge triggered, unless overridden.
    IsaRoute isa[kIsaIrqs] {
        { 0, false, false }, { 1, false, false }, { 2, false, false }, { 3, false, false },
        { 4, false, false }, { 5, false, false }, { 6, false, false }, { 7, false, false },
        { 8, false, false }, { 9, false, false }, { 10, false, false }, { 11, false, false },
        { 12, false, false }, { 13, false, false }, { 14, false, false }, { 15, false, false },
    };
};

// Reads a MADT ("APIC"): I/O APICs and ISA interrupt source overrides.
// Entry types it does not use are skipped; a malformed entry is Invalid.
klib::ErrorOr<InterruptInfo> parse_madt(klib::ReadonlyBytes table);

} // namespace arch::acpi
