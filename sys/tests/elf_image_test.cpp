// ElfImage: a valid image built here field by field, then one file per
// validation rule that breaks exactly that rule.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "exec/elf_image.h"

namespace {

using exec::AddressRange;
using exec::ElfImage;
using exec::LayerDescriptor;
using elf64::Header;
using elf64::ProgramHeader;
using klib::ErrorCode;
namespace elf = ::elf64;

using File = std::vector<unsigned char>;

klib::ReadonlyBytes bytes(const File& file) { return { file.data(), file.size() }; }

// A note as a linker lays it out: header, name, descriptor, each padded.
File make_note(const char* name, uint32_t type, const void* desc, uint32_t desc_size, size_t align = 4)
{
    auto pad = [&](File& f) {
        while (f.size() % align)
            f.push_back(0);
    };
    uint32_t name_size = static_cast<uint32_t>(std::strlen(name) + 1);
    File note(12);
    std::memcpy(note.data(), &name_size, 4);
    std::memcpy(note.data() + 4, &desc_size, 4);
    std::memcpy(note.data() + 8, &type, 4);
    note.insert(note.end(), name, name + name_size);
    pad(note);
    auto d = static_cast<const unsigned char*>(desc);
    note.insert(note.end(), d, d + desc_size);
    pad(note);
    return note;
}

File abi_note(uint32_t abi) { return make_note("banos", NT_BANOS_PROGRAM_ABI, &abi, 4); }

// Builds a file: the ELF header at 0, program headers at 64, and whatever
// the test placed into the contents.
struct ElfBuilder {
    uint16_t type = elf::kTypeExec;
    uint64_t entry = 0;
    std::vector<ProgramHeader> segments;
    File contents = File(0x3000);

    size_t add(uint32_t p_type, uint32_t flags, uint64_t offset, uint64_t vaddr, uint64_t filesz, uint64_t memsz, uint64_t align)
    {
        segments.push_back({ p_type, flags, offset, vaddr, vaddr, filesz, memsz, align });
        return segments.size() - 1;
    }
    void put(size_t offset, const void* data, size_t size)
    {
        if (contents.size() < offset + size)
            contents.resize(offset + size);
        std::memcpy(contents.data() + offset, data, size);
    }
    void put(size_t offset, const File& data) { put(offset, data.data(), data.size()); }

    File build() const
    {
        Header header {};
        std::memcpy(header.ident, elf::kMagic, 4);
        header.ident[elf::kIdentClass] = elf::kClass64;
        header.ident[elf::kIdentData] = elf::kDataLittleEndian;
        header.ident[elf::kIdentVersion] = 1;
        header.type = type;
        header.machine = elf::kMachineX86_64;
        header.version = 1;
        header.entry = entry;
        header.phoff = sizeof(Header);
        header.ehsize = sizeof(Header);
        header.phentsize = sizeof(ProgramHeader);
        header.phnum = static_cast<uint16_t>(segments.size());
        File file = contents;
        std::memcpy(file.data(), &header, sizeof(header));
        std::memcpy(file.data() + header.phoff, segments.data(), segments.size() * sizeof(ProgramHeader));
        return file;
    }
};

template <typename Edit>
void edit_header(File& file, Edit edit)
{
    Header header;
    std::memcpy(&header, file.data(), sizeof(header));
    edit(header);
    std::memcpy(file.data(), &header, sizeof(header));
}

constexpr char kInterp[] = "/system/ld-elf.so";

// An executable with everything exec looks at: read-only headers, text,
// data with TLS, a window in a PT_LOAD of its own, the ABI note, PT_INTERP
// and PT_GNU_STACK.
struct Executable : ElfBuilder {
    size_t interp, note, headers, text, data, window_load, tls, window, stack;

    Executable()
    {
        entry = 0x401010;
        put(0x800, abi_note(2));
        put(0x900, kInterp, sizeof(kInterp));
        interp = add(elf::kSegmentInterp, elf::kSegmentRead, 0x900, 0x400900, sizeof(kInterp), sizeof(kInterp), 1);
        note = add(elf::kSegmentNote, elf::kSegmentRead, 0x800, 0x400800, abi_note(2).size(), abi_note(2).size(), 4);
        headers = add(elf::kSegmentLoad, elf::kSegmentRead, 0, 0x400000, 0xa00, 0xa00, 0x1000);
        text = add(elf::kSegmentLoad, elf::kSegmentRead | elf::kSegmentExecute, 0x1000, 0x401000, 0x100, 0x100, 0x1000);
        data = add(elf::kSegmentLoad, elf::kSegmentRead | elf::kSegmentWrite, 0x2000, 0x402000, 0x20, 0x1000, 0x1000);
        window_load
            = add(elf::kSegmentLoad, elf::kSegmentRead | elf::kSegmentWrite, 0x3000, 0x410000, 0, 0x40000, 0x1000);
        tls = add(elf::kSegmentTls, elf::kSegmentRead, 0x2000, 0x402000, 0x10, 0x20, 8);
        window = add(PT_BANOS_WINDOW, elf::kSegmentRead, 0, 0x410000, 0, 0x40000, 0x1000);
        stack = add(elf::kSegmentGnuStack, elf::kSegmentRead | elf::kSegmentWrite, 0, 0, 0, 0, 16);
    }
};

// Passes when parsing fails with ExecFormat and a reason containing `part`.
testing::AssertionResult Rejects(const File& file, const char* part)
{
    const char* why = nullptr;
    auto result = ElfImage::parse(bytes(file), &why);
    if (!result.is_error())
        return testing::AssertionFailure() << "accepted; expected \"" << part << "\"";
    if (result.error().code() != ErrorCode::ExecFormat)
        return testing::AssertionFailure() << "error " << result.error().name() << ", not ExecFormat";
    if (!why || !std::strstr(why, part))
        return testing::AssertionFailure() << "reason \"" << (why ? why : "(none)") << "\", expected \"" << part << "\"";
    return testing::AssertionSuccess();
}

testing::AssertionResult Accepts(const File& file)
{
    const char* why = nullptr;
    auto result = ElfImage::parse(bytes(file), &why);
    if (result.is_error())
        return testing::AssertionFailure() << "rejected: " << (why ? why : "(no reason)");
    return testing::AssertionSuccess();
}

} // namespace

TEST(ElfImage, ValidExecutableExposesEverything)
{
    Executable exe;
    File file = exe.build();
    auto result = ElfImage::parse(bytes(file));
    ASSERT_FALSE(result.is_error());
    const ElfImage& image = result.value();
    EXPECT_EQ(image.type(), elf::kTypeExec);
    EXPECT_FALSE(image.is_position_independent());
    EXPECT_EQ(image.entry(), 0x401010u);
    EXPECT_EQ(image.program_headers().size(), exe.segments.size());
    EXPECT_EQ(image.load_segment_count(), 4u);

    std::vector<uint64_t> addresses;
    for (const ProgramHeader& segment : image.load_segments())
        addresses.push_back(segment.vaddr);
    EXPECT_EQ(addresses, (std::vector<uint64_t> { 0x400000, 0x401000, 0x402000, 0x410000 }));
    EXPECT_EQ(image.address_span().start, 0x400000u);
    EXPECT_EQ(image.address_span().end, 0x450000u);

    const ProgramHeader& text = image.program_headers()[exe.text];
    ASSERT_EQ(image.file_bytes(text).size(), 0x100u);
    EXPECT_EQ(image.file_bytes(text).data(), file.data() + 0x1000);

    ASSERT_TRUE(image.interpreter());
    EXPECT_TRUE(*image.interpreter() == kInterp);
    ASSERT_TRUE(image.tls());
    EXPECT_EQ(image.tls()->memsz, 0x20u);
    ASSERT_TRUE(image.window());
    EXPECT_EQ(image.window()->start, 0x410000u);
    EXPECT_EQ(image.window()->end, 0x450000u);
    EXPECT_EQ(image.program_abi().value_or(0), 2u);
    EXPECT_EQ(image.stack_flags().value_or(0), elf::kSegmentRead | elf::kSegmentWrite);
}

TEST(ElfImage, MinimalExecutableHasNoOptionalParts)
{
    ElfBuilder b;
    b.entry = 0x401000;
    b.add(elf::kSegmentLoad, elf::kSegmentRead | elf::kSegmentExecute, 0x1000, 0x401000, 0x10, 0x10, 0x1000);
    File file = b.build();
    auto result = ElfImage::parse(bytes(file));
    ASSERT_FALSE(result.is_error());
    const ElfImage& image = result.value();
    EXPECT_FALSE(image.interpreter());
    EXPECT_FALSE(image.tls());
    EXPECT_FALSE(image.window());
    EXPECT_FALSE(image.program_abi());
    EXPECT_FALSE(image.stack_flags());
    EXPECT_EQ(image.load_segment_count(), 1u);
}

TEST(ElfImage, PositionIndependentImageIsRelativeToZero)
{
    ElfBuilder b;
    b.type = elf::kTypeDyn;
    b.entry = 0x1000;
    b.add(elf::kSegmentLoad, elf::kSegmentRead, 0, 0, 0x800, 0x800, 0x1000);
    b.add(elf::kSegmentLoad, elf::kSegmentRead | elf::kSegmentExecute, 0x1000, 0x1000, 0x100, 0x100, 0x1000);
    File file = b.build();
    auto result = ElfImage::parse(bytes(file));
    ASSERT_FALSE(result.is_error());
    EXPECT_TRUE(result.value().is_position_independent());
    EXPECT_EQ(result.value().address_span().start, 0u);
    EXPECT_EQ(result.value().address_span().end, 0x1100u);

    // Relative addresses must stay below the user-space top too.
    b.segments[1].vaddr = exec::kUserSpaceTop - 0x1000;
    b.entry = b.segments[1].vaddr;
    EXPECT_TRUE(Accepts(b.build()));
    b.segments[1].vaddr = exec::kUserSpaceTop;
    b.entry = b.segments[1].vaddr;
    EXPECT_TRUE(Rejects(b.build(), "beyond user space"));
}

TEST(ElfImage, HostBinaryParses)
{
    std::ifstream in("/bin/true", std::ios::binary);
    if (!in)
        GTEST_SKIP() << "no /bin/true";
    File file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(Accepts(file));
}

TEST(ElfImage, MisalignedBufferIsAnArgumentError)
{
    File file = Executable().build();
    File shifted(file.size() + 1);
    std::memcpy(shifted.data() + 1, file.data(), file.size());
    const char* why = nullptr;
    auto result = ElfImage::parse({ shifted.data() + 1, file.size() }, &why);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error().code(), ErrorCode::Invalid);
    EXPECT_NE(why, nullptr);
}

TEST(ElfImage, RejectsBadFileHeader)
{
    File good = Executable().build();
    EXPECT_TRUE(Accepts(good));
    EXPECT_TRUE(Rejects(File(good.begin(), good.begin() + 63), "too short"));
    EXPECT_TRUE(Rejects(File(), "too short"));

    auto with = [&](auto edit) {
        File f = good;
        edit_header(f, edit);
        return f;
    };
    EXPECT_TRUE(Rejects(with([](Header& h) { h.ident[1] = 'e'; }), "bad magic"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.ident[elf::kIdentClass] = 1; }), "64-bit"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.ident[elf::kIdentData] = 2; }), "little-endian"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.ident[elf::kIdentVersion] = 0; }), "version"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.version = 2; }), "version"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.machine = 3; }), "x86_64"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.type = 1; }), "neither an executable"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.type = 4; }), "neither an executable"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.ehsize = 52; }), "e_ehsize"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.phentsize = 32; }), "e_phentsize"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.phnum = 0; }), "no program headers"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.phnum = 0xffff; }), "too many program headers"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.phoff = 68; }), "not 8-byte aligned"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.phoff = 0x3000 - 56; }), "past the end"));
    EXPECT_TRUE(Rejects(with([](Header& h) { h.phoff = UINT64_MAX - 7; }), "past the end"));
}

TEST(ElfImage, RejectsBadLoadSegments)
{
    auto broken = [](auto edit) {
        Executable exe;
        edit(exe);
        return exe.build();
    };
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.text].filesz = 0x2001; }), "PT_LOAD extends past the end"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.text].offset = UINT64_MAX - 0x10 + 1; }), "PT_LOAD extends past the end"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.text].memsz = 0xff; }), "p_filesz larger than p_memsz"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.data].align = 0x1800; }), "not a power of two"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.data].offset = 0x2010; }), "modulo the page size"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) {
        e.segments[e.window_load].memsz = UINT64_MAX - 0x410000 + 2;
    }),
        "beyond user space"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window_load].memsz = exec::kUserSpaceTop; }), "beyond user space"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { std::swap(e.segments[e.text], e.segments[e.data]); }), "out of address order"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.headers].memsz = 0x1001; }), "overlap"));

    // Small alignments make no promise about pages.
    EXPECT_TRUE(Accepts(broken([](Executable& e) {
        e.segments[e.data].align = 16;
        e.segments[e.data].offset = 0x2010;
    })));
    EXPECT_TRUE(Accepts(broken([](Executable& e) { e.segments[e.data].align = 0; })));
    // Touching is not overlapping.
    EXPECT_TRUE(Accepts(broken([](Executable& e) { e.segments[e.headers].memsz = 0x1000; })));
}

TEST(ElfImage, RejectsFileWithoutLoadSegment)
{
    ElfBuilder b;
    b.add(elf::kSegmentGnuStack, elf::kSegmentRead | elf::kSegmentWrite, 0, 0, 0, 0, 16);
    EXPECT_TRUE(Rejects(b.build(), "no PT_LOAD"));
}

TEST(ElfImage, EntryMustBeInExecutableLoad)
{
    Executable exe;
    exe.entry = 0x401100; // one past the text segment
    EXPECT_TRUE(Rejects(exe.build(), "entry point"));
    exe.entry = 0x402000; // data: not executable
    EXPECT_TRUE(Rejects(exe.build(), "entry point"));
    exe.entry = 0x300000; // nowhere
    EXPECT_TRUE(Rejects(exe.build(), "entry point"));
    exe.entry = 0x4010ff;
    EXPECT_TRUE(Accepts(exe.build()));
}

TEST(ElfImage, InterpreterRules)
{
    {
        Executable exe;
        exe.segments[exe.interp].filesz = sizeof(kInterp) - 1; // NUL cut off
        EXPECT_TRUE(Rejects(exe.build(), "not NUL-terminated"));
    }
    {
        Executable exe;
        exe.contents[0x900] = 0;
        EXPECT_TRUE(Rejects(exe.build(), "empty"));
    }
    {
        Executable exe;
        std::string path(255, 'a');
        exe.put(0x900, path.c_str(), path.size() + 1);
        exe.segments[exe.interp].filesz = path.size() + 1;
        EXPECT_TRUE(Accepts(exe.build()));
        path += 'a';
        exe.put(0x900, path.c_str(), path.size() + 1);
        exe.segments[exe.interp].filesz = path.size() + 1;
        EXPECT_TRUE(Rejects(exe.build(), "256 bytes or longer"));
    }
    {
        Executable exe;
        exe.segments[exe.interp].offset = 0x2ff8;
        exe.segments[exe.interp].filesz = 0x10;
        EXPECT_TRUE(Rejects(exe.build(), "PT_INTERP extends past the end"));
    }
    {
        Executable exe;
        exe.segments.push_back(exe.segments[exe.interp]);
        EXPECT_TRUE(Rejects(exe.build(), "more than one PT_INTERP"));
    }
}

TEST(ElfImage, TlsRules)
{
    auto broken = [](auto edit) {
        Executable exe;
        edit(exe.segments[exe.tls]);
        return exe.build();
    };
    EXPECT_TRUE(Rejects(broken([](ProgramHeader& h) { h.filesz = 0x21; }), "PT_TLS has p_filesz larger"));
    EXPECT_TRUE(Rejects(broken([](ProgramHeader& h) { h.offset = 0x2ff8; }), "PT_TLS extends past the end"));
    EXPECT_TRUE(Rejects(broken([](ProgramHeader& h) { h.align = 12; }), "PT_TLS alignment"));
    EXPECT_TRUE(Rejects(broken([](ProgramHeader& h) { h.memsz = UINT64_MAX; }), "PT_TLS is impossibly large"));
    EXPECT_TRUE(Accepts(broken([](ProgramHeader& h) { h.align = 0; })));

    Executable exe;
    exe.segments.push_back(exe.segments[exe.tls]);
    EXPECT_TRUE(Rejects(exe.build(), "more than one PT_TLS"));
}

TEST(ElfImage, WindowRules)
{
    auto broken = [](auto edit) {
        Executable exe;
        edit(exe);
        return exe.build();
    };
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window].vaddr += 0x10; }), "not page-aligned"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window].memsz -= 0x10; }), "not page-aligned"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window].memsz = 0; }), "empty"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window].memsz = 0 - e.segments[e.window].vaddr; }), "beyond user space"));
    // Beyond its PT_LOAD's memory.
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window].memsz += 0x1000; }), "zero-filled part"));
    // Over file-backed bytes: the data segment's first page holds file data.
    EXPECT_TRUE(Rejects(broken([](Executable& e) {
        e.segments[e.window].vaddr = 0x402000;
        e.segments[e.window].memsz = 0x1000;
    }),
        "zero-filled part"));
    // Not in any PT_LOAD.
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments[e.window].vaddr = 0x500000; }), "zero-filled part"));
    EXPECT_TRUE(Rejects(broken([](Executable& e) { e.segments.push_back(e.segments[e.window]); }), "more than one PT_BANOS_WINDOW"));

    // NOBITS tail of a segment that also has file bytes is fine.
    EXPECT_TRUE(Accepts(broken([](Executable& e) {
        e.segments[e.data].memsz = 0x3000;
        e.segments[e.window].vaddr = 0x403000;
        e.segments[e.window].memsz = 0x2000;
    })));
}

TEST(ElfImage, NoteRules)
{
    auto with_notes = [](const File& notes, uint64_t align = 4) {
        Executable exe;
        exe.put(0x800, File(0x100));
        exe.put(0x800, notes);
        exe.segments[exe.note].filesz = notes.size();
        exe.segments[exe.note].align = align;
        return exe.build();
    };
    auto join = [](File a, const File& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    unsigned char build_id[20] = { 1, 2, 3 };
    File other = make_note("GNU", 3, build_id, sizeof(build_id));

    // Other owners' notes are skipped; the banos one is found after them.
    {
        File f = with_notes(join(other, abi_note(3)));
        auto r = ElfImage::parse(bytes(f));
        ASSERT_FALSE(r.is_error());
        EXPECT_EQ(r.value().program_abi().value_or(0), 3u);
    }
    // 8-aligned note segments (GNU property notes) pad to 8.
    {
        uint32_t property[4] = { 0xc0008002, 4, 1, 0 };
        File notes = join(make_note("GNU", 5, property, sizeof(property), 8), make_note("banos", NT_BANOS_PROGRAM_ABI, "\1\0\0\0", 4, 8));
        File f = with_notes(notes, 8);
        auto r = ElfImage::parse(bytes(f));
        ASSERT_FALSE(r.is_error());
        EXPECT_EQ(r.value().program_abi().value_or(0), 1u);
    }
    // A note of another type under the banos name is not the ABI.
    {
        uint32_t value = 7;
        File f = with_notes(make_note("banos", 99, &value, 4));
        auto r = ElfImage::parse(bytes(f));
        ASSERT_FALSE(r.is_error());
        EXPECT_FALSE(r.value().program_abi());
    }
    EXPECT_TRUE(Rejects(with_notes(join(abi_note(1), abi_note(2))), "more than one banos program ABI note"));
    uint64_t wide = 2;
    EXPECT_TRUE(Rejects(with_notes(make_note("banos", NT_BANOS_PROGRAM_ABI, &wide, 8)), "not 4 bytes"));

    File truncated = abi_note(2);
    truncated.resize(truncated.size() - 4); // descriptor cut off
    EXPECT_TRUE(Rejects(with_notes(truncated), "runs past the end"));
    File long_name = abi_note(2);
    long_name[0] = 200; // namesz beyond the segment
    EXPECT_TRUE(Rejects(with_notes(long_name), "runs past the end"));
    File huge = abi_note(2);
    std::memset(huge.data(), 0xff, 8); // namesz and descsz 4 GiB
    EXPECT_TRUE(Rejects(with_notes(huge), "runs past the end"));
    EXPECT_TRUE(Rejects(with_notes(join(abi_note(2), File(8))), "truncated note header"));

    Executable exe;
    exe.segments[exe.note].offset = 0x2ff0;
    exe.segments[exe.note].filesz = 0x20;
    EXPECT_TRUE(Rejects(exe.build(), "PT_NOTE extends past the end"));
}

TEST(ElfImage, DuplicateGnuStackIsRejected)
{
    Executable exe;
    exe.segments.push_back(exe.segments[exe.stack]);
    EXPECT_TRUE(Rejects(exe.build(), "more than one PT_GNU_STACK"));
}

TEST(ElfImage, EveryFailureHasAReason)
{
    // Corrupt each byte of the header and program headers in turn: whatever
    // happens, parsing must not crash, and a failure must say why.
    File good = Executable().build();
    size_t table_end = 64 + 9 * sizeof(ProgramHeader);
    for (size_t i = 0; i < table_end; ++i) {
        for (unsigned char value : { 0x00, 0x01, 0x80, 0xff }) {
            File f = good;
            f[i] = value;
            const char* why = nullptr;
            auto r = ElfImage::parse(bytes(f), &why);
            if (r.is_error()) {
                EXPECT_NE(why, nullptr) << "byte " << i;
            }
        }
    }
}

// ----- layer files -----

namespace {

LayerDescriptor good_descriptor()
{
    LayerDescriptor d {};
    d.magic = BANOS_LAYER_MAGIC;
    d.descriptor_size = sizeof(d);
    d.program_abi = 2;
    d.kernel_abi = 2;
    d.window_size = BANOS_WINDOW_SIZE;
    d.private_offset = 0x10000;
    d.private_size = 0x2000;
    d.kpmap_offset = 0x20000;
    d.upmap_offset = 0x21000;
    return d;
}

File layer_note(const LayerDescriptor& d) { return make_note("banos", NT_BANOS_LAYER, &d, sizeof(d)); }

// A layer: linked at 0, text from 0 (stub table first), a descriptor note.
struct Layer : ElfBuilder {
    size_t note;
    Layer(const File& note_bytes)
    {
        type = elf::kTypeDyn;
        entry = 0;
        put(0x2000, note_bytes);
        add(elf::kSegmentLoad, elf::kSegmentRead | elf::kSegmentExecute, 0, 0, 0x2000, 0x2000, 0x1000);
        add(elf::kSegmentLoad, elf::kSegmentRead, 0x2000, 0x2000, 0x100, 0x100, 0x1000);
        note = add(elf::kSegmentNote, elf::kSegmentRead, 0x2000, 0x2000, note_bytes.size(), note_bytes.size(), 4);
    }
};

testing::AssertionResult LayerRejected(const File& file, const char* part)
{
    auto image = ElfImage::parse(bytes(file));
    if (image.is_error())
        return testing::AssertionFailure() << "the file itself does not parse";
    const char* why = nullptr;
    auto result = image.value().layer_descriptor(&why);
    if (!result.is_error())
        return testing::AssertionFailure() << "accepted; expected \"" << part << "\"";
    if (result.error().code() != ErrorCode::ExecFormat)
        return testing::AssertionFailure() << "error " << result.error().name();
    if (!why || !std::strstr(why, part))
        return testing::AssertionFailure() << "reason \"" << (why ? why : "(none)") << "\", expected \"" << part << "\"";
    return testing::AssertionSuccess();
}

template <typename Edit>
File layer_with(Edit edit)
{
    LayerDescriptor d = good_descriptor();
    edit(d);
    return Layer(layer_note(d)).build();
}

} // namespace

TEST(ElfImageLayer, ValidDescriptor)
{
    File file = Layer(layer_note(good_descriptor())).build();
    auto image = ElfImage::parse(bytes(file));
    ASSERT_FALSE(image.is_error());
    auto d = image.value().layer_descriptor();
    ASSERT_FALSE(d.is_error());
    EXPECT_EQ(d.value().window_size, static_cast<uint32_t>(BANOS_WINDOW_SIZE));
    EXPECT_EQ(d.value().kpmap_offset, 0x20000u);

    // Zero offsets mean "not wanted".
    File none = layer_with([](LayerDescriptor& x) { x.private_offset = x.private_size = x.kpmap_offset = x.upmap_offset = 0; });
    auto bare = ElfImage::parse(bytes(none));
    ASSERT_FALSE(bare.is_error());
    EXPECT_FALSE(bare.value().layer_descriptor().is_error());

    // A longer descriptor (a later version) is fine.
    unsigned char extended[48] = {};
    LayerDescriptor e = good_descriptor();
    e.descriptor_size = sizeof(extended);
    std::memcpy(extended, &e, sizeof(e));
    File ext_file = Layer(make_note("banos", NT_BANOS_LAYER, extended, sizeof(extended))).build();
    auto ext = ElfImage::parse(bytes(ext_file));
    ASSERT_FALSE(ext.is_error());
    EXPECT_FALSE(ext.value().layer_descriptor().is_error());
}

TEST(ElfImageLayer, RejectsBadDescriptors)
{
    EXPECT_TRUE(LayerRejected(Layer(abi_note(2)).build(), "no banos layer note"));
    File two = layer_note(good_descriptor());
    File note = two;
    two.insert(two.end(), note.begin(), note.end());
    EXPECT_TRUE(LayerRejected(Layer(two).build(), "more than one banos layer note"));
    EXPECT_TRUE(LayerRejected(Layer(make_note("banos", NT_BANOS_LAYER, "LAYR", 4)).build(), "shorter than 40"));

    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.magic = 0; }), "bad magic"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.descriptor_size = 36; }), "descriptor_size"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.descriptor_size = 44; }), "descriptor_size"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.window_size = 0; }), "window_size"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.window_size = 0x40100; }), "window_size"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.window_size = 0x2000; }), "do not fit"));

    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.private_offset = 0x10010; }), "private region"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.private_offset = 0x40000; }), "private region"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.private_offset = 0x3f000; }), "private region"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.private_size = 0; }), "private region"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.private_offset = 0; }), "without private_offset"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.kpmap_offset = 0x20800; }), "kpmap"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.kpmap_offset = 0x40000; }), "kpmap"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.upmap_offset = 0x41000; }), "upmap"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.upmap_offset = d.kpmap_offset; }), "overlap"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.private_size = 0x10001; }), "overlap"));
    // The page holding the end of a PT_LOAD counts as taken.
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.kpmap_offset = 0x2000; }), "overlaps a PT_LOAD"));
    EXPECT_TRUE(LayerRejected(layer_with([](LayerDescriptor& d) { d.upmap_offset = 0x1000; }), "overlaps a PT_LOAD"));
}

TEST(ElfImageLayer, MustBeASharedObjectWithoutInterpreter)
{
    Layer exec_layer(layer_note(good_descriptor()));
    exec_layer.type = elf::kTypeExec;
    EXPECT_TRUE(LayerRejected(exec_layer.build(), "not ET_DYN"));

    Layer interp_layer(layer_note(good_descriptor()));
    interp_layer.put(0x2800, kInterp, sizeof(kInterp));
    interp_layer.add(elf::kSegmentInterp, elf::kSegmentRead, 0x2800, 0x2800, sizeof(kInterp), sizeof(kInterp), 1);
    EXPECT_TRUE(LayerRejected(interp_layer.build(), "PT_INTERP"));
}

// exec reads only the head of a program: as many bytes as bytes_to_parse
// asks for, and checks the segments against the file's size.
TEST(ElfImageHead, BytesToParseCoversHeadersNoteAndInterpreter)
{
    Executable exe;
    File file = exe.build();
    EXPECT_EQ(ElfImage::bytes_to_parse(klib::ReadonlyBytes(file.data(), 10)), sizeof(elf::Header));
    uint64_t table_end = sizeof(elf::Header) + exe.segments.size() * sizeof(ProgramHeader);
    EXPECT_EQ(ElfImage::bytes_to_parse(klib::ReadonlyBytes(file.data(), 64)), table_end);
    EXPECT_EQ(ElfImage::bytes_to_parse(bytes(file)), 0x900u + sizeof(kInterp));
}

TEST(ElfImageHead, AHeadParsesLikeTheWholeFile)
{
    Executable exe;
    File file = exe.build();
    size_t head = 0x1000; // exec reads a page, more only if bytes_to_parse asks
    ASSERT_LE(ElfImage::bytes_to_parse(bytes(file)), head);
    auto result = ElfImage::parse(klib::ReadonlyBytes(file.data(), head), file.size());
    ASSERT_FALSE(result.is_error());
    const ElfImage& image = result.value();
    EXPECT_EQ(image.file_size(), file.size());
    EXPECT_EQ(image.file().size(), head);
    EXPECT_TRUE(*image.interpreter() == kInterp);
    EXPECT_EQ(image.program_abi().value_or(0), 2u);
    // The text is past the head: its bytes come from the file, not the image.
    EXPECT_FALSE(image.has_file_bytes(image.program_headers()[exe.text]));
    EXPECT_TRUE(image.has_file_bytes(image.program_headers()[exe.headers]));
}

TEST(ElfImageHead, SegmentsAreCheckedAgainstTheFileSize)
{
    Executable exe;
    exe.segments[exe.data].filesz = 0x2000; // past the 0x3000-byte file
    File file = exe.build();
    size_t head = ElfImage::bytes_to_parse(bytes(file));
    const char* why = nullptr;
    auto result = ElfImage::parse(klib::ReadonlyBytes(file.data(), head), file.size(), &why);
    ASSERT_TRUE(result.is_error());
    EXPECT_STREQ(why, "PT_LOAD extends past the end of the file");
}

TEST(ElfImageHead, AHeadMissingWhatParseReadsIsRefused)
{
    Executable exe;
    File file = exe.build();
    const char* why = nullptr;
    auto result = ElfImage::parse(klib::ReadonlyBytes(file.data(), 0x800), file.size(), &why);
    ASSERT_TRUE(result.is_error());
    EXPECT_STREQ(why, "PT_INTERP extends past the end of the file");
    auto longer = ElfImage::parse(klib::ReadonlyBytes(file.data(), file.size()), file.size() - 1, &why);
    ASSERT_TRUE(longer.is_error());
    EXPECT_EQ(longer.error().code(), ErrorCode::Invalid);
}
