#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "kernel/symbols.h"

namespace {

using ksyms::SymbolTable;

struct Sym {
    uint64_t address;
    uint32_t size;
    std::string name;
};

// Builds a table in the documented layout. The bytes live in 64-bit words so
// the blob is 8-byte aligned, as the linker places the real one.
struct Blob {
    std::vector<uint64_t> storage;
    size_t size { 0 };

    explicit Blob(const std::vector<Sym>& symbols)
    {
        std::vector<unsigned char> bytes;
        auto put = [&](const void* p, size_t n) {
            auto* c = static_cast<const unsigned char*>(p);
            bytes.insert(bytes.end(), c, c + n);
        };
        std::string strings;
        std::vector<uint32_t> offsets;
        for (const Sym& s : symbols) {
            offsets.push_back(static_cast<uint32_t>(strings.size()));
            strings += s.name;
            strings += '\0';
        }
        uint64_t count = symbols.size();
        uint64_t strings_offset = 24 + 16 * count;
        put("BKSYMS1", 8);
        put(&count, 8);
        put(&strings_offset, 8);
        for (size_t i = 0; i < symbols.size(); ++i) {
            put(&symbols[i].address, 8);
            put(&symbols[i].size, 4);
            put(&offsets[i], 4);
        }
        put(strings.data(), strings.size());
        set(bytes);
    }

    void set(const std::vector<unsigned char>& bytes)
    {
        size = bytes.size();
        storage.assign((size + 7) / 8 + 1, 0);
        if (size)
            std::memcpy(storage.data(), bytes.data(), size);
    }
    unsigned char* data() { return reinterpret_cast<unsigned char*>(storage.data()); }
    template <typename T>
    void poke(size_t offset, T value) { std::memcpy(data() + offset, &value, sizeof(T)); }
    klib::ReadonlyBytes bytes() { return { data(), size }; }
    klib::Optional<SymbolTable> parse() { return SymbolTable::parse(bytes()); }
};

const std::vector<Sym> kSymbols = {
    { 0x1000, 0x10, "first" },
    { 0x1010, 0x20, "second" },
    { 0x2000, 0, "label" }, // zero-sized, like an assembly label
    { 0x4000, 8, "after_gap" },
    { 0xffffffff80000000, 0x100, "high" },
};

std::string name_at(const SymbolTable& table, uint64_t address)
{
    auto symbol = table.lookup(address);
    return symbol ? std::string(symbol->name.data(), symbol->name.size()) : "<none>";
}

TEST(Symbols, LookupFindsTheContainingSymbol)
{
    Blob blob(kSymbols);
    auto table = blob.parse();
    ASSERT_TRUE(table);
    EXPECT_EQ(table->size(), 5u);

    auto exact = table->lookup(0x1000);
    ASSERT_TRUE(exact);
    EXPECT_EQ(exact->address, 0x1000u);
    EXPECT_EQ(exact->offset, 0u);
    auto inside = table->lookup(0x1018);
    ASSERT_TRUE(inside);
    EXPECT_EQ(name_at(*table, 0x1018), "second");
    EXPECT_EQ(inside->address, 0x1010u);
    EXPECT_EQ(inside->offset, 8u);

    EXPECT_EQ(name_at(*table, 0x100f), "first");
    EXPECT_EQ(name_at(*table, 0x102f), "second");
    EXPECT_EQ(name_at(*table, 0x1030), "<none>"); // just past its size
    EXPECT_EQ(name_at(*table, 0xfff), "<none>");  // before the first symbol
    EXPECT_EQ(name_at(*table, 0), "<none>");
    EXPECT_EQ(name_at(*table, 0xffffffff800000ff), "high");
    EXPECT_EQ(name_at(*table, 0xffffffff80000100), "<none>");
    EXPECT_EQ(name_at(*table, UINT64_MAX), "<none>");
}

TEST(Symbols, ZeroSizedSymbolsCoverUpToAPage)
{
    Blob blob(kSymbols);
    auto table = blob.parse();
    ASSERT_TRUE(table);
    EXPECT_EQ(name_at(*table, 0x2000), "label");
    EXPECT_EQ(name_at(*table, 0x2fff), "label");
    EXPECT_EQ(name_at(*table, 0x3000), "<none>");
    EXPECT_EQ(name_at(*table, 0x4000), "after_gap");
    auto end_of_page = table->lookup(0x2fff);
    ASSERT_TRUE(end_of_page);
    EXPECT_EQ(end_of_page->offset, 0xfffu);
}

TEST(Symbols, AddressOf)
{
    Blob blob(kSymbols);
    auto table = blob.parse();
    ASSERT_TRUE(table);
    EXPECT_EQ(table->address_of("label").value_or(0), 0x2000u);
    EXPECT_EQ(table->address_of("high").value_or(0), 0xffffffff80000000u);
    EXPECT_FALSE(table->address_of("fir"));   // no prefix matches
    EXPECT_FALSE(table->address_of("firstx"));
    EXPECT_FALSE(table->address_of(""));
}

TEST(Symbols, EmptyTable)
{
    Blob blob({});
    auto table = blob.parse();
    ASSERT_TRUE(table);
    EXPECT_EQ(table->size(), 0u);
    EXPECT_FALSE(table->lookup(0x1000));
    EXPECT_FALSE(table->address_of("x"));
}

TEST(Symbols, EqualAddressesAreAllowed)
{
    Blob blob({ { 0x1000, 4, "alias_a" }, { 0x1000, 4, "alias_b" }, { 0x1004, 4, "next" } });
    auto table = blob.parse();
    ASSERT_TRUE(table);
    EXPECT_EQ(name_at(*table, 0x1002), "alias_b");
    EXPECT_EQ(table->address_of("alias_a").value_or(0), 0x1000u);
}

TEST(Symbols, RejectsBadMagic)
{
    Blob blob(kSymbols);
    blob.data()[6] = '2';
    EXPECT_FALSE(blob.parse());
    Blob unterminated_magic(kSymbols);
    unterminated_magic.data()[7] = 'x';
    EXPECT_FALSE(unterminated_magic.parse());
}

TEST(Symbols, RejectsTruncation)
{
    Blob blob(kSymbols);
    size_t full = blob.size;
    for (size_t size : { size_t { 0 }, size_t { 8 }, size_t { 23 }, size_t { 24 }, size_t { 40 }, full - 1 }) {
        blob.size = size;
        EXPECT_FALSE(blob.parse()) << size;
    }
}

TEST(Symbols, RejectsCountOverflow)
{
    for (uint64_t count : { uint64_t { 6 }, uint64_t { 1000 }, uint64_t { 1 } << 60, UINT64_MAX, UINT64_MAX / 16 + 1 }) {
        Blob blob(kSymbols);
        blob.poke<uint64_t>(8, count);
        EXPECT_FALSE(blob.parse()) << count;
    }
}

TEST(Symbols, RejectsStringsOffsetOutOfRange)
{
    Blob blob(kSymbols);
    uint64_t good = 24 + 16 * kSymbols.size();
    for (uint64_t offset : { uint64_t { 0 }, uint64_t { 24 }, good - 1, uint64_t { blob.size + 1 }, UINT64_MAX }) {
        blob.poke<uint64_t>(16, offset);
        EXPECT_FALSE(blob.parse()) << offset;
    }
    // Exactly at the end: an empty string area, which no name can point into.
    blob.poke<uint64_t>(16, blob.size);
    EXPECT_FALSE(blob.parse());
}

TEST(Symbols, RejectsNameOffsetOutOfRange)
{
    Blob blob(kSymbols);
    size_t strings_size = blob.size - (24 + 16 * kSymbols.size());
    blob.poke<uint32_t>(24 + 16 * 2 + 12, static_cast<uint32_t>(strings_size));
    EXPECT_FALSE(blob.parse());
    blob.poke<uint32_t>(24 + 16 * 2 + 12, UINT32_MAX);
    EXPECT_FALSE(blob.parse());
    // The last byte (the final NUL) is a valid, empty name.
    blob.poke<uint32_t>(24 + 16 * 2 + 12, static_cast<uint32_t>(strings_size - 1));
    auto table = blob.parse();
    ASSERT_TRUE(table);
    EXPECT_EQ(name_at(*table, 0x2000), "");
}

TEST(Symbols, RejectsUnsortedAddresses)
{
    Blob blob({ { 0x2000, 4, "b" }, { 0x1000, 4, "a" } });
    EXPECT_FALSE(blob.parse());
    Blob later({ { 0x1000, 4, "a" }, { 0x2000, 4, "b" }, { 0x3000, 4, "c" }, { 0x2fff, 4, "d" } });
    EXPECT_FALSE(later.parse());
}

TEST(Symbols, RejectsUnterminatedStringArea)
{
    Blob blob(kSymbols);
    blob.data()[blob.size - 1] = 'h';
    EXPECT_FALSE(blob.parse());
}

TEST(Symbols, RejectsMisalignedBlob)
{
    Blob blob(kSymbols);
    // The same bytes, one byte further on.
    std::vector<uint64_t> shifted(blob.storage.size() + 1, 0);
    auto* bytes = reinterpret_cast<unsigned char*>(shifted.data()) + 1;
    std::memcpy(bytes, blob.data(), blob.size);
    EXPECT_FALSE(SymbolTable::parse(klib::ReadonlyBytes(bytes, blob.size)));
    EXPECT_FALSE(SymbolTable::parse(klib::ReadonlyBytes(bytes + 3, blob.size - 3)));
}

} // namespace
