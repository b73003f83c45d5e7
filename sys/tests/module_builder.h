#pragma once
// A small banos module made field by field for the host tests: .text with
// an init function and a PC32 call to an imported name, .data, .bss, the
// .banos-driver record (its init relocated with R_X86_64_64) and an export.
// Each field the tests break has its offset recorded.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "abi-versions/modules/driver.h"
#include "module/elf_module.h"

namespace module_test {

using File = std::vector<unsigned char>;

struct BuiltModule {
    File bytes;
    size_t text_call_offset;      // the PC32 field inside .text
    size_t call_rela_offset;      // file offset of that relocation entry
    size_t import_symbol_offset;  // file offset of the imported symbol
    size_t driver_section_header; // file offset of .banos-driver's section header
    size_t text_section_header;
    size_t section_headers;
    uint16_t section_count;
};

struct ModuleOptions {
    std::string name = "sample";
    std::string import = "banos_log";
    std::string required;
    uint16_t api_minor = BANOS_API_MINOR;
    bool absolute_import = false; // the imported name is an SHN_ABS symbol at 0x400000000000 instead
};

inline void put(File& f, size_t at, const void* data, size_t size) { std::memcpy(f.data() + at, data, size); }

inline BuiltModule build_module(const ModuleOptions& options = {})
{
    namespace elf = ::elf64;
    struct Section {
        std::string name;
        uint32_t type;
        uint64_t flags;
        uint64_t alignment;
        File data;
        uint32_t link = 0;
        uint32_t info = 0;
        uint64_t entry_size = 0;
        uint64_t nobits_size = 0;
    };
    enum { kNull, kText, kRelaText, kData, kBss, kDriver, kRelaDriver, kExport, kRelaExport, kStrings, kSymtab,
           kStrtab, kShstrtab, kCount };

    // .text: init (xor eax,eax; ret), then `call <import>` whose field is at 4.
    File text = { 0x31, 0xc0, 0xc3, 0xe8, 0, 0, 0, 0, 0xc3 };
    const size_t call_field = 4;
    File strings_data; // .rodata.str: the export's name
    std::string export_name = "banos_" + options.name + "_hello";
    strings_data.insert(strings_data.end(), export_name.begin(), export_name.end());
    strings_data.push_back(0);

    banos_driver_record record {};
    record.record_size = sizeof(record);
    record.magic = BANOS_DRIVER_MAGIC;
    record.min_api = { BANOS_API_MAJOR, options.api_minor, 0, 0 };
    std::strncpy(record.name, options.name.c_str(), sizeof(record.name) - 1);
    std::strcpy(record.license, "BSD-2-Clause");
    std::strcpy(record.version, "1.0");
    if (!options.required.empty())
        std::strncpy(record.required[0], options.required.c_str(), sizeof(record.required[0]) - 1);
    File driver(sizeof(record));
    std::memcpy(driver.data(), &record, sizeof(record));

    // Symbol names.
    File strtab = { 0 };
    auto add_name = [&](const std::string& n) {
        uint32_t at = static_cast<uint32_t>(strtab.size());
        strtab.insert(strtab.end(), n.begin(), n.end());
        strtab.push_back(0);
        return at;
    };
    std::vector<elf::Symbol> symbols(1);
    auto section_symbol = [&](uint16_t index) {
        symbols.push_back({ 0, 3 /* local section */, 0, index, 0, 0 });
        return static_cast<uint32_t>(symbols.size() - 1);
    };
    uint32_t text_symbol = section_symbol(kText);
    uint32_t strings_symbol = section_symbol(kStrings);
    symbols.push_back({ add_name("counter"), 1 /* local object */, 0, kData, 8, 8 });
    size_t import_index = symbols.size();
    if (options.absolute_import)
        symbols.push_back({ add_name(options.import), 0x10, 0, elf::kSectionIndexAbsolute, 0x400000000000ull, 0 });
    else
        symbols.push_back({ add_name(options.import), 0x10 /* global */, 0, elf::kSectionIndexUndefined, 0, 0 });
    symbols.push_back({ add_name(export_name), 0x12 /* global function */, 0, kText, 3, 6 });
    uint32_t exported_function = static_cast<uint32_t>(symbols.size() - 1);

    auto rela = [](uint64_t offset, uint32_t symbol, uint32_t type, int64_t addend) {
        elf::Rela r { offset, (uint64_t(symbol) << 32) | type, addend };
        File f(sizeof(r));
        std::memcpy(f.data(), &r, sizeof(r));
        return f;
    };
    File rela_text = rela(call_field, static_cast<uint32_t>(import_index), 4 /* PLT32 */, -4);
    File rela_driver = rela(offsetof(banos_driver_record, init), text_symbol, 1 /* R_64 */, 0);
    File export_entry(sizeof(banos_export), 0);
    File rela_export = rela(0, strings_symbol, 1, 0);
    File second = rela(8, exported_function, 1, 0);
    rela_export.insert(rela_export.end(), second.begin(), second.end());

    File symtab(symbols.size() * sizeof(elf::Symbol));
    std::memcpy(symtab.data(), symbols.data(), symtab.size());

    std::vector<Section> sections(kCount);
    sections[kText] = { ".text", elf::kSectionProgbits, elf::kSectionAlloc | elf::kSectionExecute, 16, text };
    sections[kRelaText] = { ".rela.text", elf::kSectionRela, 0, 8, rela_text, kSymtab, kText, sizeof(elf::Rela) };
    sections[kData] = { ".data", elf::kSectionProgbits, elf::kSectionAlloc | elf::kSectionWrite, 8, File(16, 0xab) };
    sections[kBss] = { ".bss", elf::kSectionNobits, elf::kSectionAlloc | elf::kSectionWrite, 64, {}, 0, 0, 0, 40 };
    sections[kDriver]
        = { BANOS_DRIVER_SECTION, elf::kSectionProgbits, elf::kSectionAlloc | elf::kSectionWrite, 8, driver };
    sections[kRelaDriver] = { ".rela.banos-driver", elf::kSectionRela, 0, 8, rela_driver, kSymtab, kDriver,
                              sizeof(elf::Rela) };
    sections[kExport] = { BANOS_EXPORT_SECTION, elf::kSectionProgbits, elf::kSectionAlloc | elf::kSectionWrite, 8,
                          export_entry };
    sections[kRelaExport] = { ".rela.banos-export", elf::kSectionRela, 0, 8, rela_export, kSymtab, kExport,
                              sizeof(elf::Rela) };
    sections[kStrings] = { ".rodata.str", elf::kSectionProgbits, elf::kSectionAlloc, 1, strings_data };
    sections[kSymtab] = { ".symtab", elf::kSectionSymtab, 0, 8, symtab, kStrtab, 4, sizeof(elf::Symbol) };
    sections[kStrtab] = { ".strtab", elf::kSectionStrtab, 0, 1, strtab };
    File shstrtab = { 0 };
    std::vector<uint32_t> name_offsets(kCount, 0);
    for (size_t i = 1; i < kCount; ++i) {
        const std::string& n = i == kShstrtab ? std::string(".shstrtab") : sections[i].name;
        name_offsets[i] = static_cast<uint32_t>(shstrtab.size());
        shstrtab.insert(shstrtab.end(), n.begin(), n.end());
        shstrtab.push_back(0);
    }
    sections[kShstrtab] = { ".shstrtab", elf::kSectionStrtab, 0, 1, shstrtab };

    BuiltModule built {};
    File& f = built.bytes;
    f.resize(sizeof(elf::Header));
    std::vector<uint64_t> offsets(kCount, 0);
    for (size_t i = 1; i < kCount; ++i) {
        while (f.size() % 8)
            f.push_back(0);
        offsets[i] = f.size();
        f.insert(f.end(), sections[i].data.begin(), sections[i].data.end());
    }
    while (f.size() % 8)
        f.push_back(0);
    built.section_headers = f.size();
    built.section_count = kCount;
    for (size_t i = 0; i < kCount; ++i) {
        elf::SectionHeader h {};
        if (i != kNull) {
            const Section& s = sections[i];
            h = { name_offsets[i], s.type, s.flags, 0, offsets[i],
                  s.type == elf::kSectionNobits ? s.nobits_size : s.data.size(), s.link, s.info, s.alignment,
                  s.entry_size };
        }
        size_t at = f.size();
        f.resize(at + sizeof(h));
        put(f, at, &h, sizeof(h));
    }
    elf::Header header {};
    std::memcpy(header.ident, elf::kMagic, 4);
    header.ident[elf::kIdentClass] = elf::kClass64;
    header.ident[elf::kIdentData] = elf::kDataLittleEndian;
    header.ident[elf::kIdentVersion] = 1;
    header.type = elf::kTypeRel;
    header.machine = elf::kMachineX86_64;
    header.version = 1;
    header.shoff = built.section_headers;
    header.ehsize = sizeof(header);
    header.shentsize = sizeof(elf::SectionHeader);
    header.shnum = kCount;
    header.shstrndx = kShstrtab;
    put(f, 0, &header, sizeof(header));

    built.text_call_offset = call_field;
    built.call_rela_offset = offsets[kRelaText];
    built.import_symbol_offset = offsets[kSymtab] + import_index * sizeof(elf::Symbol);
    built.driver_section_header = built.section_headers + kDriver * sizeof(elf::SectionHeader);
    built.text_section_header = built.section_headers + kText * sizeof(elf::SectionHeader);
    return built;
}

} // namespace module_test
