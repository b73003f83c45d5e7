// UstarArchive: a fixture made by GNU tar (`tar --format=ustar`), and
// hand-built headers for each way an archive can be broken.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fs/ustar.h"

namespace {

using fs::UstarArchive;
using fs::UstarEntry;
using fs::UstarType;
using klib::ErrorCode;

using Bytes = std::vector<unsigned char>;

// Made with: tar --format=ustar --sort=name --owner=0 --group=0
// --numeric-owner --mtime=@1700000000 -b 1 -C root -cf ustar-sample.tar .
const char* const kFixture = "sys/tests/fixtures/ustar-sample.tar";
constexpr const char* kDeepDirectory = "a_rather_long_directory_name_0123456789/another_long_directory_name_0123456789/"
                                       "third_long_directory_name_0123456789";

klib::ReadonlyBytes view(const Bytes& b) { return { b.data(), b.size() }; }
std::string text(klib::StringView v) { return std::string(v.data(), v.size()); }
std::string text(klib::ReadonlyBytes b) { return std::string(reinterpret_cast<const char*>(b.data()), b.size()); }

Bytes read_fixture()
{
    std::ifstream in(kFixture, std::ios::binary);
    return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A header block in the POSIX layout; fields may be overwritten before seal().
struct Header {
    unsigned char block[512] {};

    Header(const std::string& name, char type = '0', size_t size = 0)
    {
        set(0, 100, name);
        set_octal(100, 8, 0644);
        set_octal(108, 8, 1000);
        set_octal(116, 8, 100);
        set_octal(124, 12, size);
        set_octal(136, 12, 1700000000);
        block[156] = static_cast<unsigned char>(type);
        std::memcpy(block + 257, "ustar\0" "00", 8);
        seal();
    }
    // Copies text into a field (not necessarily NUL-terminated).
    void set(size_t offset, size_t size, const std::string& value)
    {
        std::memset(block + offset, 0, size);
        std::memcpy(block + offset, value.data(), std::min(size, value.size()));
    }
    void set_octal(size_t offset, size_t size, uint64_t value)
    {
        char digits[32];
        std::snprintf(digits, sizeof(digits), "%0*llo", int(size - 1), static_cast<unsigned long long>(value));
        set(offset, size, digits);
    }
    void seal()
    {
        std::memset(block + 148, ' ', 8);
        unsigned sum = 0;
        for (unsigned char c : block)
            sum += c;
        char digits[8];
        std::snprintf(digits, sizeof(digits), "%06o", sum);
        std::memcpy(block + 148, digits, 7); // six digits and a NUL, then the space
    }
};

struct Archive {
    Bytes bytes;
    Archive& add(const Header& header, const std::string& data = "")
    {
        bytes.insert(bytes.end(), header.block, header.block + 512);
        bytes.insert(bytes.end(), data.begin(), data.end());
        bytes.resize((bytes.size() + 511) / 512 * 512);
        return *this;
    }
    Archive& file(const std::string& name, const std::string& data) { return add(Header(name, '0', data.size()), data); }
    Archive& end()
    {
        bytes.resize(bytes.size() + 1024);
        return *this;
    }
};

testing::AssertionResult Rejects(const Bytes& image, const char* part)
{
    const char* why = nullptr;
    auto result = UstarArchive::open(view(image), &why);
    if (!result.is_error())
        return testing::AssertionFailure() << "accepted; expected \"" << part << "\"";
    if (result.error().code() != ErrorCode::Invalid)
        return testing::AssertionFailure() << "error " << result.error().name() << ", not Invalid";
    if (!why || !std::strstr(why, part))
        return testing::AssertionFailure() << "reason \"" << (why ? why : "(none)") << "\", expected \"" << part << "\"";
    return testing::AssertionSuccess();
}

Bytes single(const Header& header, const std::string& data = "") { return Archive().add(header, data).end().bytes; }

} // namespace

TEST(Ustar, FixtureFromGnuTar)
{
    Bytes image = read_fixture();
    ASSERT_FALSE(image.empty()) << "cannot read " << kFixture;
    const char* why = nullptr;
    auto opened = UstarArchive::open(view(image), &why);
    ASSERT_FALSE(opened.is_error()) << why;
    const UstarArchive& archive = opened.value();
    EXPECT_EQ(archive.entry_count(), 12u);

    std::vector<std::string> paths;
    archive.for_each([&](const UstarEntry& entry) { paths.push_back(text(entry.path())); });
    std::string deep = std::string("./") + kDeepDirectory;
    EXPECT_EQ(paths, (std::vector<std::string> {
                         "./",
                         "./a_rather_long_directory_name_0123456789/",
                         "./a_rather_long_directory_name_0123456789/another_long_directory_name_0123456789/",
                         deep + "/",
                         deep + "/file.txt",
                         "./bin/",
                         "./bin/tool",
                         "./etc/",
                         "./etc/big.txt",
                         "./etc/empty",
                         "./hello.txt",
                         "./link",
                     }));

    auto hello = archive.find("/hello.txt");
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->type(), UstarType::Regular);
    EXPECT_EQ(text(hello->data()), "hello, world\n");
    EXPECT_EQ(hello->mode(), 0644u);
    EXPECT_EQ(hello->uid(), 0u);
    EXPECT_EQ(hello->gid(), 0u);
    EXPECT_EQ(hello->mtime(), 1700000000u);

    auto tool = archive.find("bin/tool");
    ASSERT_TRUE(tool);
    EXPECT_EQ(tool->mode(), 0755u);
    EXPECT_EQ(text(tool->data()), "#!/bin/sh\necho tool\n");

    auto big = archive.find("./etc/big.txt");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->mode(), 0640u);
    ASSERT_EQ(big->data().size(), 600u);
    for (size_t i = 0; i < 600; ++i)
        ASSERT_EQ(big->data()[i], static_cast<unsigned char>('a' + i % 26)) << i;

    auto empty = archive.find("/etc/empty");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->data().size(), 0u);

    auto link = archive.find("link");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->type(), UstarType::Symlink);
    EXPECT_EQ(text(link->link_target()), "hello.txt");

    auto bin = archive.find("/bin");
    ASSERT_TRUE(bin);
    EXPECT_EQ(bin->type(), UstarType::Directory);
    EXPECT_EQ(bin->mode(), 0755u);

    auto root = archive.find("/");
    ASSERT_TRUE(root);
    EXPECT_EQ(text(root->path()), "./");

    // A path split over the prefix and name fields.
    std::string deep_file = std::string("/") + kDeepDirectory + "/file.txt";
    auto file = archive.find(deep_file.c_str());
    ASSERT_TRUE(file);
    EXPECT_EQ(text(file->data()), "deep\n");

    EXPECT_FALSE(archive.find("hello"));
    EXPECT_FALSE(archive.find("/bin/tool/x"));
    EXPECT_FALSE(archive.find("/nope"));
}

TEST(Ustar, ForEachStopsWhenCallbackSaysSo)
{
    Bytes image = read_fixture();
    auto opened = UstarArchive::open(view(image));
    ASSERT_FALSE(opened.is_error());
    int seen = 0;
    opened.value().for_each([&](const UstarEntry&) { return ++seen < 3; });
    EXPECT_EQ(seen, 3);
}

TEST(Ustar, Normalize)
{
    auto n = [](const char* p) { return text(UstarArchive::normalize(p)); };
    EXPECT_EQ(n("./a/b"), "a/b");
    EXPECT_EQ(n("/a/b/"), "a/b");
    EXPECT_EQ(n("//./a"), "a");
    EXPECT_EQ(n("././a"), "a");
    EXPECT_EQ(n("./"), "");
    EXPECT_EQ(n("/"), "");
    EXPECT_EQ(n("."), "");
    EXPECT_EQ(n(""), "");
    EXPECT_EQ(n(".hidden"), ".hidden");
    EXPECT_EQ(n("a/./b"), "a/./b"); // only leading forms are dropped
}

TEST(Ustar, HandBuiltArchive)
{
    Header dir("usr/", '5');
    Header link("usr/sh", '2');
    link.set(157, 100, "/bin/sh");
    link.seal();
    Header hard("usr/hard", '1'); // skipped
    Header pax("PaxHeaders/x", 'x', 30); // skipped, data and all
    Bytes image = Archive()
                      .add(dir)
                      .file("usr/a", "first")
                      .add(link)
                      .add(hard)
                      .add(pax, std::string(30, 'p'))
                      .file("usr/a", "second")
                      .end()
                      .bytes;
    auto opened = UstarArchive::open(view(image));
    ASSERT_FALSE(opened.is_error());
    const UstarArchive& archive = opened.value();
    EXPECT_EQ(archive.entry_count(), 4u);
    // The later of two entries with one path wins, as when extracting.
    auto a = archive.find("./usr/a");
    ASSERT_TRUE(a);
    EXPECT_EQ(text(a->data()), "second");
    EXPECT_EQ(a->uid(), 1000u);
    EXPECT_EQ(a->gid(), 100u);
    EXPECT_FALSE(archive.find("usr/hard"));
    auto sh = archive.find("/usr/sh");
    ASSERT_TRUE(sh);
    EXPECT_EQ(text(sh->link_target()), "/bin/sh");
}

TEST(Ustar, EndsAtZeroBlockOrEndOfImage)
{
    EXPECT_FALSE(UstarArchive::open({}).is_error());

    // No end blocks at all, and the last entry's padding cut short.
    Bytes bare = Archive().file("a", "xyz").bytes;
    bare.resize(512 + 3);
    auto opened = UstarArchive::open(view(bare));
    ASSERT_FALSE(opened.is_error());
    EXPECT_EQ(opened.value().entry_count(), 1u);

    // One zero block ends the archive; what follows is not read.
    Bytes one = Archive().file("a", "x").bytes;
    one.resize(one.size() + 512);
    one.resize(one.size() + 512, 0xee);
    auto stopped = UstarArchive::open(view(one));
    ASSERT_FALSE(stopped.is_error());
    EXPECT_EQ(stopped.value().entry_count(), 1u);

    // A short zero tail is padding; a short non-zero one is a cut header.
    Bytes tail = Archive().file("a", "x").bytes;
    tail.resize(tail.size() + 100);
    EXPECT_FALSE(UstarArchive::open(view(tail)).is_error());
    tail.back() = 1;
    EXPECT_TRUE(Rejects(tail, "ends inside a header"));
}

TEST(Ustar, OctalFields)
{
    Header spaced("a");
    spaced.set(100, 8, "   644 ");
    spaced.seal();
    Bytes image = single(spaced);
    auto opened = UstarArchive::open(view(image));
    ASSERT_FALSE(opened.is_error());
    EXPECT_EQ(opened.value().find("a")->mode(), 0644u);

    auto broken = [](size_t offset, size_t size, const std::string& value) {
        Header h("a");
        h.set(offset, size, value);
        h.seal();
        return single(h);
    };
    EXPECT_TRUE(Rejects(broken(124, 12, "0000000001a"), "not octal"));
    EXPECT_TRUE(Rejects(broken(124, 12, "00000000019"), "not octal"));
    EXPECT_TRUE(Rejects(broken(124, 12, "           "), "not octal"));
    EXPECT_TRUE(Rejects(broken(124, 12, ""), "not octal"));
    EXPECT_TRUE(Rejects(broken(124, 12, "12 3"), "not octal"));
    EXPECT_TRUE(Rejects(broken(124, 12, "\x80\0\0\0\0\0\0\0\0\0\0\x01"), "not octal")); // GNU base-256
    EXPECT_TRUE(Rejects(broken(100, 8, "-644"), "not octal"));
    EXPECT_TRUE(Rejects(broken(108, 8, "x"), "not octal"));
    EXPECT_TRUE(Rejects(broken(116, 8, "x"), "not octal"));
    EXPECT_TRUE(Rejects(broken(136, 12, "x"), "not octal"));
}

TEST(Ustar, ChecksumIsVerified)
{
    Header h("a");
    h.block[0] = 'b'; // changed after sealing
    EXPECT_TRUE(Rejects(single(h), "checksum mismatch"));

    Header g("a");
    g.set(148, 8, "abcdef");
    EXPECT_TRUE(Rejects(single(g), "checksum field is not octal"));
}

TEST(Ustar, DataMustBeInsideTheArchive)
{
    Bytes image = Archive().add(Header("a", '0', 1000), "short").bytes; // 512 of 1000 data bytes present
    EXPECT_TRUE(Rejects(image, "past the end"));
    Bytes huge = single(Header("a", '0', 077777777777));
    EXPECT_TRUE(Rejects(huge, "past the end"));
}

TEST(Ustar, NamesMustBeNulTerminated)
{
    Header name(std::string(100, 'n'));
    EXPECT_TRUE(Rejects(single(name), "not NUL-terminated"));
    Header prefix("a");
    prefix.set(345, 155, std::string(155, 'p'));
    prefix.seal();
    EXPECT_TRUE(Rejects(single(prefix), "not NUL-terminated"));
    Header link("a", '2');
    link.set(157, 100, std::string(100, 'l'));
    link.seal();
    EXPECT_TRUE(Rejects(single(link), "not NUL-terminated"));

    // 99 characters and the NUL fit.
    Header longest(std::string(99, 'n'));
    EXPECT_FALSE(UstarArchive::open(view(single(longest))).is_error());
}

TEST(Ustar, RejectsMalformedEntries)
{
    EXPECT_TRUE(Rejects(single(Header("")), "without a name"));
    EXPECT_TRUE(Rejects(single(Header("l", '2')), "symlink without a target"));

    Header gnu("a");
    std::memcpy(gnu.block + 257, "ustar  \0", 8);
    gnu.seal();
    EXPECT_TRUE(Rejects(single(gnu), "magic"));

    Bytes garbage(512, 'g');
    EXPECT_TRUE(Rejects(garbage, "magic"));
}

TEST(Ustar, RejectsDotDot)
{
    for (const char* name : { "..", "../etc/passwd", "a/../b", "a/..", "./../a", "a/../" })
        EXPECT_TRUE(Rejects(single(Header(name)), "\"..\"")) << name;
    Header in_prefix("b");
    in_prefix.set(345, 155, "x/..");
    in_prefix.seal();
    EXPECT_TRUE(Rejects(single(in_prefix), "\"..\""));
    // Skipped entry types are checked too.
    EXPECT_TRUE(Rejects(single(Header("../dev", '3')), "\"..\""));

    for (const char* name : { "...", "..a", "a..", "a/.../b" })
        EXPECT_FALSE(UstarArchive::open(view(single(Header(name)))).is_error()) << name;
}

TEST(Ustar, EveryFailureHasAReason)
{
    Bytes good = read_fixture();
    ASSERT_FALSE(good.empty());
    // Corrupt each byte of the first two headers: no crash, and any failure
    // carries a reason.
    for (size_t i = 0; i < 1024; ++i) {
        for (unsigned char value : { 0x00, 0x20, 0x37, 0xff }) {
            Bytes b = good;
            b[i] = value;
            const char* why = nullptr;
            auto r = UstarArchive::open(view(b), &why);
            if (r.is_error()) {
                EXPECT_NE(why, nullptr) << "byte " << i;
            }
        }
    }
}
