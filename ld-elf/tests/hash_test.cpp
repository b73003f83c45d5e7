// ld-elf's symbol hashes and hash-table lookups, against values from the
// specifications and tables built here the way the linker lays them out.
#include <gtest/gtest.h>

#include <string.h>

#include <string>
#include <vector>

#include "ld-elf/core/hash.h"

using namespace ldelf;

TEST(Hash, SysvKnownValues)
{
    EXPECT_EQ(sysv_hash(""), 0u);
    EXPECT_EQ(sysv_hash("printf"), 0x077905a6u);
    EXPECT_EQ(sysv_hash("exit"), 0x0006cf04u);
    EXPECT_EQ(sysv_hash("syscall"), 0x0b09985cu);
    // Long names exercise the high-nibble folding.
    EXPECT_EQ(sysv_hash("__libc_start_main"), 0x0177ff8eu);
}

TEST(Hash, GnuKnownValues)
{
    EXPECT_EQ(gnu_hash(""), 5381u);
    EXPECT_EQ(gnu_hash("printf"), 0x156b2bb8u);
    EXPECT_EQ(gnu_hash("exit"), 0x7c967e3fu);
    EXPECT_EQ(gnu_hash("syscall"), 0xbac212a0u);
}

namespace {
// A symbol table with both hash sections, laid out as GNU ld does.
struct Tables {
    std::vector<elf::Symbol> symbols;
    std::string strings;
    std::vector<uint32_t> sysv;
    std::vector<uint32_t> gnu;

    SymbolTable table(bool with_gnu, bool with_sysv) const
    {
        return { symbols.data(), strings.data(), with_sysv ? sysv.data() : nullptr, with_gnu ? gnu.data() : nullptr };
    }
};

Tables build(const std::vector<std::string>& names, uint32_t buckets)
{
    Tables t;
    t.strings.push_back('\0');
    t.symbols.push_back({});
    // Undefined symbols come first, below GNU hash's symoffset.
    elf::Symbol undefined {};
    undefined.name = static_cast<uint32_t>(t.strings.size());
    t.strings += "undefined_one";
    t.strings.push_back('\0');
    undefined.info = elf::kBindGlobal << 4;
    t.symbols.push_back(undefined);
    uint32_t offset = static_cast<uint32_t>(t.symbols.size());
    // GNU hash wants the defined symbols sorted by bucket.
    std::vector<std::string> sorted = names;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const std::string& a, const std::string& b) {
        return gnu_hash(a.c_str()) % buckets < gnu_hash(b.c_str()) % buckets;
    });
    for (const std::string& name : sorted) {
        elf::Symbol symbol {};
        symbol.name = static_cast<uint32_t>(t.strings.size());
        t.strings += name;
        t.strings.push_back('\0');
        symbol.info = (elf::kBindGlobal << 4) | 2;
        symbol.shndx = 7;
        symbol.value = 0x1000 + t.symbols.size();
        t.symbols.push_back(symbol);
    }
    uint32_t count = static_cast<uint32_t>(t.symbols.size());

    t.sysv = { buckets, count };
    t.sysv.resize(2 + buckets + count, 0);
    for (uint32_t i = 1; i < count; ++i) {
        uint32_t bucket = sysv_hash(t.strings.data() + t.symbols[i].name) % buckets;
        t.sysv[2 + buckets + i] = t.sysv[2 + bucket];
        t.sysv[2 + bucket] = i;
    }

    const uint32_t bloom_size = 2, shift = 6;
    t.gnu = { buckets, offset, bloom_size, shift };
    std::vector<uint64_t> bloom(bloom_size, 0);
    std::vector<uint32_t> bucket_start(buckets, 0), chain(count - offset, 0);
    for (uint32_t i = offset; i < count; ++i) {
        uint32_t h = gnu_hash(t.strings.data() + t.symbols[i].name);
        bloom[(h / 64) % bloom_size] |= (uint64_t(1) << (h % 64)) | (uint64_t(1) << ((h >> shift) % 64));
        uint32_t b = h % buckets;
        if (bucket_start[b] == 0)
            bucket_start[b] = i;
        bool last = i + 1 == count || gnu_hash(t.strings.data() + t.symbols[i + 1].name) % buckets != b;
        chain[i - offset] = (h & ~1u) | (last ? 1 : 0);
    }
    for (uint64_t word : bloom) {
        t.gnu.push_back(static_cast<uint32_t>(word));
        t.gnu.push_back(static_cast<uint32_t>(word >> 32));
    }
    t.gnu.insert(t.gnu.end(), bucket_start.begin(), bucket_start.end());
    t.gnu.insert(t.gnu.end(), chain.begin(), chain.end());
    return t;
}

const std::vector<std::string> kNames = { "printf", "malloc", "free", "dlopen", "dlsym", "environ", "errno_ptr",
                                          "a", "ab", "abc", "__tls_get_addr", "main", "exit", "_exit" };
} // namespace

TEST(Hash, FindsEveryDefinedSymbolThroughEitherTable)
{
    for (uint32_t buckets : { 1u, 3u, 7u, 16u }) {
        Tables t = build(kNames, buckets);
        for (int which = 0; which < 2; ++which) {
            SymbolTable table = t.table(which == 0, which == 1);
            for (const std::string& name : kNames) {
                uint32_t index = find_symbol(table, hash_name(name.c_str()));
                ASSERT_NE(index, 0u) << name << " with " << buckets << " buckets";
                EXPECT_EQ(name, t.strings.data() + t.symbols[index].name);
            }
            EXPECT_EQ(find_symbol(table, hash_name("undefined_one")), 0u) << "undefined symbols are no definitions";
            EXPECT_EQ(find_symbol(table, hash_name("not_there")), 0u);
            EXPECT_EQ(find_symbol(table, hash_name("")), 0u);
            EXPECT_EQ(find_symbol(table, hash_name("printfx")), 0u);
            EXPECT_EQ(symbol_count(table), t.symbols.size());
        }
    }
}

TEST(Hash, LocalSymbolsAreNotFound)
{
    Tables t = build(kNames, 5);
    for (auto& symbol : t.symbols)
        if (symbol.shndx)
            symbol.info = static_cast<unsigned char>(elf::kBindLocal << 4);
    EXPECT_EQ(find_symbol(t.table(true, false), hash_name("printf")), 0u);
    EXPECT_EQ(find_symbol(t.table(false, true), hash_name("printf")), 0u);
}

TEST(Hash, NoTablesFindNothing)
{
    Tables t = build(kNames, 5);
    EXPECT_EQ(find_symbol(t.table(false, false), hash_name("printf")), 0u);
    EXPECT_EQ(symbol_count(t.table(false, false)), 0u);
}

TEST(Hash, OneHashedNameServesBothKindsOfTable)
{
    // A lookup walks objects with DT_GNU_HASH and objects with only DT_HASH
    // using the same HashedName: the System V hash comes when first needed.
    Tables t = build(kNames, 7);
    HashedName name = hash_name("dlsym");
    EXPECT_FALSE(name.sysv_known);
    uint32_t through_gnu = find_symbol(t.table(true, false), name);
    EXPECT_FALSE(name.sysv_known) << "a GNU table needs no System V hash";
    uint32_t through_sysv = find_symbol(t.table(false, true), name);
    EXPECT_TRUE(name.sysv_known);
    EXPECT_EQ(name.sysv, sysv_hash("dlsym"));
    ASSERT_NE(through_gnu, 0u);
    EXPECT_EQ(through_gnu, through_sysv);
    EXPECT_EQ(find_symbol(t.table(false, true), name), through_sysv) << "the kept hash finds it again";
}
