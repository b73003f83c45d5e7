#include "module/elf_module.h"

#include <string.h>

#include "arch/x86_64/module/relocation.h"
#include "lib/math.h"

namespace module {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::ReadonlyBytes;
using klib::StringView;

namespace {

constexpr uint64_t kNotPlaced = UINT64_MAX;

klib::Error fail(Problem* why, const Problem& problem, ErrorCode code = ErrorCode::ExecFormat)
{
    *why = problem;
    return code;
}

template <typename... Args>
klib::Error bad(Problem* why, StringView format, const Args&... args)
{
    return fail(why, Problem::formatted(format, args...));
}

// Files come from anywhere and need not be aligned: copy structures out.
template <typename T>
T read_at(ReadonlyBytes file, uint64_t offset)
{
    T value;
    memcpy(&value, file.data() + offset, sizeof(T));
    return value;
}

// The first NUL in [text, text + size), or null.
const char* find_nul(const char* text, size_t size)
{
    for (size_t i = 0; i < size; ++i)
        if (text[i] == '\0')
            return text + i;
    return nullptr;
}

bool in_file(ReadonlyBytes file, uint64_t offset, uint64_t size)
{
    return offset <= file.size() && size <= file.size() - offset;
}

bool is_power_of_two(uint64_t value) { return value && !(value & (value - 1)); }

// A NUL-terminated string at `offset` of a string table, or nothing.
klib::Optional<StringView> string_at(ReadonlyBytes file, const elf::SectionHeader& table, uint64_t offset)
{
    if (offset >= table.size)
        return {};
    const char* start = reinterpret_cast<const char*>(file.data() + table.offset + offset);
    size_t left = table.size - offset;
    const char* end = find_nul(start, left);
    if (!end)
        return {};
    return StringView(start, end - start);
}

bool terminated(const char* text, size_t capacity) { return find_nul(text, capacity) != nullptr; }

bool valid_module_name(const char* name)
{
    if (!terminated(name, BANOS_DRIVER_NAME_SIZE) || !name[0])
        return false;
    for (const char* c = name; *c; ++c) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-';
        if (!ok)
            return false;
    }
    return true;
}

enum class Region { Text, ReadOnly, Data };

Region region_of(const elf::SectionHeader& section)
{
    if (section.flags & elf::kSectionExecute)
        return Region::Text;
    if (section.flags & elf::kSectionWrite)
        return Region::Data;
    return Region::ReadOnly;
}

} // namespace

ErrorOr<ModuleImage> ModuleImage::parse(ReadonlyBytes file, Problem* why)
{
    if (file.size() < sizeof(elf::Header))
        return bad(why, "truncated file: {} bytes, shorter than an ELF header", file.size());
    if (file.size() > kMaxFileSize)
        return bad(why, "file of {} bytes is larger than the {} allowed", file.size(), kMaxFileSize);
    auto header = read_at<elf::Header>(file, 0);
    if (memcmp(header.ident, elf::kMagic, sizeof(elf::kMagic)) != 0)
        return bad(why, "not an ELF file (bad magic)");
    if (header.ident[elf::kIdentClass] != elf::kClass64
        || header.ident[elf::kIdentData] != elf::kDataLittleEndian)
        return bad(why, "not a 64-bit little-endian ELF file");
    if (header.version != elf::kVersionCurrent)
        return bad(why, "unknown ELF version {}", header.version);
    if (header.machine != elf::kMachineX86_64)
        return bad(why, "wrong machine {} (x86_64 is {})", header.machine, elf::kMachineX86_64);
    if (header.type != elf::kTypeRel)
        return bad(why, "wrong ELF type {} (a module is ET_REL, 1)", header.type);
    if (header.shentsize != sizeof(elf::SectionHeader))
        return bad(why, "section header size {} is not {}", header.shentsize, sizeof(elf::SectionHeader));
    if (header.shnum == 0 || header.shnum > kMaxSections)
        return bad(why, "{} sections (1 to {} allowed)", header.shnum, kMaxSections);
    if (!in_file(file, header.shoff, uint64_t(header.shnum) * sizeof(elf::SectionHeader)))
        return bad(why, "truncated file: the section table at {:#x} ends past its {} bytes", header.shoff,
                   file.size());
    if (header.shstrndx >= header.shnum)
        return bad(why, "section-name string table index {} is not below {}", header.shstrndx, header.shnum);

    ModuleImage image;
    image.file_ = file;
    TRY(image.section_headers_.try_reserve(header.shnum));
    TRY(image.section_offsets_.try_reserve(header.shnum));
    for (size_t i = 0; i < header.shnum; ++i) {
        auto section = read_at<elf::SectionHeader>(file, header.shoff + i * sizeof(elf::SectionHeader));
        TRY(image.section_headers_.try_append(section));
        TRY(image.section_offsets_.try_append(kNotPlaced));
    }
    auto& sections = image.section_headers_;

    // Every section: contents within the file, alignment a power of two.
    for (size_t i = 0; i < sections.size(); ++i) {
        const auto& s = sections[i];
        if (s.type != elf::kSectionNobits && i != 0 && !in_file(file, s.offset, s.size))
            return bad(why, "section {} ({:#x} bytes at {:#x}) lies outside the file of {} bytes", i, s.size, s.offset,
                       file.size());
        if (s.addralign > 1 && !is_power_of_two(s.addralign))
            return bad(why, "section {} alignment {} is not a power of two", i, s.addralign);
        if ((s.flags & elf::kSectionAlloc) && s.addralign > kMaxAlignment)
            return bad(why, "section {} alignment {} is above {}", i, s.addralign, kMaxAlignment);
        if ((s.flags & elf::kSectionWrite) && (s.flags & elf::kSectionExecute))
            return bad(why, "section {} is both writable and executable", i);
        if (s.type == elf::kSectionRel)
            return bad(why, "section {} is SHT_REL; x86_64 modules use SHT_RELA", i);
    }
    const auto& names = sections[header.shstrndx];
    if (names.type != elf::kSectionStrtab || names.size == 0)
        return bad(why, "section-name string table {} is not a string table", header.shstrndx);

    // Names, the symbol table, the driver record and the exports.
    size_t symtab = 0;
    size_t driver = 0;
    size_t exports = 0;
    for (size_t i = 1; i < sections.size(); ++i) {
        auto name = string_at(file, names, sections[i].name);
        if (!name)
            return bad(why, "section {} has a bad name index {}", i, sections[i].name);
        if (sections[i].type == elf::kSectionSymtab) {
            if (symtab)
                return bad(why, "more than one symbol table");
            symtab = i;
        }
        if (*name == BANOS_DRIVER_SECTION) {
            if (driver)
                return bad(why, "more than one " BANOS_DRIVER_SECTION " section");
            driver = i;
        }
        if (*name == BANOS_EXPORT_SECTION) {
            if (exports)
                return bad(why, "more than one " BANOS_EXPORT_SECTION " section");
            exports = i;
        }
    }
    if (!symtab)
        return bad(why, "no symbol table");
    const auto& symbols = sections[symtab];
    if (symbols.entsize != sizeof(elf::Symbol) || symbols.size % sizeof(elf::Symbol) != 0)
        return bad(why, "symbol table entries are not {} bytes", sizeof(elf::Symbol));
    if (symbols.link >= sections.size() || symbols.link == 0 || sections[symbols.link].type != elf::kSectionStrtab)
        return bad(why, "symbol table's string table index {} is bad", symbols.link);
    image.symtab_index_ = symtab;
    image.symbol_count_ = symbols.size / sizeof(elf::Symbol);
    const auto& strings = sections[symbols.link];

    // Layout: each allocated section in its region, honouring alignment.
    uint64_t cursor[3] = { 0, 0, 0 };
    for (size_t i = 1; i < sections.size(); ++i) {
        const auto& s = sections[i];
        if (!(s.flags & elf::kSectionAlloc))
            continue;
        if (s.size > kMaxFileSize * 4)
            return bad(why, "section {} is {:#x} bytes, too large", i, s.size);
        auto& at = cursor[static_cast<int>(region_of(s))];
        at = klib::align_up(at, s.addralign ? s.addralign : 1);
        image.section_offsets_[i] = at;
        at += s.size;
    }
    Layout& layout = image.layout_;
    layout.text_size = klib::align_up(cursor[0], kPageSize);
    layout.rodata_offset = layout.text_size;
    layout.rodata_size = klib::align_up(cursor[1], kPageSize);
    layout.data_offset = layout.rodata_offset + layout.rodata_size;
    layout.data_size = klib::align_up(cursor[2], kPageSize);
    layout.total_size = layout.data_offset + layout.data_size;
    for (size_t i = 1; i < sections.size(); ++i) {
        if (image.section_offsets_[i] == kNotPlaced)
            continue;
        Region region = region_of(sections[i]);
        image.section_offsets_[i] += region == Region::Text ? 0
            : region == Region::ReadOnly                    ? layout.rodata_offset
                                                            : layout.data_offset;
    }
    if (layout.total_size == 0)
        return bad(why, "no allocated sections");

    // Symbols: names inside the string table, sections that exist.
    for (size_t i = 1; i < image.symbol_count_; ++i) {
        auto symbol = read_at<elf::Symbol>(file, symbols.offset + i * sizeof(elf::Symbol));
        auto name = string_at(file, strings, symbol.name);
        if (!name)
            return bad(why, "symbol {} has a bad string-table index {}", i, symbol.name);
        if (symbol.shndx == elf::kSectionIndexCommon)
            return bad(why, "symbol '{}' is a common symbol (build with -fno-common)", *name);
        if (symbol.shndx == elf::kSectionIndexUndefined) {
            if (elf::symbol_binding(symbol) == elf::kBindLocal)
                return bad(why, "local symbol '{}' is undefined", *name);
            if (name->is_empty())
                return bad(why, "undefined symbol {} has no name", i);
            ++image.undefined_count_;
            continue;
        }
        if (symbol.shndx == elf::kSectionIndexAbsolute)
            continue;
        if (symbol.shndx >= elf::kSectionIndexLowReserve || symbol.shndx >= sections.size())
            return bad(why, "symbol '{}' has a bad section index {}", *name, symbol.shndx);
        if (image.section_offsets_[symbol.shndx] != kNotPlaced && symbol.value > sections[symbol.shndx].size)
            return bad(why, "symbol '{}' lies past the end of its section", *name);
    }

    // Relocations: for allocated targets, every entry in range and of a
    // whitelisted type, against a symbol that will have an address.
    for (size_t i = 1; i < sections.size(); ++i) {
        const auto& r = sections[i];
        if (r.type != elf::kSectionRela)
            continue;
        if (r.entsize != sizeof(elf::Rela) || r.size % sizeof(elf::Rela) != 0)
            return bad(why, "relocation section {} entries are not {} bytes", i, sizeof(elf::Rela));
        if (r.info >= sections.size() || r.info == 0)
            return bad(why, "relocation section {} applies to a bad section index {}", i, r.info);
        if (image.section_offsets_[r.info] == kNotPlaced)
            continue; // debugging data: never loaded
        if (r.link != symtab)
            return bad(why, "relocation section {} uses symbol table {}, not {}", i, r.link, symtab);
        const auto& target = sections[r.info];
        if (target.type == elf::kSectionNobits)
            return bad(why, "relocation section {} applies to NOBITS section {}", i, r.info);
        for (uint64_t at = 0; at < r.size; at += sizeof(elf::Rela)) {
            auto rela = read_at<elf::Rela>(file, r.offset + at);
            uint32_t type = elf::relocation_type(rela.info);
            auto width = arch::module::relocation_width(type);
            if (!width)
                return bad(why, "unknown relocation type {} in section {}", type, r.info);
            if (rela.offset > target.size || *width > target.size - rela.offset)
                return bad(why, "relocation at {:#x} lies outside section {}", rela.offset, r.info);
            uint64_t index = elf::relocation_symbol(rela.info);
            if (index >= image.symbol_count_)
                return bad(why, "relocation at {:#x} names symbol {} of {}", rela.offset, index, image.symbol_count_);
            if (index == 0)
                continue;
            auto symbol = read_at<elf::Symbol>(file, symbols.offset + index * sizeof(elf::Symbol));
            bool in_section = symbol.shndx != elf::kSectionIndexUndefined && symbol.shndx != elf::kSectionIndexAbsolute;
            if (in_section && image.section_offsets_[symbol.shndx] == kNotPlaced)
                return bad(why, "relocation at {:#x} refers to section {}, which is not loaded", rela.offset,
                           symbol.shndx);
        }
    }

    // The driver record.
    if (!driver)
        return bad(why, "no " BANOS_DRIVER_SECTION " record");
    const auto& record = sections[driver];
    if (record.type != elf::kSectionProgbits || !(record.flags & elf::kSectionAlloc))
        return bad(why, BANOS_DRIVER_SECTION " is not allocated data");
    if (record.size < sizeof(banos_driver_record))
        return bad(why, BANOS_DRIVER_SECTION " is {} bytes, shorter than a record ({})", record.size,
                   sizeof(banos_driver_record));
    image.driver_ = read_at<banos_driver_record>(file, record.offset);
    const auto& d = image.driver_;
    if (d.magic != BANOS_DRIVER_MAGIC)
        return bad(why, BANOS_DRIVER_SECTION " has a bad magic {:#x}", d.magic);
    if (d.record_size < sizeof(banos_driver_record) || d.record_size != record.size)
        return bad(why, BANOS_DRIVER_SECTION " record size {} does not match its section ({} bytes)", d.record_size,
                   record.size);
    if (!valid_module_name(d.name))
        return bad(why, BANOS_DRIVER_SECTION " has no valid name (lowercase letters, digits, '_', '-')");
    if (!terminated(d.license, sizeof(d.license)) || !terminated(d.version, sizeof(d.version)))
        return bad(why, BANOS_DRIVER_SECTION " license or version is not NUL-terminated");
    for (const auto& required : d.required)
        if (required[0] && !valid_module_name(required))
            return bad(why, BANOS_DRIVER_SECTION " of '{}' names a required module badly", d.name);
    image.driver_offset_ = image.section_offsets_[driver];
    bool has_init = false;
    for (size_t i = 1; i < sections.size(); ++i) {
        const auto& r = sections[i];
        if (r.type != elf::kSectionRela || r.info != driver)
            continue;
        for (uint64_t at = 0; at < r.size; at += sizeof(elf::Rela)) {
            auto rela = read_at<elf::Rela>(file, r.offset + at);
            if (rela.offset == offsetof(banos_driver_record, init)
                && elf::relocation_type(rela.info) == elf::kRelocation64 && elf::relocation_symbol(rela.info) != 0)
                has_init = true;
        }
    }
    if (!has_init)
        return bad(why, "'{}' has no init function in its " BANOS_DRIVER_SECTION " record", d.name);

    if (exports) {
        const auto& e = sections[exports];
        if (e.type != elf::kSectionProgbits || !(e.flags & elf::kSectionAlloc) || e.size % sizeof(banos_export) != 0
            || (e.addralign && e.addralign < 8))
            return bad(why, BANOS_EXPORT_SECTION " of '{}' is not an array of 16-byte entries", d.name);
        image.exports_offset_ = image.section_offsets_[exports];
        image.exports_size_ = e.size;
    }
    return image;
}

ErrorOr<void> ModuleImage::resolve(SymbolResolver& resolver, Problem* why)
{
    symbol_values_.clear();
    TRY(symbol_values_.try_reserve(symbol_count_));
    const auto& symbols = section_headers_[symtab_index_];
    const auto& strings = section_headers_[symbols.link];
    for (size_t i = 0; i < symbol_count_; ++i) {
        auto symbol = read_at<elf::Symbol>(file_, symbols.offset + i * sizeof(elf::Symbol));
        uint64_t value = 0;
        if (i != 0 && symbol.shndx == elf::kSectionIndexUndefined) {
            StringView name = *string_at(file_, strings, symbol.name);
            auto found = resolver.lookup(name);
            if (!found)
                return fail(why, Problem::formatted("'{}' needs symbol '{}', which nothing exports", driver_.name, name),
                            ErrorCode::NoEntry);
            value = *found;
        }
        TRY(symbol_values_.try_append(value));
    }
    return {};
}

ErrorOr<void> ModuleImage::relocate(klib::Bytes memory, uint64_t base, Problem* why) const
{
    KASSERT(memory.size() == layout_.total_size && symbol_values_.size() == symbol_count_);
    const auto& symbols = section_headers_[symtab_index_];
    const auto& strings = section_headers_[symbols.link];
    // Pass 0 checks every value; pass 1 writes.
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            memset(memory.data(), 0, memory.size());
            for (size_t i = 1; i < section_headers_.size(); ++i) {
                const auto& s = section_headers_[i];
                if (section_offsets_[i] != kNotPlaced && s.type != elf::kSectionNobits && s.size)
                    memcpy(memory.data() + section_offsets_[i], file_.data() + s.offset, s.size);
            }
        }
        for (size_t i = 1; i < section_headers_.size(); ++i) {
            const auto& r = section_headers_[i];
            if (r.type != elf::kSectionRela || section_offsets_[r.info] == kNotPlaced)
                continue;
            uint64_t target = section_offsets_[r.info];
            for (uint64_t at = 0; at < r.size; at += sizeof(elf::Rela)) {
                auto rela = read_at<elf::Rela>(file_, r.offset + at);
                uint64_t index = elf::relocation_symbol(rela.info);
                auto symbol = read_at<elf::Symbol>(file_, symbols.offset + index * sizeof(elf::Symbol));
                uint64_t value;
                if (index == 0)
                    value = 0;
                else if (symbol.shndx == elf::kSectionIndexUndefined)
                    value = symbol_values_[index];
                else if (symbol.shndx == elf::kSectionIndexAbsolute)
                    value = symbol.value;
                else
                    value = base + section_offsets_[symbol.shndx] + symbol.value;
                uint32_t type = elf::relocation_type(rela.info);
                uint64_t place = base + target + rela.offset;
                auto result = arch::module::relocation_value(type, value, rela.addend, place);
                if (!result) {
                    auto name = string_at(file_, strings, symbol.name);
                    return bad(why, "{} to '{}' does not fit at {:#x} (section {})",
                               arch::module::relocation_name(type), name ? *name : StringView("?"), place, r.info);
                }
                if (pass == 1)
                    arch::module::store_relocation(memory.data() + target + rela.offset,
                                                   *arch::module::relocation_width(type), *result);
            }
        }
    }
    return {};
}

uint64_t ModuleImage::init_address(ReadonlyBytes memory, uint64_t offset_of_driver)
{
    return read_at<uint64_t>(memory, offset_of_driver + offsetof(banos_driver_record, init));
}

ErrorOr<StringView> ModuleImage::export_name(ReadonlyBytes memory, uint64_t base, uint64_t pointer, Problem* why) const
{
    if (pointer < base || pointer - base >= memory.size())
        return bad(why, "an export of '{}' names a string outside the module", driver_.name);
    uint64_t offset = pointer - base;
    const char* start = reinterpret_cast<const char*>(memory.data() + offset);
    const char* end = find_nul(start, memory.size() - offset);
    if (!end || end == start)
        return bad(why, "an export name of '{}' is not a NUL-terminated string", driver_.name);
    return StringView(start, end - start);
}

} // namespace module
