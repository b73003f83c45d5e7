#include "kernel/symbols.h"

#include <string.h>

namespace ksyms {

namespace {
struct Header {
    char magic[8];
    uint64_t count;
    uint64_t strings_offset;
};
constexpr char kMagic[8] = { 'B', 'K', 'S', 'Y', 'M', 'S', '1', '\0' };
} // namespace

klib::Optional<SymbolTable> SymbolTable::parse(klib::ReadonlyBytes blob)
{
    if (blob.size() < sizeof(Header))
        return {};
    Header header;
    memcpy(&header, blob.data(), sizeof(header));
    if (memcmp(header.magic, kMagic, sizeof(kMagic)) != 0)
        return {};
    uint64_t entries_bytes;
    if (__builtin_mul_overflow(header.count, sizeof(Entry), &entries_bytes))
        return {};
    if (entries_bytes > blob.size() - sizeof(Header) || header.strings_offset < sizeof(Header) + entries_bytes
        || header.strings_offset > blob.size())
        return {};
    if (reinterpret_cast<uintptr_t>(blob.data()) % alignof(Entry))
        return {};
    auto* entries = reinterpret_cast<const Entry*>(blob.data() + sizeof(Header));
    auto* strings = reinterpret_cast<const char*>(blob.data() + header.strings_offset);
    uint64_t strings_size = blob.size() - header.strings_offset;
    for (uint64_t i = 0; i < header.count; ++i) {
        if (entries[i].name_offset >= strings_size)
            return {};
        if (i && entries[i].address < entries[i - 1].address)
            return {};
    }
    // Every name must end inside the string area.
    if (strings_size && strings[strings_size - 1] != '\0')
        return {};
    return SymbolTable(entries, header.count, strings, strings_size);
}

klib::StringView SymbolTable::name_of(const Entry& entry) const { return klib::StringView(strings_ + entry.name_offset); }

klib::Optional<Symbol> SymbolTable::lookup(uint64_t address) const
{
    // Last entry whose address is <= the one asked for.
    uint64_t low = 0, high = count_;
    while (low < high) {
        uint64_t mid = low + (high - low) / 2;
        if (entries_[mid].address <= address)
            low = mid + 1;
        else
            high = mid;
    }
    if (low == 0)
        return {};
    const Entry& entry = entries_[low - 1];
    uint64_t offset = address - entry.address;
    // Zero-sized symbols (assembly labels) are accepted up to a page away.
    uint64_t limit = entry.size ? entry.size : 4096;
    if (offset >= limit)
        return {};
    return Symbol { name_of(entry), entry.address, offset };
}

klib::Optional<uint64_t> SymbolTable::address_of(klib::StringView name) const
{
    for (uint64_t i = 0; i < count_; ++i)
        if (name_of(entries_[i]) == name)
            return entries_[i].address;
    return {};
}

} // namespace ksyms
