#pragma once
#include <stdint.h>

#include "lib/optional.h"
#include "lib/span.h"
#include "lib/string_view.h"

// The kernel's own symbol table, embedded at build time by tools/gen-ksyms
// so that panic backtraces name functions.
//
// Layout (little endian):
//   header  { char magic[8] = "BKSYMS1"; u64 count; u64 strings_offset; }
//   entries { u64 address; u32 size; u32 name_offset; } [count], sorted by address
//   strings NUL-terminated names
namespace ksyms {

struct Symbol {
    klib::StringView name;
    uint64_t address;
    uint64_t offset; // of the looked-up address from the symbol's start
};

class SymbolTable {
public:
    // Validates the blob; an inconsistent table is rejected, not trusted.
    static klib::Optional<SymbolTable> parse(klib::ReadonlyBytes blob);

    size_t size() const { return count_; }
    klib::Optional<Symbol> lookup(uint64_t address) const;
    klib::Optional<uint64_t> address_of(klib::StringView name) const;

private:
    struct Entry {
        uint64_t address;
        uint32_t size;
        uint32_t name_offset;
    };
    SymbolTable(const Entry* entries, uint64_t count, const char* strings, uint64_t strings_size)
        : entries_(entries), count_(count), strings_(strings), strings_size_(strings_size) {}
    klib::StringView name_of(const Entry&) const;

    const Entry* entries_;
    uint64_t count_;
    const char* strings_;
    uint64_t strings_size_;
};

// The table linked into this kernel (empty in the first link pass).
const SymbolTable* kernel_table();

} // namespace ksyms
