#include "arch/x86_64/acpi/tables.h"

namespace arch::acpi {

namespace {
// Tables are far smaller; a bigger length is a corrupt header.
constexpr uint32_t kMaxTableLength = 1u << 20;
constexpr size_t kRsdpV1Size = 20;
constexpr size_t kRsdpV2Size = 36;
constexpr size_t kMadtEntriesOffset = 44;

uint64_t little_endian(klib::ReadonlyBytes bytes, size_t offset, size_t size)
{
    uint64_t value = 0;
    for (size_t i = size; i > 0; --i)
        value = (value << 8) | bytes[offset + i - 1];
    return value;
}
uint16_t le16(klib::ReadonlyBytes bytes, size_t offset)
{
    return static_cast<uint16_t>(little_endian(bytes, offset, 2));
}
uint32_t le32(klib::ReadonlyBytes bytes, size_t offset)
{
    return static_cast<uint32_t>(little_endian(bytes, offset, 4));
}
uint64_t le64(klib::ReadonlyBytes bytes, size_t offset) { return little_endian(bytes, offset, 8); }

bool has_signature(klib::ReadonlyBytes bytes, const char* signature, size_t length)
{
    if (bytes.size() < length)
        return false;
    for (size_t i = 0; i < length; ++i)
        if (bytes[i] != static_cast<unsigned char>(signature[i]))
            return false;
    return true;
}

// A table's header, then the whole table once its length is known.
klib::ErrorOr<klib::ReadonlyBytes> read_table(boot::PhysicalReader& reader, uint64_t address)
{
    auto header = reader.read(address, kHeaderSize);
    if (!header || header->size() < kHeaderSize)
        return klib::ErrorCode::Fault;
    uint32_t length = le32(*header, 4);
    if (length < kHeaderSize || length > kMaxTableLength)
        return klib::ErrorCode::Invalid;
    auto table = reader.read(address, length);
    if (!table || table->size() != length)
        return klib::ErrorCode::Fault;
    if (!checksum_ok(*table))
        return klib::ErrorCode::Invalid;
    return *table;
}

IsaRoute route_from_override(uint32_t gsi, uint16_t flags)
{
    // MPS INTI flags: polarity in bits 0-1, trigger mode in bits 2-3;
    // 0 ("conforms to the bus") means active high and edge for ISA.
    uint16_t polarity = flags & 3, trigger = (flags >> 2) & 3;
    return { gsi, polarity == 3, trigger == 3 };
}
} // namespace

bool checksum_ok(klib::ReadonlyBytes bytes)
{
    uint8_t sum = 0;
    for (uint8_t byte : bytes)
        sum = static_cast<uint8_t>(sum + byte);
    return sum == 0;
}

klib::Optional<Rsdp> parse_rsdp(klib::ReadonlyBytes bytes)
{
    if (!has_signature(bytes, "RSD PTR ", 8) || bytes.size() < kRsdpV1Size
        || !checksum_ok(bytes.subspan(0, kRsdpV1Size)))
        return {};
    uint8_t revision = bytes[15];
    if (revision >= 2 && bytes.size() >= kRsdpV2Size) {
        uint32_t length = le32(bytes, 20);
        uint64_t xsdt = le64(bytes, 24);
        if (length >= kRsdpV2Size && length <= bytes.size() && checksum_ok(bytes.subspan(0, length)) && xsdt)
            return Rsdp { xsdt, true, revision };
    }
    uint32_t rsdt = le32(bytes, 16);
    if (!rsdt)
        return {};
    return Rsdp { rsdt, false, revision };
}

klib::Optional<uint64_t> find_rsdp(klib::ReadonlyBytes area, uint64_t base)
{
    for (size_t offset = 0; offset + kRsdpV1Size <= area.size(); offset += 16) {
        size_t available = area.size() - offset;
        auto candidate = area.subspan(offset, available < kRsdpV2Size ? available : kRsdpV2Size);
        if (parse_rsdp(candidate))
            return base + offset;
    }
    return {};
}

klib::ErrorOr<klib::ReadonlyBytes> find_table(boot::PhysicalReader& reader, const Rsdp& rsdp, const char* signature)
{
    klib::ReadonlyBytes root = TRY(read_table(reader, rsdp.root_table));
    if (!has_signature(root, rsdp.extended ? "XSDT" : "RSDT", 4))
        return klib::ErrorCode::Invalid;
    size_t entry_size = rsdp.extended ? 8 : 4;
    for (size_t offset = kHeaderSize; offset + entry_size <= root.size(); offset += entry_size) {
        uint64_t address = rsdp.extended ? le64(root, offset) : le32(root, offset);
        if (!address)
            continue;
        auto header = reader.read(address, kHeaderSize);
        if (!header || !has_signature(*header, signature, 4))
            continue;
        // A damaged copy does not hide a good one further on.
        auto table = read_table(reader, address);
        if (!table.is_error())
            return table.release_value();
    }
    return klib::ErrorCode::NoEntry;
}

klib::ErrorOr<InterruptInfo> parse_madt(klib::ReadonlyBytes table)
{
    if (!has_signature(table, "APIC", 4) || table.size() < kMadtEntriesOffset)
        return klib::ErrorCode::Invalid;
    InterruptInfo info;
    info.local_apic_address = le32(table, 36);
    info.has_8259 = le32(table, 40) & 1;
    for (size_t offset = kMadtEntriesOffset; offset < table.size();) {
        if (table.size() - offset < 2)
            return klib::ErrorCode::Invalid;
        uint8_t type = table[offset];
        uint8_t length = table[offset + 1];
        if (length < 2 || length > table.size() - offset)
            return klib::ErrorCode::Invalid;
        auto entry = table.subspan(offset, length);
        offset += length;
        switch (type) {
        case 1: // I/O APIC
            if (length < 12)
                return klib::ErrorCode::Invalid;
            if (info.io_apic_count < InterruptInfo::kMaxIoApics)
                info.io_apics[info.io_apic_count++] = { entry[2], le32(entry, 4), le32(entry, 8) };
            break;
        case 2: { // interrupt source override
            if (length < 10)
                return klib::ErrorCode::Invalid;
            uint8_t bus = entry[2], source = entry[3];
            if (bus == 0 && source < InterruptInfo::kIsaIrqs)
                info.isa[source] = route_from_override(le32(entry, 4), le16(entry, 8));
            break;
        }
        case 5: // local APIC address override
            if (length < 12)
                return klib::ErrorCode::Invalid;
            info.local_apic_address = le64(entry, 4);
            break;
        default:
            break;
        }
    }
    return info;
}

} // namespace arch::acpi
