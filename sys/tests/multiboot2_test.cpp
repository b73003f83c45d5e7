#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "boot/boot_info.h"
#include "fixture_reader.h"

namespace {

using boot::MemoryType;
using klib::ErrorCode;
using test::FixtureReader;
using test::put32;
using test::put64;
using test::str;

const char* const kFixture = "sys/tests/fixtures/multiboot2-grub-qemu.txt";
constexpr uint64_t kBase = 0x10000;

// A multiboot2 information structure under construction.
struct Mb2 {
    std::vector<unsigned char> bytes { std::vector<unsigned char>(8, 0) };

    Mb2& tag(uint32_t type, const std::vector<unsigned char>& body)
    {
        put32(bytes, type);
        put32(bytes, static_cast<uint32_t>(8 + body.size()));
        bytes.insert(bytes.end(), body.begin(), body.end());
        while (bytes.size() % 8)
            bytes.push_back(0);
        return *this;
    }
    Mb2& string_tag(uint32_t type, const std::string& text) { return tag(type, chars(text)); }
    Mb2& module(uint32_t start, uint32_t end, const std::string& name)
    {
        std::vector<unsigned char> body;
        put32(body, start);
        put32(body, end);
        auto c = chars(name);
        body.insert(body.end(), c.begin(), c.end());
        return tag(3, body);
    }
    Mb2& memory_map(const std::vector<boot::MemoryRegion>& regions, uint32_t entry_size = 24)
    {
        std::vector<unsigned char> body;
        put32(body, entry_size);
        put32(body, 0);
        for (const auto& r : regions) {
            put64(body, r.base);
            put64(body, r.length);
            put32(body, r.type == MemoryType::Usable ? 1 : 2);
            body.resize(body.size() + entry_size - 20, 0);
        }
        return tag(6, body);
    }
    // Closes the structure with an end tag and fills in total_size.
    std::vector<unsigned char> finish(bool end_tag = true)
    {
        if (end_tag)
            tag(0, {});
        test::set32(bytes, 0, static_cast<uint32_t>(bytes.size()));
        return bytes;
    }
    // The string with its NUL.
    static std::vector<unsigned char> chars(const std::string& text)
    {
        std::vector<unsigned char> out(text.begin(), text.end());
        out.push_back(0);
        return out;
    }
};

struct Parsed {
    klib::ErrorOr<void> result;
    std::unique_ptr<boot::BootInfo> info;
};

Parsed parse(const std::vector<unsigned char>& bytes, uint64_t address = kBase)
{
    FixtureReader reader;
    reader.add(address, bytes);
    auto info = std::make_unique<boot::BootInfo>();
    auto result = boot::parse_multiboot2(reader, address, *info);
    return { std::move(result), std::move(info) };
}

ErrorCode error_of(const std::vector<unsigned char>& bytes)
{
    auto parsed = parse(bytes);
    EXPECT_TRUE(parsed.result.is_error());
    return parsed.result.is_error() ? parsed.result.error().code() : ErrorCode::Count;
}

TEST(Multiboot2, RecordedGrubBoot)
{
    FixtureReader reader;
    ASSERT_TRUE(reader.load(kFixture)) << "run from the repository root";
    boot::BootInfo info;
    auto result = boot::parse(boot::kMultiboot2LoaderMagic, reader, reader.first_address(), info);
    ASSERT_FALSE(result.is_error()) << result.error().description();

    EXPECT_EQ(info.protocol, boot::Protocol::Multiboot2);
    EXPECT_EQ(str(info.command_line), "loglevel=debug dumpbootinfo test");
    EXPECT_TRUE(info.loader_name.starts_with("GRUB"));
    EXPECT_EQ(str(info.loader_name), "GRUB 2.06-13+deb12u2");

    ASSERT_EQ(info.module_count, 1u);
    EXPECT_EQ(info.modules[0].start, 0x135000u);
    EXPECT_EQ(info.modules[0].end, 0x13500du);
    EXPECT_EQ(str(info.modules[0].command_line), "testmod.txt");

    const boot::MemoryRegion expected[] = {
        { 0x0, 0x9fc00, MemoryType::Usable },
        { 0x9fc00, 0x400, MemoryType::Reserved },
        { 0xf0000, 0x10000, MemoryType::Reserved },
        { 0x100000, 0xffe0000 - 0x100000, MemoryType::Usable },
        { 0xffe0000, 0x20000, MemoryType::Reserved },
        { 0xfffc0000, 0x40000, MemoryType::Reserved },
        { 0xfd00000000, 0x10000000000 - 0xfd00000000, MemoryType::Reserved },
    };
    ASSERT_EQ(info.memory_map().size(), std::size(expected));
    for (size_t i = 0; i < std::size(expected); ++i) {
        EXPECT_EQ(info.memory[i].base, expected[i].base) << i;
        EXPECT_EQ(info.memory[i].length, expected[i].length) << i;
        EXPECT_EQ(info.memory[i].type, expected[i].type) << i;
    }

    ASSERT_TRUE(info.framebuffer);
    EXPECT_EQ(info.framebuffer->address, 0xfd000000u);
    EXPECT_EQ(info.framebuffer->width, 1280u);
    EXPECT_EQ(info.framebuffer->height, 800u);
    EXPECT_EQ(info.framebuffer->pitch, 1280u * 4);
    EXPECT_EQ(info.framebuffer->bits_per_pixel, 32);
    EXPECT_EQ(info.framebuffer->type, 1); // direct RGB

    // SeaBIOS gives an ACPI 1.0 pointer.
    ASSERT_EQ(info.acpi_rsdp_size, 20u);
    EXPECT_EQ(std::memcmp(info.acpi_rsdp, "RSD PTR ", 8), 0);
    EXPECT_EQ(std::memcmp(info.acpi_rsdp + 9, "BOCHS ", 6), 0);
}

TEST(Multiboot2, WrongMagicIsRejected)
{
    FixtureReader reader;
    ASSERT_TRUE(reader.load(kFixture));
    boot::BootInfo info;
    for (uint32_t magic : { 0u, 0x36d76288u, 0xffffffffu, 0x1badb002u /* the kernel header's, not the loader's */ }) {
        auto result = boot::parse(magic, reader, reader.first_address(), info);
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), ErrorCode::Invalid);
    }
    EXPECT_EQ(reader.reads(), 0u); // nothing was even looked at
}

TEST(Multiboot2, MinimalInformation)
{
    auto parsed = parse(Mb2().finish());
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.info->protocol, boot::Protocol::Multiboot2);
    EXPECT_TRUE(parsed.info->command_line.is_empty());
    EXPECT_EQ(parsed.info->memory_count, 0u);
    EXPECT_EQ(parsed.info->module_count, 0u);
    EXPECT_FALSE(parsed.info->framebuffer);
    EXPECT_EQ(parsed.info->acpi_rsdp_size, 0u);
}

TEST(Multiboot2, UnknownTagsAreSkippedAndNothingAfterEndIsRead)
{
    Mb2 mb;
    mb.tag(21, { 1, 2, 3, 4 }).tag(999, std::vector<unsigned char>(13, 0xff)).string_tag(1, "cmd");
    auto bytes = mb.finish();
    // Garbage past the end tag but inside total_size is ignored.
    std::vector<unsigned char> with_tail = bytes;
    with_tail.resize(bytes.size() + 16, 0xee);
    test::set32(with_tail, 0, static_cast<uint32_t>(with_tail.size()));
    for (const auto& b : { bytes, with_tail }) {
        auto parsed = parse(b);
        ASSERT_FALSE(parsed.result.is_error());
        EXPECT_EQ(str(parsed.info->command_line), "cmd");
    }
}

TEST(Multiboot2, AcpiTwoIsPreferredInAnyOrder)
{
    std::vector<unsigned char> rsdp1(20, 1), rsdp2(36, 2);
    for (bool new_first : { false, true }) {
        Mb2 mb;
        if (new_first)
            mb.tag(15, rsdp2).tag(14, rsdp1);
        else
            mb.tag(14, rsdp1).tag(15, rsdp2);
        auto parsed = parse(mb.finish());
        ASSERT_FALSE(parsed.result.is_error());
        EXPECT_EQ(parsed.info->acpi_rsdp_size, 36u);
        EXPECT_EQ(parsed.info->acpi_rsdp[0], 2);
        EXPECT_EQ(parsed.info->acpi_rsdp[35], 2);
    }
    // A truncated ACPI tag is ignored rather than half-copied.
    auto parsed = parse(Mb2().tag(15, std::vector<unsigned char>(30, 3)).finish());
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.info->acpi_rsdp_size, 0u);
}

TEST(Multiboot2, BadTotalSize)
{
    for (uint32_t total : { 0u, 8u, 15u, (1u << 20) + 1, 0xffffffffu }) {
        auto bytes = Mb2().finish();
        test::set32(bytes, 0, total);
        EXPECT_EQ(error_of(bytes), ErrorCode::Invalid) << total;
    }
    // Larger than the memory that is there: the read fails.
    auto bytes = Mb2().finish();
    test::set32(bytes, 0, 4096);
    EXPECT_EQ(error_of(bytes), ErrorCode::Fault);
}

TEST(Multiboot2, BadAddress)
{
    FixtureReader reader;
    reader.add(kBase, Mb2().finish());
    boot::BootInfo info;
    auto unaligned = boot::parse_multiboot2(reader, kBase + 4, info);
    ASSERT_TRUE(unaligned.is_error());
    EXPECT_EQ(unaligned.error(), ErrorCode::Invalid);
    auto nowhere = boot::parse_multiboot2(reader, 0x800000, info);
    ASSERT_TRUE(nowhere.is_error());
    EXPECT_EQ(nowhere.error(), ErrorCode::Fault);
}

TEST(Multiboot2, TagSizeTooSmall)
{
    for (uint32_t size : { 0u, 1u, 4u, 7u }) {
        auto bytes = Mb2().string_tag(1, "x").finish();
        test::set32(bytes, 12, size);
        EXPECT_EQ(error_of(bytes), ErrorCode::Invalid) << size;
    }
}

TEST(Multiboot2, TagRunsPastTotalSize)
{
    auto bytes = Mb2().string_tag(1, "abc").finish();
    test::set32(bytes, 12, static_cast<uint32_t>(bytes.size())); // claims more than is left
    EXPECT_EQ(error_of(bytes), ErrorCode::Invalid);
    test::set32(bytes, 12, 0xfffffff8u);
    EXPECT_EQ(error_of(bytes), ErrorCode::Invalid);
    // The end tag itself running past the end.
    auto ended = Mb2().finish();
    test::set32(ended, 12, 16);
    EXPECT_EQ(error_of(ended), ErrorCode::Invalid);
}

TEST(Multiboot2, MissingEndTag)
{
    EXPECT_EQ(error_of(Mb2().string_tag(1, "abc").finish(false)), ErrorCode::Invalid);
    // Just the header and room for nothing else.
    std::vector<unsigned char> header(16, 0);
    test::set32(header, 0, 16);
    test::set32(header, 8, 21); // an ignored tag fills the rest
    test::set32(header, 12, 8);
    EXPECT_EQ(error_of(header), ErrorCode::Invalid);
}

TEST(Multiboot2, StringsMustEndInsideTheirTag)
{
    std::vector<unsigned char> unterminated = { 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' };
    EXPECT_EQ(error_of(Mb2().tag(1, unterminated).finish()), ErrorCode::Invalid);
    EXPECT_EQ(error_of(Mb2().tag(2, unterminated).finish()), ErrorCode::Invalid);
    // Padding zeros after the tag body do not count as its NUL.
    EXPECT_EQ(error_of(Mb2().tag(1, { 'a', 'b', 'c' }).finish()), ErrorCode::Invalid);
    std::vector<unsigned char> module_body;
    put32(module_body, 0x200000);
    put32(module_body, 0x201000);
    module_body.push_back('m');
    EXPECT_EQ(error_of(Mb2().tag(3, module_body).finish()), ErrorCode::Invalid);
    // Over the 1024-character limit.
    EXPECT_EQ(error_of(Mb2().string_tag(1, std::string(1100, 'x')).finish()), ErrorCode::Invalid);
    auto ok = parse(Mb2().string_tag(1, std::string(1000, 'y')).finish());
    ASSERT_FALSE(ok.result.is_error());
    EXPECT_EQ(ok.info->command_line.size(), 1000u);
}

TEST(Multiboot2, StringSpaceRunsOut)
{
    Mb2 mb;
    mb.string_tag(1, std::string(1000, 'a')).string_tag(2, std::string(1000, 'b')).module(0, 1, std::string(100, 'c'));
    EXPECT_EQ(error_of(mb.finish()), ErrorCode::NoSpace);
}

TEST(Multiboot2, BadMemoryMapEntrySize)
{
    std::vector<boot::MemoryRegion> one = { { 0x100000, 0x1000, MemoryType::Usable } };
    for (uint32_t entry_size : { 0u, 8u, 16u, 20u, 28u }) {
        Mb2 mb;
        mb.memory_map(one, entry_size < 20 ? 24 : entry_size);
        auto bytes = mb.finish();
        test::set32(bytes, 16, entry_size);
        EXPECT_EQ(error_of(bytes), ErrorCode::Invalid) << entry_size;
    }
    // A body too short even for the entry_size field.
    EXPECT_EQ(error_of(Mb2().tag(6, { 24, 0, 0, 0 }).finish()), ErrorCode::Invalid);
}

TEST(Multiboot2, LargerMemoryMapEntriesAndPartialEntries)
{
    std::vector<boot::MemoryRegion> two = { { 0x100000, 0x1000, MemoryType::Usable }, { 0x200000, 0x2000, MemoryType::Reserved } };
    auto parsed = parse(Mb2().memory_map(two, 32).finish());
    ASSERT_FALSE(parsed.result.is_error());
    ASSERT_EQ(parsed.info->memory_count, 2u);
    EXPECT_EQ(parsed.info->memory[1].base, 0x200000u);
    EXPECT_EQ(parsed.info->memory[1].type, MemoryType::Reserved);

    // A trailing fragment shorter than one entry is not an entry.
    Mb2 mb;
    std::vector<unsigned char> body;
    put32(body, 24);
    put32(body, 0);
    put64(body, 0x100000);
    put64(body, 0x1000);
    put32(body, 1);
    put32(body, 0);
    body.resize(body.size() + 12, 0xab);
    auto fragment = parse(mb.tag(6, body).finish());
    ASSERT_FALSE(fragment.result.is_error());
    EXPECT_EQ(fragment.info->memory_count, 1u);
}

TEST(Multiboot2, TooManyMemoryRegions)
{
    std::vector<boot::MemoryRegion> regions(boot::BootInfo::kMaxMemoryRegions, { 0x100000, 0x1000, MemoryType::Usable });
    ASSERT_FALSE(parse(Mb2().memory_map(regions).finish()).result.is_error());
    regions.push_back({ 0, 0, MemoryType::Usable });
    EXPECT_EQ(error_of(Mb2().memory_map(regions).finish()), ErrorCode::NoSpace);
}

TEST(Multiboot2, Modules)
{
    Mb2 full;
    for (size_t i = 0; i < boot::BootInfo::kMaxModules; ++i)
        full.module(static_cast<uint32_t>(i * 0x1000), static_cast<uint32_t>(i * 0x1000 + 1), "m");
    auto parsed = parse(Mb2(full).finish());
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.info->module_count, boot::BootInfo::kMaxModules);

    full.module(0, 1, "one too many");
    EXPECT_EQ(error_of(full.finish()), ErrorCode::NoSpace);

    EXPECT_EQ(error_of(Mb2().module(0x2000, 0x1000, "backwards").finish()), ErrorCode::Invalid);
    EXPECT_EQ(error_of(Mb2().tag(3, { 0, 0, 0, 0 }).finish()), ErrorCode::Invalid); // body < 8

    auto empty = parse(Mb2().module(0x3000, 0x3000, "").finish()); // empty module, empty name
    ASSERT_FALSE(empty.result.is_error());
    EXPECT_EQ(empty.info->modules[0].end, 0x3000u);
    EXPECT_TRUE(empty.info->modules[0].command_line.is_empty());
}

TEST(Multiboot2, FramebufferTagTooSmall)
{
    EXPECT_EQ(error_of(Mb2().tag(8, std::vector<unsigned char>(21, 0)).finish()), ErrorCode::Invalid);
    auto parsed = parse(Mb2().tag(8, std::vector<unsigned char>(22, 0)).finish());
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_TRUE(parsed.info->framebuffer);
}

// Corrupts the recorded structure at random: the parser may accept or
// refuse, but must never read outside what it was given (ASan watches).
TEST(Multiboot2, RandomCorruptionNeverCrashes)
{
    auto recorded = FixtureReader::read_fixture(kFixture);
    ASSERT_GE(recorded.size(), 2u);
    const auto& [address, original] = recorded[1]; // the whole structure
    std::mt19937 random(2);
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        std::vector<unsigned char> bytes = original;
        int flips = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < flips; ++i) {
            // Mostly hit the size fields, which steer the parser.
            size_t offset = random() % bytes.size();
            bytes[offset] = static_cast<unsigned char>(random() % 3 ? random() : bytes[offset] ^ 0x80);
        }
        if (random() % 4 == 0)
            bytes.resize(random() % bytes.size());
        FixtureReader reader;
        reader.add(address, bytes);
        boot::BootInfo info;
        accepted += !boot::parse_multiboot2(reader, address, info).is_error();
    }
    EXPECT_GT(accepted, 0);
}

} // namespace
