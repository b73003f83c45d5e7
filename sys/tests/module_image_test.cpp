// banos module files: a valid module built field by field is accepted,
// laid out, resolved and relocated exactly; each broken rule is refused
// with the right error and a reason naming it, before anything is written.
#include <gtest/gtest.h>

#include <map>

#include "arch/x86_64/module/relocation.h"
#include "module/elf_module.h"
#include "tests/module_builder.h"

namespace {

using klib::ErrorCode;
using module::ModuleImage;
using module::Problem;
using module_test::build_module;
using module_test::File;

klib::ReadonlyBytes bytes(const File& file) { return { file.data(), file.size() }; }

class MapResolver final : public module::SymbolResolver {
public:
    std::map<std::string, uint64_t> names;
    klib::Optional<uint64_t> lookup(klib::StringView name) override
    {
        auto found = names.find(std::string(name.data(), name.size()));
        if (found == names.end())
            return {};
        return found->second;
    }
};

struct Refusal {
    ErrorCode code;
    std::string why;
};

Refusal parse_error(const File& file)
{
    Problem why;
    auto result = ModuleImage::parse(bytes(file), &why);
    if (!result.is_error())
        return { ErrorCode::Count, "accepted" };
    return { result.error().code(), std::string(why.view().data(), why.view().size()) };
}

template <typename T>
void patch(File& file, size_t offset, T value)
{
    std::memcpy(file.data() + offset, &value, sizeof(value));
}

constexpr uint64_t kBase = 0xffffffffc0000000ull;

module_test::ModuleOptions named(const char* name, const char* required = "")
{
    module_test::ModuleOptions options;
    options.name = name;
    options.required = required;
    return options;
}

TEST(ModuleImage, ValidModuleIsLaidOutByPermission)
{
    auto built = build_module();
    Problem why;
    auto image = ModuleImage::parse(bytes(built.bytes), &why);
    ASSERT_FALSE(image.is_error()) << why.c_str();
    EXPECT_EQ(image.value().name(), "sample");
    const auto& layout = image.value().layout();
    // Text, then read-only data, then data: each page-aligned on its own.
    EXPECT_EQ(layout.text_size, 4096u);
    EXPECT_EQ(layout.rodata_offset, 4096u);
    EXPECT_EQ(layout.rodata_size, 4096u);
    EXPECT_EQ(layout.data_offset, 8192u);
    EXPECT_EQ(layout.data_size, 4096u);
    EXPECT_EQ(layout.total_size, 12288u);
    EXPECT_EQ(image.value().undefined_count(), 1u);
    EXPECT_EQ(image.value().exports_size(), sizeof(banos_export));
}

TEST(ModuleImage, RelocatesAgainstResolvedImports)
{
    auto built = build_module();
    Problem why;
    auto parsed = ModuleImage::parse(bytes(built.bytes), &why);
    ASSERT_FALSE(parsed.is_error()) << why.c_str();
    ModuleImage image = parsed.release_value();
    MapResolver resolver;
    resolver.names["banos_log"] = 0xffffffff80123450ull;
    ASSERT_FALSE(image.resolve(resolver, &why).is_error()) << why.c_str();

    File memory(image.layout().total_size, 0xcc);
    ASSERT_FALSE(image.relocate({ memory.data(), memory.size() }, kBase, &why).is_error()) << why.c_str();
    // PLT32 to banos_log: S + A - P.
    int32_t call;
    std::memcpy(&call, memory.data() + built.text_call_offset, 4);
    uint64_t place = kBase + built.text_call_offset;
    EXPECT_EQ(static_cast<int64_t>(call), static_cast<int64_t>(0xffffffff80123450ull - 4 - place));
    // The record's init points at .text's start (R_X86_64_64).
    EXPECT_EQ(ModuleImage::init_address({ memory.data(), memory.size() }, image.driver_offset()), kBase);
    // .data's contents were copied; .bss (64-aligned, after .data's 16
    // bytes, the record and the export) is zero.
    const auto& layout = image.layout();
    EXPECT_EQ(memory[layout.data_offset], 0xab);
    for (uint64_t i = layout.data_offset; i < layout.total_size; ++i)
        if (memory[i] == 0xcc)
            FAIL() << "byte " << i << " of data was not filled";
    // The export names a string in the read-only part and a function in text.
    std::vector<std::pair<std::string, uint64_t>> exports;
    ASSERT_FALSE(image
                     .for_each_export(
                         { memory.data(), memory.size() }, kBase,
                         [&](klib::StringView name, uint64_t address) {
                             exports.emplace_back(std::string(name.data(), name.size()), address);
                         },
                         &why)
                     .is_error())
        << why.c_str();
    ASSERT_EQ(exports.size(), 1u);
    EXPECT_EQ(exports[0].first, "banos_sample_hello");
    EXPECT_EQ(exports[0].second, kBase + 3);
}

TEST(ModuleImage, MissingImportIsNoEntryNamingIt)
{
    auto built = build_module();
    Problem why;
    auto parsed = ModuleImage::parse(bytes(built.bytes), &why);
    ASSERT_FALSE(parsed.is_error());
    ModuleImage image = parsed.release_value();
    MapResolver nobody;
    auto resolved = image.resolve(nobody, &why);
    ASSERT_TRUE(resolved.is_error());
    EXPECT_EQ(resolved.error().code(), ErrorCode::NoEntry);
    EXPECT_NE(std::string(why.c_str()).find("'banos_log'"), std::string::npos) << why.c_str();
}

TEST(ModuleImage, Pc32OverflowIsRefusedBeforeWriting)
{
    module_test::ModuleOptions options;
    options.absolute_import = true;
    auto built = build_module(options);
    Problem why;
    auto parsed = ModuleImage::parse(bytes(built.bytes), &why);
    ASSERT_FALSE(parsed.is_error()) << why.c_str();
    ModuleImage image = parsed.release_value();
    MapResolver nobody;
    ASSERT_FALSE(image.resolve(nobody, &why).is_error());
    File memory(image.layout().total_size, 0xcc);
    auto relocated = image.relocate({ memory.data(), memory.size() }, kBase, &why);
    ASSERT_TRUE(relocated.is_error());
    EXPECT_EQ(relocated.error().code(), ErrorCode::ExecFormat);
    EXPECT_NE(std::string(why.c_str()).find("R_X86_64_PLT32 to 'banos_log' does not fit"), std::string::npos)
        << why.c_str();
    for (unsigned char b : memory)
        ASSERT_EQ(b, 0xcc) << "memory was written before every relocation was checked";
    // Placed next to the absolute address, the same module fits.
    ASSERT_FALSE(image.relocate({ memory.data(), memory.size() }, 0x400000000000ull - 0x10000, &why).is_error())
        << why.c_str();
}

TEST(ModuleImage, MalformedFilesAreRefusedWithAReason)
{
    auto good = build_module();
    struct Case {
        const char* name;
        File file;
        const char* reason;
    };
    std::vector<Case> cases;
    auto with = [&](const char* name, const char* reason, auto&& change) {
        File f = good.bytes;
        change(f);
        cases.push_back({ name, f, reason });
    };
    with("truncated", "truncated file", [](File& f) { f.resize(40); });
    with("truncated section table", "truncated file", [](File& f) { f.resize(f.size() - 10); });
    with("wrong machine", "wrong machine 3", [](File& f) { patch<uint16_t>(f, 18, 3); });
    with("wrong type", "wrong ELF type 2", [](File& f) { patch<uint16_t>(f, 16, 2); });
    with("bad magic", "bad magic", [](File& f) { f[1] = 'X'; });
    with("section outside file", "lies outside the file", [&](File& f) {
        patch<uint64_t>(f, good.text_section_header + offsetof(module::elf::SectionHeader, offset), 1u << 30);
    });
    with("bad string-table index", "bad string-table index", [&](File& f) {
        patch<uint32_t>(f, good.import_symbol_offset, 0x7fffffff);
    });
    with("unknown relocation type", "unknown relocation type 37", [&](File& f) {
        patch<uint64_t>(f, good.call_rela_offset + 8, (uint64_t(4) << 32) | 37);
    });
    with("relocation outside its section", "lies outside section", [&](File& f) {
        patch<uint64_t>(f, good.call_rela_offset, 1000);
    });
    with("relocation symbol out of range", "names symbol", [&](File& f) {
        patch<uint64_t>(f, good.call_rela_offset + 8, (uint64_t(999) << 32) | 4);
    });
    with("alignment not a power of two", "not a power of two", [&](File& f) {
        patch<uint64_t>(f, good.text_section_header + offsetof(module::elf::SectionHeader, addralign), 24);
    });
    with("missing driver record", "no .banos-driver record", [&](File& f) {
        // Rename the section: ".banos-driver" -> ".banos-drivex".
        for (size_t i = 0; i + 13 <= f.size(); ++i)
            if (std::memcmp(f.data() + i, ".banos-driver", 13) == 0 && f[i + 13] == 0)
                f[i + 12] = 'x';
    });
    with("driver record too short", "shorter than a record", [&](File& f) {
        patch<uint64_t>(f, good.driver_section_header + offsetof(module::elf::SectionHeader, size), 100);
    });
    with("writable text", "both writable and executable", [&](File& f) {
        patch<uint64_t>(f, good.text_section_header + offsetof(module::elf::SectionHeader, flags), 7);
    });
    with("section name out of range", "bad name index", [&](File& f) {
        patch<uint32_t>(f, good.text_section_header, 0x10000);
    });
    with("bad shstrndx", "section-name string table index", [](File& f) { patch<uint16_t>(f, 62, 200); });
    for (const auto& c : cases) {
        Refusal refusal = parse_error(c.file);
        EXPECT_EQ(refusal.code, ErrorCode::ExecFormat) << c.name << ": " << refusal.why;
        EXPECT_NE(refusal.why.find(c.reason), std::string::npos) << c.name << ": " << refusal.why;
    }
}

TEST(ModuleImage, DriverRecordIsChecked)
{
    EXPECT_NE(parse_error(build_module(named("Bad Name")).bytes).why.find("no valid name"), std::string::npos);
    EXPECT_EQ(parse_error(build_module(named("ok", "echodev")).bytes).why, "accepted");
    EXPECT_NE(parse_error(build_module(named("ok", "UPPER")).bytes).why.find("required module badly"),
              std::string::npos);
}

TEST(Relocation, OverflowRules)
{
    using namespace arch::module;
    using namespace elf64;
    EXPECT_FALSE(relocation_width(37).has_value());
    EXPECT_EQ(*relocation_width(kRelocation64), 8u);
    EXPECT_EQ(*relocation_width(kRelocationPc32), 4u);
    // PC32: signed 32-bit distance.
    EXPECT_TRUE(relocation_value(kRelocationPc32, 0x1000 + 0x7fffffffull, 0, 0x1000).has_value());
    EXPECT_FALSE(relocation_value(kRelocationPc32, 0x1000 + 0x80000000ull, 0, 0x1000).has_value());
    EXPECT_TRUE(relocation_value(kRelocationPc32, 0x1000, -4, 0x1000 + 0x7ffffffcull).has_value());
    // 32: zero-extended; 32S: sign-extended (kernel addresses fit).
    EXPECT_TRUE(relocation_value(kRelocation32, 0xffffffffull, 0, 0).has_value());
    EXPECT_FALSE(relocation_value(kRelocation32, 0x100000000ull, 0, 0).has_value());
    EXPECT_TRUE(relocation_value(kRelocation32S, 0xffffffff80000000ull, 0, 0).has_value());
    EXPECT_FALSE(relocation_value(kRelocation32S, 0xffffffff7fffffffull, 0, 0).has_value());
    EXPECT_FALSE(relocation_value(kRelocation32S, 0x80000000ull, 0, 0).has_value());
    EXPECT_EQ(*relocation_value(kRelocationPc64, 0x10, 0, 0x20), uint64_t(-0x10));
    unsigned char field[4] = {};
    store_relocation(field, 4, 0x11223344);
    EXPECT_EQ(field[0], 0x44);
    EXPECT_EQ(field[3], 0x11);
}

} // namespace
