#pragma once
// A banos module file: an ELF64 ET_REL for x86_64, checked completely before
// anything is placed or written (header, section table, string tables,
// symbols, relocations, the .banos-driver record), then laid out, resolved
// against exported names and relocated into memory the caller provides.
//
// Pure logic: it runs on the host too (unit tests, the fuzzer). Problems come
// back as ExecFormat (or NoEntry for a missing symbol) with one line in
// *why that names what is wrong.
#include <stddef.h>
#include <stdint.h>

#include "abi-versions/common/elf64.h"
#include "abi-versions/modules/driver.h"
#include "lib/error_or.h"
#include "lib/format.h"
#include "lib/optional.h"
#include "lib/span.h"
#include "lib/string_view.h"
#include "lib/vector.h"

namespace module {

using Problem = klib::FixedString<160>;

namespace elf = ::elf64;

// Bounds that keep a hostile file from costing the kernel much.
constexpr size_t kMaxFileSize = 16u << 20;
constexpr size_t kMaxSections = 1024;
constexpr uint64_t kMaxAlignment = 4096;
constexpr uint64_t kPageSize = 4096;

// The three parts of a placed module, each page-aligned so it can be
// sealed on its own: text RX, read-only data RO, data (and NOBITS) RW.
struct Layout {
    uint64_t text_size { 0 };
    uint64_t rodata_offset { 0 };
    uint64_t rodata_size { 0 };
    uint64_t data_offset { 0 };
    uint64_t data_size { 0 };
    uint64_t total_size { 0 };
};

// Where undefined symbols come from (the kernel's and modules' exports).
class SymbolResolver {
public:
    virtual klib::Optional<uint64_t> lookup(klib::StringView name) = 0;

protected:
    ~SymbolResolver() = default;
};

class ModuleImage {
public:
    // Checks the whole file; `file` must outlive the image, unchanged.
    static klib::ErrorOr<ModuleImage> parse(klib::ReadonlyBytes file, Problem* why);

    // The record as the file has it (init and uninit are not yet relocated).
    const banos_driver_record& driver() const { return driver_; }
    klib::StringView name() const { return klib::StringView(driver_.name); }
    const Layout& layout() const { return layout_; }

    // Looks up every undefined symbol; NoEntry naming the first missing one.
    klib::ErrorOr<void> resolve(SymbolResolver&, Problem* why);

    // Computes every relocation for an image at `base` and checks it fits
    // (ExecFormat naming the first that overflows) before writing anything;
    // then fills `memory` (layout().total_size bytes): section contents,
    // zeros for NOBITS and padding, relocations applied. resolve() first.
    klib::ErrorOr<void> relocate(klib::Bytes memory, uint64_t base, Problem* why) const;

    // After relocate(): the relocated init and uninit addresses (0: none).
    static uint64_t init_address(klib::ReadonlyBytes memory, uint64_t offset_of_driver);
    uint64_t driver_offset() const { return driver_offset_; }
    // The .banos-export entries' place in the image (size 0: none).
    uint64_t exports_offset() const { return exports_offset_; }
    uint64_t exports_size() const { return exports_size_; }

    // Calls visit(name, address) for each relocated export entry; ExecFormat
    // if a name does not point at a NUL-terminated string inside the image
    // or an address is null.
    template <typename Visit>
    klib::ErrorOr<void> for_each_export(klib::ReadonlyBytes memory, uint64_t base, Visit&& visit, Problem* why) const;

    size_t undefined_count() const { return undefined_count_; }

private:
    ModuleImage() = default;
    klib::ErrorOr<klib::StringView> export_name(klib::ReadonlyBytes memory, uint64_t base, uint64_t pointer,
                                                Problem* why) const;

    klib::ReadonlyBytes file_;
    klib::Vector<elf::SectionHeader> section_headers_;
    klib::Vector<uint64_t> section_offsets_; // image offset of each placed section, or kNotPlaced
    size_t symtab_index_ { 0 };
    size_t symbol_count_ { 0 };
    klib::Vector<uint64_t> symbol_values_; // resolved addresses of undefined symbols
    size_t undefined_count_ { 0 };
    banos_driver_record driver_ {};
    uint64_t driver_offset_ { 0 };
    uint64_t exports_offset_ { 0 };
    uint64_t exports_size_ { 0 };
    Layout layout_;
};

template <typename Visit>
klib::ErrorOr<void> ModuleImage::for_each_export(klib::ReadonlyBytes memory, uint64_t base, Visit&& visit,
                                                 Problem* why) const
{
    for (uint64_t at = exports_offset_; at < exports_offset_ + exports_size_; at += sizeof(banos_export)) {
        banos_export entry;
        __builtin_memcpy(&entry, memory.data() + at, sizeof(entry));
        auto name = TRY(export_name(memory, base, reinterpret_cast<uint64_t>(entry.name), why));
        if (!entry.address) {
            *why = Problem::formatted("export '{}' has a null address", name);
            return klib::ErrorCode::ExecFormat;
        }
        visit(name, reinterpret_cast<uint64_t>(entry.address));
    }
    return {};
}

} // namespace module
