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
using test::set32;
using test::str;

const char* const kFixture = "sys/tests/fixtures/multiboot1-qemu-kernel.txt";

constexpr uint32_t kCommandLine = 1 << 2;
constexpr uint32_t kModules = 1 << 3;
constexpr uint32_t kMemoryMap = 1 << 6;
constexpr uint32_t kLoaderName = 1 << 9;
constexpr uint32_t kFramebuffer = 1 << 12;

// Where a hand-built structure's pieces live in fake physical memory.
constexpr uint64_t kInfo = 0x9000;
constexpr uint64_t kMap = 0xa000;
constexpr uint64_t kModuleList = 0xb000;
constexpr uint64_t kStrings = 0xc000;

std::vector<unsigned char> mmap_entry(uint64_t base, uint64_t length, uint32_t type, uint32_t size = 20)
{
    std::vector<unsigned char> out;
    put32(out, size);
    put64(out, base);
    put64(out, length);
    put32(out, type);
    out.resize(4 + size, 0);
    return out;
}

// A multiboot1 information structure and what it points to.
struct Mb1 {
    std::vector<unsigned char> info = std::vector<unsigned char>(116, 0);
    std::vector<unsigned char> map;
    std::vector<unsigned char> modules;
    std::vector<unsigned char> strings;

    Mb1() { add_region(0x100000, 0x1000000, 1); }

    uint32_t flags() const { return info[0] | info[1] << 8 | info[2] << 16 | static_cast<uint32_t>(info[3]) << 24; }
    void add_flag(uint32_t flag) { set32(info, 0, flags() | flag); }
    void field(size_t offset, uint32_t value) { set32(info, offset, value); }

    void add_region(uint64_t base, uint64_t length, uint32_t type)
    {
        auto entry = mmap_entry(base, length, type);
        map.insert(map.end(), entry.begin(), entry.end());
        add_flag(kMemoryMap);
    }
    uint32_t add_string(const std::string& text)
    {
        auto address = static_cast<uint32_t>(kStrings + strings.size());
        strings.insert(strings.end(), text.begin(), text.end());
        strings.push_back(0);
        return address;
    }
    void command_line(const std::string& text)
    {
        add_flag(kCommandLine);
        field(16, add_string(text));
    }
    void module(uint32_t start, uint32_t end, const std::string& name)
    {
        put32(modules, start);
        put32(modules, end);
        put32(modules, name.empty() ? 0 : add_string(name));
        put32(modules, 0);
        add_flag(kModules);
        field(20, static_cast<uint32_t>(modules.size() / 16));
        field(24, static_cast<uint32_t>(kModuleList));
    }
};

struct Parsed {
    klib::ErrorOr<void> result;
    std::unique_ptr<boot::BootInfo> info;
};

// `adjust` may change the structure after place() filled in the map fields.
template <typename F = void (*)(Mb1&)>
Parsed parse(Mb1 mb, F adjust = [](Mb1&) {})
{
    FixtureReader reader;
    mb.field(44, static_cast<uint32_t>(mb.map.size()));
    mb.field(48, static_cast<uint32_t>(kMap));
    adjust(mb);
    reader.add(kInfo, mb.info);
    reader.add(kMap, mb.map);
    if (!mb.modules.empty())
        reader.add(kModuleList, mb.modules);
    if (!mb.strings.empty())
        reader.add(kStrings, mb.strings);
    auto info = std::make_unique<boot::BootInfo>();
    auto result = boot::parse(boot::kMultiboot1LoaderMagic, reader, kInfo, *info);
    return { std::move(result), std::move(info) };
}

template <typename F = void (*)(Mb1&)>
ErrorCode error_of(Mb1 mb, F adjust = [](Mb1&) {})
{
    auto parsed = parse(std::move(mb), adjust);
    EXPECT_TRUE(parsed.result.is_error());
    return parsed.result.is_error() ? parsed.result.error().code() : ErrorCode::Count;
}

TEST(Multiboot1, RecordedQemuBoot)
{
    FixtureReader reader;
    ASSERT_TRUE(reader.load(kFixture)) << "run from the repository root";
    boot::BootInfo info;
    auto result = boot::parse(boot::kMultiboot1LoaderMagic, reader, reader.first_address(), info);
    ASSERT_FALSE(result.is_error()) << result.error().description();

    EXPECT_EQ(info.protocol, boot::Protocol::Multiboot1);
    // The kernel's own path, the first word, is dropped.
    EXPECT_EQ(str(info.command_line), "loglevel=debug dumpbootinfo test");
    EXPECT_EQ(str(info.loader_name), "qemu");

    ASSERT_EQ(info.module_count, 2u);
    EXPECT_EQ(info.modules[0].start, 0x12f000u);
    EXPECT_EQ(info.modules[0].end, 0x12f00du);
    EXPECT_EQ(str(info.modules[0].command_line), "/tmp/testmod.txt arg1");
    EXPECT_EQ(info.modules[1].start, 0x130000u);
    EXPECT_EQ(info.modules[1].end, 0x13000eu);
    EXPECT_EQ(str(info.modules[1].command_line), "/tmp/mod2.txt");

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
    EXPECT_FALSE(info.framebuffer); // QEMU's -kernel loader sets no video mode
    EXPECT_EQ(info.acpi_rsdp_size, 0u);
}

TEST(Multiboot1, MinimalInformation)
{
    auto parsed = parse(Mb1());
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.info->protocol, boot::Protocol::Multiboot1);
    EXPECT_TRUE(parsed.info->command_line.is_empty());
    EXPECT_TRUE(parsed.info->loader_name.is_empty());
    EXPECT_EQ(parsed.info->module_count, 0u);
    ASSERT_EQ(parsed.info->memory_count, 1u);
    EXPECT_EQ(parsed.info->memory[0].base, 0x100000u);
    EXPECT_EQ(parsed.info->memory[0].type, MemoryType::Usable);
}

TEST(Multiboot1, CommandLineWords)
{
    Mb1 only_kernel;
    only_kernel.command_line("/boot/banos");
    auto parsed = parse(only_kernel);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_TRUE(parsed.info->command_line.is_empty());

    Mb1 with_options;
    with_options.command_line("/boot/banos test loglevel=3");
    parsed = parse(with_options);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(str(parsed.info->command_line), "test loglevel=3");
}

TEST(Multiboot1, ModulesWithAndWithoutNames)
{
    Mb1 mb;
    mb.module(0x200000, 0x201000, "");
    mb.module(0x300000, 0x300000, "name");
    auto parsed = parse(mb);
    ASSERT_FALSE(parsed.result.is_error());
    ASSERT_EQ(parsed.info->module_count, 2u);
    EXPECT_TRUE(parsed.info->modules[0].command_line.is_empty());
    EXPECT_EQ(str(parsed.info->modules[1].command_line), "name");
    // A module count of zero with the flag set is fine too.
    Mb1 none;
    none.add_flag(kModules);
    ASSERT_FALSE(parse(none).result.is_error());
}

TEST(Multiboot1, Framebuffer)
{
    Mb1 mb;
    mb.add_flag(kFramebuffer);
    set32(mb.info, 88, 0xfd000000);
    set32(mb.info, 96, 4096);
    set32(mb.info, 100, 1024);
    set32(mb.info, 104, 768);
    mb.info[108] = 32;
    mb.info[109] = 1;
    auto parsed = parse(mb);
    ASSERT_FALSE(parsed.result.is_error());
    ASSERT_TRUE(parsed.info->framebuffer);
    EXPECT_EQ(parsed.info->framebuffer->address, 0xfd000000u);
    EXPECT_EQ(parsed.info->framebuffer->pitch, 4096u);
    EXPECT_EQ(parsed.info->framebuffer->width, 1024u);
    EXPECT_EQ(parsed.info->framebuffer->height, 768u);
    EXPECT_EQ(parsed.info->framebuffer->bits_per_pixel, 32);
}

TEST(Multiboot1, MissingMemoryMapFlag)
{
    Mb1 mb;
    set32(mb.info, 0, 0);
    EXPECT_EQ(error_of(mb), ErrorCode::Invalid);
}

TEST(Multiboot1, MemoryMapEntrySizeTooSmall)
{
    for (uint32_t size : { 0u, 4u, 19u }) {
        Mb1 mb;
        auto entry = mmap_entry(0x200000, 0x1000, 1, 20);
        set32(entry, 0, size);
        mb.map.insert(mb.map.end(), entry.begin(), entry.end());
        EXPECT_EQ(error_of(mb), ErrorCode::Invalid) << size;
    }
}

TEST(Multiboot1, MemoryMapEntryRunsPastTheMap)
{
    Mb1 mb;
    auto entry = mmap_entry(0x200000, 0x1000, 1, 20);
    set32(entry, 0, 21); // one byte more than there is
    mb.map.insert(mb.map.end(), entry.begin(), entry.end());
    EXPECT_EQ(error_of(mb), ErrorCode::Invalid);
    Mb1 huge;
    set32(huge.map, 0, 0xffffffff);
    EXPECT_EQ(error_of(huge), ErrorCode::Invalid);
}

TEST(Multiboot1, MemoryMapLengthTooLarge)
{
    // Above the 64 KiB limit...
    EXPECT_EQ(error_of(Mb1(), [](Mb1& mb) { mb.field(44, 64 * 1024 + 1); }), ErrorCode::Invalid);
    EXPECT_EQ(error_of(Mb1(), [](Mb1& mb) { mb.field(44, 0xffffffff); }), ErrorCode::Invalid);
    // ...or simply more than the memory holds.
    EXPECT_EQ(error_of(Mb1(), [](Mb1& mb) { mb.field(44, static_cast<uint32_t>(mb.map.size() + 4)); }), ErrorCode::Fault);
    // A map pointer to nowhere.
    EXPECT_EQ(error_of(Mb1(), [](Mb1& mb) { mb.field(48, 0x7000000); }), ErrorCode::Fault);
}

TEST(Multiboot1, MemoryMapEdgeCases)
{
    // A couple of stray bytes after the last entry are not an entry.
    Mb1 stray;
    stray.map.push_back(0);
    stray.map.push_back(0);
    auto parsed = parse(stray);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.info->memory_count, 1u);
    // Entries may be larger than 20 bytes.
    Mb1 wide;
    auto entry = mmap_entry(0x400000, 0x1000, 3, 28);
    wide.map.insert(wide.map.end(), entry.begin(), entry.end());
    wide.add_region(0x500000, 0x1000, 4);
    parsed = parse(wide);
    ASSERT_FALSE(parsed.result.is_error());
    ASSERT_EQ(parsed.info->memory_count, 3u);
    EXPECT_EQ(parsed.info->memory[1].type, MemoryType::AcpiReclaimable);
    EXPECT_EQ(parsed.info->memory[2].base, 0x500000u);
    EXPECT_EQ(parsed.info->memory[2].type, MemoryType::AcpiNvs);
    // An empty map is accepted (the memory manager will complain).
    Mb1 empty;
    empty.map.clear();
    parsed = parse(empty);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.info->memory_count, 0u);
}

TEST(Multiboot1, TooManyMemoryRegions)
{
    Mb1 mb;
    for (size_t i = 1; i < boot::BootInfo::kMaxMemoryRegions; ++i)
        mb.add_region(0x1000000 * (i + 1), 0x1000, 1);
    ASSERT_FALSE(parse(mb).result.is_error());
    mb.add_region(0, 0x1000, 1);
    EXPECT_EQ(error_of(mb), ErrorCode::NoSpace);
}

TEST(Multiboot1, ModuleEndBeforeStart)
{
    Mb1 mb;
    mb.module(0x200000, 0x1fffff, "backwards");
    EXPECT_EQ(error_of(mb), ErrorCode::Invalid);
}

TEST(Multiboot1, TooManyModules)
{
    Mb1 mb;
    for (size_t i = 0; i < boot::BootInfo::kMaxModules; ++i)
        mb.module(0x200000, 0x200001, "");
    ASSERT_FALSE(parse(mb).result.is_error());
    mb.module(0x200000, 0x200001, "");
    EXPECT_EQ(error_of(mb), ErrorCode::NoSpace);
    EXPECT_EQ(error_of(Mb1(), [](Mb1& m) {
                  m.add_flag(kModules);
                  m.field(20, 0xffffffff);
              }),
              ErrorCode::NoSpace);
}

TEST(Multiboot1, UnreadablePointers)
{
    // The information structure itself.
    FixtureReader empty_reader;
    boot::BootInfo info;
    auto result = boot::parse_multiboot1(empty_reader, kInfo, info);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), ErrorCode::Fault);
    // Only part of it.
    FixtureReader short_reader;
    short_reader.add(kInfo, std::vector<unsigned char>(115, 0));
    result = boot::parse_multiboot1(short_reader, kInfo, info);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), ErrorCode::Fault);

    // The module list, one of its names, the command line, the loader name.
    Mb1 modules;
    modules.module(0x200000, 0x200001, "");
    EXPECT_EQ(error_of(modules, [](Mb1& m) { m.field(24, 0x7000000); }), ErrorCode::Fault);
    EXPECT_EQ(error_of(modules, [](Mb1& m) { m.field(20, 2); }), ErrorCode::Fault); // list shorter than count
    EXPECT_EQ(error_of(modules, [](Mb1& m) { set32(m.modules, 8, 0x7000000); }), ErrorCode::Fault);
    EXPECT_EQ(error_of(Mb1(), [](Mb1& m) {
                  m.add_flag(kCommandLine);
                  m.field(16, 0x7000000);
              }),
              ErrorCode::Fault);
    EXPECT_EQ(error_of(Mb1(), [](Mb1& m) {
                  m.add_flag(kLoaderName);
                  m.field(64, 0x7000000);
              }),
              ErrorCode::Fault);
}

TEST(Multiboot1, UnterminatedStrings)
{
    // A string running off the end of readable memory.
    Mb1 mb;
    mb.command_line("abc");
    mb.strings.pop_back(); // drop the NUL
    EXPECT_EQ(error_of(mb), ErrorCode::Fault);
    // Longer than the 1024-character limit.
    Mb1 long_line;
    long_line.command_line("kernel " + std::string(1100, 'x'));
    EXPECT_EQ(error_of(long_line), ErrorCode::Fault);
}

TEST(Multiboot1, StringSpaceRunsOut)
{
    Mb1 mb;
    mb.command_line("k " + std::string(1000, 'a'));
    for (int i = 0; i < 3; ++i)
        mb.module(0x200000, 0x200001, std::string(500, static_cast<char>('b' + i)));
    EXPECT_EQ(error_of(mb), ErrorCode::NoSpace);
}

// Corrupts the recorded regions at random: accepted or refused, but never a
// read outside what exists (ASan watches).
TEST(Multiboot1, RandomCorruptionNeverCrashes)
{
    auto recorded = FixtureReader::read_fixture(kFixture);
    ASSERT_FALSE(recorded.empty());
    std::mt19937 random(1);
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        auto copy = recorded;
        int flips = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < flips; ++i) {
            auto& bytes = copy[random() % copy.size()].second;
            bytes[random() % bytes.size()] = static_cast<unsigned char>(random());
        }
        FixtureReader reader;
        for (const auto& [address, bytes] : copy)
            reader.add(address, bytes);
        boot::BootInfo info;
        accepted += !boot::parse_multiboot1(reader, recorded[0].first, info).is_error();
    }
    EXPECT_GT(accepted, 0);
}

TEST(BootInfo, KeepStringCopiesAndBounds)
{
    boot::BootInfo info;
    char source[] = "hello world";
    auto kept = info.keep_string(source, 5);
    ASSERT_FALSE(kept.is_error());
    source[0] = 'J'; // the copy is independent of the loader's memory
    EXPECT_EQ(str(kept.value()), "hello");
    EXPECT_EQ(kept.value().data()[5], '\0');
    auto whole = info.keep_string(source, 100); // stops at the NUL
    ASSERT_FALSE(whole.is_error());
    EXPECT_EQ(str(whole.value()), "Jello world");
    // Exactly filling the space works; one byte more does not.
    std::string big(boot::BootInfo::kStringSpace - 6 - 12 - 1, 'z');
    ASSERT_FALSE(info.keep_string(big.c_str(), big.size()).is_error());
    auto over = info.keep_string("a", 1);
    ASSERT_TRUE(over.is_error());
    EXPECT_EQ(over.error(), ErrorCode::NoSpace);
    EXPECT_TRUE(info.keep_string("", 0).is_error()); // even "" needs its NUL
}

TEST(BootInfo, MemoryTypeNames)
{
    EXPECT_STREQ(boot::memory_type_name(MemoryType::Usable), "usable");
    EXPECT_STREQ(boot::memory_type_name(MemoryType::Reserved), "reserved");
    EXPECT_STREQ(boot::memory_type_name(MemoryType::AcpiReclaimable), "acpi-reclaimable");
    EXPECT_STREQ(boot::memory_type_name(MemoryType::AcpiNvs), "acpi-nvs");
    EXPECT_STREQ(boot::memory_type_name(MemoryType::Bad), "bad");
    EXPECT_STREQ(boot::memory_type_name(static_cast<MemoryType>(77)), "?");
}

} // namespace
