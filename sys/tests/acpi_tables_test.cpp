#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "arch/x86_64/acpi/tables.h"

namespace {

using arch::acpi::InterruptInfo;
using Bytes = std::vector<uint8_t>;

void put(Bytes& bytes, size_t offset, uint64_t value, size_t size)
{
    if (bytes.size() < offset + size)
        bytes.resize(offset + size);
    for (size_t i = 0; i < size; ++i)
        bytes[offset + i] = static_cast<uint8_t>(value >> (8 * i));
}

void fix_checksum(Bytes& bytes, size_t checksum_offset, size_t length)
{
    bytes[checksum_offset] = 0;
    uint8_t sum = 0;
    for (size_t i = 0; i < length; ++i)
        sum = static_cast<uint8_t>(sum + bytes[i]);
    bytes[checksum_offset] = static_cast<uint8_t>(-sum);
}

// A table: header with `signature`, then `body`, length and checksum set.
Bytes table(const char* signature, const Bytes& body)
{
    Bytes bytes(36, 0);
    std::memcpy(bytes.data(), signature, 4);
    bytes.insert(bytes.end(), body.begin(), body.end());
    put(bytes, 4, bytes.size(), 4);
    bytes[8] = 1;
    std::memcpy(bytes.data() + 10, "BANOS ", 6);
    fix_checksum(bytes, 9, bytes.size());
    return bytes;
}

Bytes rsdp(uint32_t rsdt, uint64_t xsdt, uint8_t revision)
{
    Bytes bytes(revision >= 2 ? 36 : 20, 0);
    std::memcpy(bytes.data(), "RSD PTR ", 8);
    std::memcpy(bytes.data() + 9, "BANOS ", 6);
    bytes[15] = revision;
    put(bytes, 16, rsdt, 4);
    fix_checksum(bytes, 8, 20);
    if (revision >= 2) {
        put(bytes, 20, 36, 4);
        put(bytes, 24, xsdt, 8);
        fix_checksum(bytes, 32, 36);
    }
    return bytes;
}

// A MADT like QEMU's pc machine: one local APIC, one I/O APIC, IRQ 0 on
// GSI 2, and IRQs 5, 9, 10, 11 level-triggered, active high.
Bytes qemu_madt()
{
    Bytes body;
    put(body, 0, 0xfee00000, 4);
    put(body, 4, 1, 4); // PC-AT compatible 8259s present
    Bytes entries = {
        0, 8, 0, 0, 1, 0, 0, 0,                                     // local APIC
        1, 12, 0, 0, 0x00, 0x00, 0xc0, 0xfe, 0, 0, 0, 0,           // I/O APIC 0 at 0xfec00000, GSI 0
        2, 10, 0, 0, 2, 0, 0, 0, 0, 0,                             // IRQ 0 -> GSI 2
        2, 10, 0, 5, 5, 0, 0, 0, 0x0d, 0,                          // IRQ 5: high, level
        2, 10, 0, 9, 9, 0, 0, 0, 0x0d, 0,                          // IRQ 9: high, level
        2, 10, 0, 10, 10, 0, 0, 0, 0x0f, 0,                        // IRQ 10: low, level
        4, 6, 0xff, 0, 0, 1,                                        // local APIC NMI (skipped)
    };
    body.insert(body.end(), entries.begin(), entries.end());
    return table("APIC", body);
}

class MemoryReader final : public boot::PhysicalReader {
public:
    void place(uint64_t address, Bytes bytes) { regions_[address] = std::move(bytes); }

    klib::Optional<klib::ReadonlyBytes> read(uint64_t address, uint64_t size) override
    {
        for (auto& [base, bytes] : regions_) {
            if (address >= base && address - base <= bytes.size() && size <= bytes.size() - (address - base))
                return klib::ReadonlyBytes(bytes.data() + (address - base), size);
        }
        return {};
    }
    klib::Optional<klib::StringView> read_string(uint64_t, size_t) override { return {}; }


private:
    std::map<uint64_t, Bytes> regions_;
};

TEST(AcpiRsdp, Version1)
{
    Bytes bytes = rsdp(0x1000, 0, 0);
    auto parsed = arch::acpi::parse_rsdp(klib::ReadonlyBytes(bytes.data(), bytes.size()));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->root_table, 0x1000u);
    EXPECT_FALSE(parsed->extended);
}

TEST(AcpiRsdp, Version2PrefersTheXsdt)
{
    Bytes bytes = rsdp(0x1000, 0x200000000ull, 2);
    auto parsed = arch::acpi::parse_rsdp(klib::ReadonlyBytes(bytes.data(), bytes.size()));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->root_table, 0x200000000ull);
    EXPECT_TRUE(parsed->extended);
}

TEST(AcpiRsdp, BadExtendedChecksumFallsBackToTheRsdt)
{
    Bytes bytes = rsdp(0x1000, 0x2000, 2);
    bytes[32] ^= 0x55;
    auto parsed = arch::acpi::parse_rsdp(klib::ReadonlyBytes(bytes.data(), bytes.size()));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->root_table, 0x1000u);
    EXPECT_FALSE(parsed->extended);
}

TEST(AcpiRsdp, RejectsBadInput)
{
    Bytes bytes = rsdp(0x1000, 0, 0);
    Bytes broken = bytes;
    broken[19] ^= 1;
    EXPECT_FALSE(arch::acpi::parse_rsdp(klib::ReadonlyBytes(broken.data(), broken.size())));
    EXPECT_FALSE(arch::acpi::parse_rsdp(klib::ReadonlyBytes(bytes.data(), 19)));
    Bytes zero_root = rsdp(0, 0, 0);
    EXPECT_FALSE(arch::acpi::parse_rsdp(klib::ReadonlyBytes(zero_root.data(), zero_root.size())));
    broken = bytes;
    broken[0] = 'X';
    fix_checksum(broken, 8, 20);
    EXPECT_FALSE(arch::acpi::parse_rsdp(klib::ReadonlyBytes(broken.data(), broken.size())));
}

TEST(AcpiRsdp, FoundOnSixteenByteBoundaries)
{
    Bytes area(0x2000, 0);
    Bytes decoy = rsdp(0x1000, 0, 0);
    std::memcpy(area.data() + 0x108, decoy.data(), decoy.size()); // misaligned: not found
    Bytes real = rsdp(0x3000, 0, 0);
    std::memcpy(area.data() + 0x1ff0, real.data(), 16); // cut short at the end of the area
    std::memcpy(area.data() + 0x750, real.data(), real.size());
    auto found = arch::acpi::find_rsdp(klib::ReadonlyBytes(area.data(), area.size()), 0xe0000);
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, 0xe0750u);
    Bytes empty(0x100, 0);
    EXPECT_FALSE(arch::acpi::find_rsdp(klib::ReadonlyBytes(empty.data(), empty.size()), 0));
}

class AcpiTables : public ::testing::Test {
protected:
    void SetUp() override
    {
        Bytes root_body;
        put(root_body, 0, 0x5000, 4); // FACP
        put(root_body, 4, 0x6000, 4); // APIC
        memory.place(0x4000, table("RSDT", root_body));
        memory.place(0x5000, table("FACP", Bytes(80, 0)));
        memory.place(0x6000, qemu_madt());
    }

    klib::ErrorOr<klib::ReadonlyBytes> find(const char* signature)
    {
        return arch::acpi::find_table(memory, { 0x4000, false, 0 }, signature);
    }

    MemoryReader memory;
};

TEST_F(AcpiTables, FindsTheMadtThroughTheRsdt)
{
    auto madt = find("APIC");
    ASSERT_FALSE(madt.is_error());
    EXPECT_EQ(madt.value().size(), qemu_madt().size());
    auto missing = find("HPET");
    ASSERT_TRUE(missing.is_error());
    EXPECT_EQ(missing.error().code(), klib::ErrorCode::NoEntry);
}

TEST_F(AcpiTables, FindsTheMadtThroughTheXsdt)
{
    Bytes root_body;
    put(root_body, 0, 0x5000, 8);
    put(root_body, 8, 0x6000, 8);
    memory.place(0x7000, table("XSDT", root_body));
    auto madt = arch::acpi::find_table(memory, { 0x7000, true, 2 }, "APIC");
    ASSERT_FALSE(madt.is_error());
    // The wrong kind of root table is refused.
    EXPECT_TRUE(arch::acpi::find_table(memory, { 0x4000, true, 2 }, "APIC").is_error());
}

TEST_F(AcpiTables, ABadChecksumHidesTheTable)
{
    Bytes madt = qemu_madt();
    madt[40] ^= 0xff;
    memory.place(0x6000, madt);
    EXPECT_TRUE(find("APIC").is_error());
}

TEST_F(AcpiTables, AbsurdLengthsAreRefused)
{
    Bytes madt = qemu_madt();
    put(madt, 4, 0xfffffff0u, 4);
    memory.place(0x6000, madt);
    EXPECT_TRUE(find("APIC").is_error());
    Bytes root = table("RSDT", {});
    put(root, 4, 20, 4); // shorter than a header
    memory.place(0x4000, root);
    EXPECT_TRUE(find("APIC").is_error());
}

TEST_F(AcpiTables, UnreadableEntriesAreSkipped)
{
    Bytes root_body;
    put(root_body, 0, 0xdead0000, 4);
    put(root_body, 4, 0, 4);
    put(root_body, 8, 0x6000, 4);
    memory.place(0x4000, table("RSDT", root_body));
    EXPECT_FALSE(find("APIC").is_error());
}

TEST(AcpiMadt, QemuLayout)
{
    Bytes madt = qemu_madt();
    auto parsed = arch::acpi::parse_madt(klib::ReadonlyBytes(madt.data(), madt.size()));
    ASSERT_FALSE(parsed.is_error());
    const InterruptInfo& info = parsed.value();
    EXPECT_EQ(info.local_apic_address, 0xfee00000u);
    EXPECT_TRUE(info.has_8259);
    ASSERT_EQ(info.io_apic_count, 1u);
    EXPECT_EQ(info.io_apics[0].address, 0xfec00000u);
    EXPECT_EQ(info.io_apics[0].gsi_base, 0u);
    EXPECT_EQ(info.isa[0].gsi, 2u);
    EXPECT_FALSE(info.isa[0].level_triggered);
    EXPECT_EQ(info.isa[1].gsi, 1u);
    EXPECT_FALSE(info.isa[1].active_low);
    EXPECT_FALSE(info.isa[1].level_triggered);
    EXPECT_EQ(info.isa[4].gsi, 4u);
    EXPECT_TRUE(info.isa[9].level_triggered);
    EXPECT_FALSE(info.isa[9].active_low);
    EXPECT_TRUE(info.isa[10].level_triggered);
    EXPECT_TRUE(info.isa[10].active_low);
}

TEST(AcpiMadt, MalformedEntriesAreRefused)
{
    auto parse = [](const Bytes& bytes) {
        return arch::acpi::parse_madt(klib::ReadonlyBytes(bytes.data(), bytes.size())).is_error();
    };
    Bytes header;
    put(header, 0, 0xfee00000, 4);
    put(header, 4, 0, 4);
    EXPECT_FALSE(parse(table("APIC", header)));

    Bytes zero_length = header;
    zero_length.insert(zero_length.end(), { 1, 0 });
    EXPECT_TRUE(parse(table("APIC", zero_length)));

    Bytes overrun = header;
    overrun.insert(overrun.end(), { 1, 12, 0, 0 });
    EXPECT_TRUE(parse(table("APIC", overrun)));

    Bytes short_io_apic = header;
    short_io_apic.insert(short_io_apic.end(), { 1, 4, 0, 0 });
    EXPECT_TRUE(parse(table("APIC", short_io_apic)));

    Bytes odd_tail = header;
    odd_tail.insert(odd_tail.end(), { 1 });
    EXPECT_TRUE(parse(table("APIC", odd_tail)));

    Bytes wrong = table("APIX", header);
    EXPECT_TRUE(parse(wrong));
    Bytes truncated = table("APIC", {});
    EXPECT_TRUE(parse(truncated));
}

TEST(AcpiMadt, OverridesForOtherBusesAndHighIrqsAreIgnored)
{
    Bytes body;
    put(body, 0, 0xfee00000, 4);
    put(body, 4, 0, 4);
    Bytes entries = {
        2, 10, 1, 3, 20, 0, 0, 0, 0, 0,  // bus 1: not ISA
        2, 10, 0, 16, 21, 0, 0, 0, 0, 0, // IRQ 16: not an ISA IRQ
    };
    body.insert(body.end(), entries.begin(), entries.end());
    Bytes madt = table("APIC", body);
    auto parsed = arch::acpi::parse_madt(klib::ReadonlyBytes(madt.data(), madt.size()));
    ASSERT_FALSE(parsed.is_error());
    for (uint32_t irq = 0; irq < InterruptInfo::kIsaIrqs; ++irq)
        EXPECT_EQ(parsed.value().isa[irq].gsi, irq);
}

TEST(AcpiMadt, ManyIoApicsAreCapped)
{
    Bytes body;
    put(body, 0, 0xfee00000, 4);
    put(body, 4, 0, 4);
    for (uint8_t i = 0; i < 12; ++i) {
        Bytes entry = { 1, 12, i, 0, 0, 0, 0xc0, 0xfe, static_cast<uint8_t>(24 * i), 0, 0, 0 };
        body.insert(body.end(), entry.begin(), entry.end());
    }
    Bytes madt = table("APIC", body);
    auto parsed = arch::acpi::parse_madt(klib::ReadonlyBytes(madt.data(), madt.size()));
    ASSERT_FALSE(parsed.is_error());
    EXPECT_EQ(parsed.value().io_apic_count, InterruptInfo::kMaxIoApics);
}

} // namespace
