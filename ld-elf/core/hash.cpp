#include "hash.h"

namespace ldelf {

namespace {
bool same(const char* a, const char* b)
{
    while (*a && *a == *b)
        ++a, ++b;
    return *a == *b;
}

bool defines(const SymbolTable& table, uint32_t index, const char* name)
{
    const elf::Symbol& symbol = table.symbols[index];
    if (symbol.shndx == elf::kSectionIndexUndefined || elf::symbol_binding(symbol) == elf::kBindLocal)
        return false;
    return same(table.strings + symbol.name, name);
}

// GNU hash layout: nbuckets, symoffset, bloom_size, bloom_shift, then
// bloom_size 64-bit bloom words, nbuckets buckets, and one chain word per
// symbol from symoffset on (low bit set on the last of each chain).
uint32_t find_gnu(const SymbolTable& table, const HashedName& name)
{
    const uint32_t* header = table.gnu;
    uint32_t buckets = header[0], offset = header[1], bloom_size = header[2], shift = header[3];
    if (buckets == 0 || bloom_size == 0)
        return 0;
    auto bloom = reinterpret_cast<const uint64_t*>(header + 4);
    uint64_t word = bloom[(name.gnu / 64) % bloom_size];
    uint64_t mask = (uint64_t(1) << (name.gnu % 64)) | (uint64_t(1) << ((name.gnu >> shift) % 64));
    if ((word & mask) != mask)
        return 0;
    const uint32_t* bucket = header + 4 + bloom_size * 2;
    const uint32_t* chain = bucket + buckets;
    uint32_t index = bucket[name.gnu % buckets];
    if (index < offset)
        return 0;
    for (;; ++index) {
        uint32_t hash = chain[index - offset];
        if ((hash | 1) == (name.gnu | 1) && defines(table, index, name.name))
            return index;
        if (hash & 1)
            return 0;
    }
}

// System V layout: nbucket, nchain, buckets, chains.
uint32_t find_sysv(const SymbolTable& table, const HashedName& name)
{
    uint32_t buckets = table.sysv[0];
    if (buckets == 0)
        return 0;
    const uint32_t* bucket = table.sysv + 2;
    const uint32_t* chain = bucket + buckets;
    uint32_t count = table.sysv[1];
    if (!name.sysv_known) {
        name.sysv = sysv_hash(name.name);
        name.sysv_known = true;
    }
    for (uint32_t index = bucket[name.sysv % buckets], steps = 0; index != 0 && index < count && steps < count;
         index = chain[index], ++steps)
        if (defines(table, index, name.name))
            return index;
    return 0;
}
} // namespace

uint32_t sysv_hash(const char* name)
{
    uint32_t hash = 0;
    for (auto* p = reinterpret_cast<const unsigned char*>(name); *p; ++p) {
        hash = (hash << 4) + *p;
        uint32_t high = hash & 0xf0000000u;
        if (high)
            hash ^= high >> 24;
        hash &= ~high;
    }
    return hash;
}

uint32_t gnu_hash(const char* name)
{
    uint32_t hash = 5381;
    for (auto* p = reinterpret_cast<const unsigned char*>(name); *p; ++p)
        hash = hash * 33 + *p;
    return hash;
}

HashedName hash_name(const char* name) { return { name, gnu_hash(name), 0, false }; }

uint32_t find_symbol(const SymbolTable& table, const HashedName& name)
{
    if (table.gnu)
        return find_gnu(table, name);
    if (table.sysv)
        return find_sysv(table, name);
    return 0;
}

uint32_t symbol_count(const SymbolTable& table)
{
    if (table.sysv)
        return table.sysv[1];
    if (!table.gnu)
        return 0;
    const uint32_t* header = table.gnu;
    uint32_t buckets = header[0], offset = header[1], bloom_size = header[2];
    const uint32_t* bucket = header + 4 + bloom_size * 2;
    const uint32_t* chain = bucket + buckets;
    uint32_t last = 0;
    for (uint32_t i = 0; i < buckets; ++i)
        if (bucket[i] > last)
            last = bucket[i];
    if (last < offset)
        return offset;
    while ((chain[last - offset] & 1) == 0)
        ++last;
    return last + 1;
}

} // namespace ldelf
