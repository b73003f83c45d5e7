// build_root_file_system and resolve_executable: the boot-time tree.
#include "vfs/root_file_system.h"

#include "vfs_test_support.h"

#include <fstream>
#include <iterator>

namespace vfs_test {
namespace {

class VfsRoot : public VfsFixture {
protected:
    void use(RefPtr<Inode> root)
    {
        root_ = std::move(root);
        root_context_ = { root_, root_, Credentials::root() };
    }
};

TEST_F(VfsRoot, WithoutAnArchive)
{
    auto root = vfs::build_root_file_system(nullptr);
    ASSERT_EQ(error_of(root), kOk);
    use(root.release_value());
    EXPECT_EQ(stat("/tmp").mode, BANOS_S_IFDIR | 01777u);
    EXPECT_EQ(stat("/proc").mode, BANOS_S_IFDIR | 0555u);
    EXPECT_EQ(stat("/dev/null").mode, BANOS_S_IFCHR | 0666u);
    auto null = open("/dev/null", BANOS_O_RDWR);
    EXPECT_EQ(write_text(*null, "x"), 1u);
    auto listing = open("/proc", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { ".", "..", "meminfo", "uptime", "kmsg", "cmdline", "modules", "self" }));
    EXPECT_EQ(cwd_of(context_at("/dev")), "/dev");
}

TEST_F(VfsRoot, FromTheFixtureArchive)
{
    std::ifstream in("sys/tests/fixtures/ustar-sample.tar", std::ios::binary);
    std::vector<unsigned char> image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto archive = fs::UstarArchive::open({ image.data(), image.size() });
    ASSERT_FALSE(archive.is_error());
    auto root = vfs::build_root_file_system(&archive.value());
    ASSERT_EQ(error_of(root), kOk);
    use(root.release_value());
    EXPECT_EQ(read_file("/hello.txt"), "hello, world\n");
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/dev/zero")), kOk);
    // Registering the standard devices twice is harmless.
    vfs::unmount_all();
    auto again = vfs::build_root_file_system(nullptr);
    EXPECT_EQ(error_of(again), kOk);
    vfs::unmount_all();
}

TEST_F(VfsRoot, ExecutablesMustBeRegularAndExecutable)
{
    write_file("/script", "#!", 0644);
    write_file("/prog", "ELF", 0750);
    make_directory("/dir");
    EXPECT_EQ(error_of(vfs::resolve_executable(root_context(), "/script")), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::resolve_executable(root_context(), "/prog")), kOk);
    EXPECT_EQ(error_of(vfs::resolve_executable(root_context(), "/dir")), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::resolve_executable(root_context(), "/none")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::resolve_executable(user_context(1, 1), "/prog")), ErrorCode::AccessDenied);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/prog", 0, 1)), kOk);
    EXPECT_EQ(error_of(vfs::resolve_executable(user_context(1, 1), "/prog")), kOk);
}

} // namespace
} // namespace vfs_test
