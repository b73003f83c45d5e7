// Symbol lookup through an object's hash tables: DT_GNU_HASH (preferred)
// or DT_HASH (System V). Pure functions over the tables' memory, shared by
// ld-elf and its host unit tests.
#pragma once
#include <stdint.h>

#include "elf.h"

namespace ldelf {

// The System V ELF hash of a symbol name (gABI, "Hash Table").
uint32_t sysv_hash(const char* name);
// The GNU hash (Bernstein's h * 33 + c, seed 5381).
uint32_t gnu_hash(const char* name);

// One object's dynamic symbols. Either table may be absent (null).
struct SymbolTable {
    const elf::Symbol* symbols;
    const char* strings;
    const uint32_t* sysv;
    const uint32_t* gnu;
};

// A name with its GNU hash, computed once per lookup. Its System V hash
// is computed only if an object without DT_GNU_HASH is searched (rare:
// every banos object has both tables), then kept.
struct HashedName {
    const char* name;
    uint32_t gnu;
    mutable uint32_t sysv;
    mutable bool sysv_known;
};
HashedName hash_name(const char* name);

// The index of the defined symbol called `name`, 0 if there is none
// (index 0 is the undefined symbol, never a definition).
uint32_t find_symbol(const SymbolTable&, const HashedName&);
// How many symbols the table has (from whichever hash table is present).
uint32_t symbol_count(const SymbolTable&);

} // namespace ldelf
