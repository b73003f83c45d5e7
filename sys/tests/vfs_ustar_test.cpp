// tmpfs_from_ustar: the GNU tar fixture, and hand-made archives for
// attributes, missing parents, replaced entries and broken paths.
#include "vfs/tmpfs/ustar_loader.h"

#include "vfs_test_support.h"

#include <cstdio>
#include <fstream>
#include <iterator>

namespace vfs_test {
namespace {

using Bytes = std::vector<unsigned char>;

Bytes read_fixture()
{
    std::ifstream in("sys/tests/fixtures/ustar-sample.tar", std::ios::binary);
    return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One POSIX ustar header block.
struct TarHeader {
    unsigned char block[512] {};

    TarHeader(const std::string& name, char type, size_t size, uint32_t mode, uint32_t uid = 0, uint32_t gid = 0,
              uint64_t mtime = 1700000000, const std::string& link = "")
    {
        set(0, 100, name);
        set_octal(100, 8, mode);
        set_octal(108, 8, uid);
        set_octal(116, 8, gid);
        set_octal(124, 12, size);
        set_octal(136, 12, mtime);
        block[156] = static_cast<unsigned char>(type);
        set(157, 100, link);
        std::memcpy(block + 257, "ustar\0" "00", 8);
        std::memset(block + 148, ' ', 8);
        unsigned sum = 0;
        for (unsigned char c : block)
            sum += c;
        char digits[8];
        std::snprintf(digits, sizeof(digits), "%06o", sum);
        std::memcpy(block + 148, digits, 7);
    }
    void set(size_t offset, size_t size, const std::string& value)
    {
        std::memcpy(block + offset, value.data(), std::min(size, value.size()));
    }
    void set_octal(size_t offset, size_t size, uint64_t value)
    {
        char digits[32];
        std::snprintf(digits, sizeof(digits), "%0*llo", int(size - 1), static_cast<unsigned long long>(value));
        set(offset, size, digits);
    }
};

struct TarBuilder {
    Bytes bytes;
    TarBuilder& add(const TarHeader& header, const std::string& data = "")
    {
        bytes.insert(bytes.end(), header.block, header.block + 512);
        bytes.insert(bytes.end(), data.begin(), data.end());
        bytes.resize((bytes.size() + 511) / 512 * 512);
        return *this;
    }
    TarBuilder& file(const std::string& name, const std::string& data, uint32_t mode = 0644, uint32_t uid = 0,
                     uint32_t gid = 0, uint64_t mtime = 1700000000)
    {
        return add(TarHeader(name, '0', data.size(), mode, uid, gid, mtime), data);
    }
    TarBuilder& directory(const std::string& name, uint32_t mode = 0755, uint64_t mtime = 1700000000,
                          uint32_t uid = 0)
    {
        return add(TarHeader(name, '5', 0, mode, uid, 0, mtime));
    }
    TarBuilder& symlink(const std::string& name, const std::string& target)
    {
        return add(TarHeader(name, '2', 0, 0777, 0, 0, 1700000000, target));
    }
    Bytes finish()
    {
        bytes.resize(bytes.size() + 1024);
        return bytes;
    }
};

class VfsUstar : public VfsFixture {
protected:
    // Loads the archive and makes its tmpfs the root of root_context_.
    Outcome load(const Bytes& image, const vfs::tmpfs::Options& options = {})
    {
        image_ = image;
        auto archive = fs::UstarArchive::open({ image_.data(), image_.size() });
        if (archive.is_error())
            return { archive.error().code() };
        auto loaded = vfs::tmpfs_from_ustar(archive.value(), options);
        if (loaded.is_error())
            return { loaded.error().code() };
        root_ = loaded.release_value();
        root_context_ = { root_, root_, Credentials::root() };
        return { kOk };
    }
    Bytes image_;
};

TEST_F(VfsUstar, FixtureFromGnuTar)
{
    Bytes image = read_fixture();
    ASSERT_FALSE(image.empty());
    ASSERT_EQ(load(image), kOk);
    EXPECT_EQ(read_file("/hello.txt"), "hello, world\n");
    EXPECT_EQ(read_file("/link"), "hello, world\n");
    EXPECT_EQ(read_file("/a_rather_long_directory_name_0123456789/another_long_directory_name_0123456789/"
                        "third_long_directory_name_0123456789/file.txt")
                  .size(),
              5u);
    EXPECT_EQ(read_file("/etc/big.txt").size(), 600u);
    EXPECT_EQ(read_file("/etc/empty"), "");

    auto tool = stat("/bin/tool");
    EXPECT_EQ(tool.mode, BANOS_S_IFREG | 0755u);
    EXPECT_EQ(tool.size, 20);
    EXPECT_EQ(tool.mtime.sec, 1700000000);
    EXPECT_EQ(tool.uid, 0u);
    EXPECT_EQ(stat("/etc/big.txt").mode, BANOS_S_IFREG | 0640u);
    EXPECT_EQ(stat("/etc").mode, BANOS_S_IFDIR | 0755u);
    EXPECT_EQ(stat("/etc").mtime.sec, 1700000000);
    EXPECT_EQ(stat("/").mtime.sec, 1700000000);
    auto link = stat("/link", vfs::FollowLast::No);
    EXPECT_EQ(link.mode, BANOS_S_IFLNK | 0777u);
    EXPECT_EQ(link.size, 9);

    auto listing = open("/", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { ".", "..", "a_rather_long_directory_name_0123456789",
                                                                "bin", "etc", "hello.txt", "link" }));
    // Data pages: tool, big.txt, hello.txt and file.txt take one each.
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 4u);
}

TEST_F(VfsUstar, AttributesAndMissingParents)
{
    auto image = TarBuilder()
                     .file("usr/bin/prog", "#!", 04755, 0, 0, 1234)
                     .file("home/alice/notes", "mine", 0600, 1000, 100, 99)
                     .directory("home/alice/", 0700, 77, 1000)
                     .symlink("bin", "usr/bin")
                     .finish();
    ASSERT_EQ(load(image), kOk);
    EXPECT_EQ(stat("/usr").mode, BANOS_S_IFDIR | 0755u);
    auto prog = stat("/usr/bin/prog");
    EXPECT_EQ(prog.mode, BANOS_S_IFREG | 04755u);
    EXPECT_EQ(prog.mtime.sec, 1234);
    auto notes = stat("/home/alice/notes");
    EXPECT_EQ(notes.uid, 1000u);
    EXPECT_EQ(notes.gid, 100u);
    EXPECT_EQ(notes.mode, BANOS_S_IFREG | 0600u);
    EXPECT_EQ(stat("/home/alice").mode, BANOS_S_IFDIR | 0700u);
    EXPECT_EQ(stat("/home/alice").mtime.sec, 77);
    EXPECT_EQ(read_file("/bin/prog"), "#!");
    EXPECT_EQ(error_of(vfs::open(user_context(1000, 100), "/home/alice/notes", BANOS_O_RDONLY, 0)), kOk);
    EXPECT_EQ(error_of(vfs::open(user_context(1001, 100), "/home/alice/notes", BANOS_O_RDONLY, 0)),
              ErrorCode::AccessDenied);
}

TEST_F(VfsUstar, LaterEntriesReplaceEarlierOnes)
{
    auto image = TarBuilder()
                     .file("etc/motd", "old")
                     .file("etc/motd", "new")
                     .directory("thing")
                     .file("thing", "now a file")
                     .symlink("x", "etc")
                     .directory("x", 0700)
                     .finish();
    ASSERT_EQ(load(image), kOk);
    EXPECT_EQ(read_file("/etc/motd"), "new");
    EXPECT_EQ(read_file("/thing"), "now a file");
    EXPECT_EQ(stat("/x", vfs::FollowLast::No).mode, BANOS_S_IFDIR | 0700u);
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 2u);
}

TEST_F(VfsUstar, PathsThroughFilesAreRefused)
{
    auto image = TarBuilder().file("f", "x").file("f/inside", "y").finish();
    EXPECT_EQ(load(image), ErrorCode::NotDirectory);
}

TEST_F(VfsUstar, RootEntrySetsTheRootAttributes)
{
    auto image = TarBuilder().directory("./", 0711, 555).file("./a", "A").finish();
    ASSERT_EQ(load(image), kOk);
    EXPECT_EQ(stat("/").mode, BANOS_S_IFDIR | 0711u);
    EXPECT_EQ(stat("/").mtime.sec, 555);
    EXPECT_EQ(read_file("/a"), "A");
}

TEST_F(VfsUstar, SpaceLimitIsReported)
{
    vfs::tmpfs::Options options;
    options.max_pages = 1;
    auto image = TarBuilder().file("a", "A").file("b", "B").finish();
    EXPECT_EQ(load(image, options), ErrorCode::NoSpace);
}

TEST_F(VfsUstar, EmptyArchiveGivesAnEmptyRoot)
{
    ASSERT_EQ(load(TarBuilder().finish()), kOk);
    auto listing = open("/", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { ".", ".." }));
}

} // namespace
} // namespace vfs_test
