// Path resolution: absolute and relative paths, ".", "..", slashes,
// symlinks, limits, search permission, mounts, and getcwd (path_of).
#include "vfs_test_support.h"

namespace vfs_test {
namespace {

using vfs::FollowLast;

class VfsPath : public VfsFixture {
protected:
    void SetUp() override
    {
        VfsFixture::SetUp();
        make_directory("/a");
        make_directory("/a/b");
        make_directory("/a/b/c");
        write_file("/a/file", "data");
        write_file("/a/b/c/deep", "deep");
    }

    uint64_t ino_of(const char* path, const ResolveContext* context = nullptr)
    {
        auto inode = vfs::resolve(context ? *context : root_context(), path);
        EXPECT_FALSE(inode.is_error()) << path << ": " << (inode.is_error() ? inode.error().name() : "");
        return inode.is_error() ? 0 : inode.value()->ino();
    }
    Outcome resolve_error(const char* path, const ResolveContext* context = nullptr,
                            FollowLast follow = FollowLast::Yes)
    {
        return error_of(vfs::resolve(context ? *context : root_context(), path, follow));
    }
};

TEST_F(VfsPath, AbsoluteAndRelativePathsMeetTheSameInode)
{
    auto in_a = context_at("/a");
    EXPECT_EQ(ino_of("b/c", &in_a), ino_of("/a/b/c"));
    EXPECT_EQ(ino_of("./b/./c/.", &in_a), ino_of("/a/b/c"));
    EXPECT_EQ(ino_of("/"), root_->ino());
}

TEST_F(VfsPath, RepeatedSlashesCountAsOne)
{
    EXPECT_EQ(ino_of("//a///b//c"), ino_of("/a/b/c"));
    EXPECT_EQ(ino_of("///"), root_->ino());
}

TEST_F(VfsPath, DotDotGoesUpButNeverAboveTheRoot)
{
    EXPECT_EQ(ino_of("/a/b/.."), ino_of("/a"));
    EXPECT_EQ(ino_of("/a/b/c/../../file"), ino_of("/a/file"));
    EXPECT_EQ(ino_of("/.."), root_->ino());
    EXPECT_EQ(ino_of("/../../a"), ino_of("/a"));
    auto in_c = context_at("/a/b/c");
    EXPECT_EQ(ino_of("../../../../..", &in_c), root_->ino());
}

TEST_F(VfsPath, ChangedRootIsAFloor)
{
    auto jail = vfs::resolve(root_context(), "/a").release_value();
    ResolveContext jailed { jail, jail, Credentials::root() };
    EXPECT_EQ(ino_of("/..", &jailed), jail->ino());
    EXPECT_EQ(ino_of("/file", &jailed), ino_of("/a/file"));
    EXPECT_EQ(ino_of("b/../../..", &jailed), jail->ino());
}

TEST_F(VfsPath, TrailingSlashDemandsADirectory)
{
    EXPECT_EQ(ino_of("/a/b/"), ino_of("/a/b"));
    EXPECT_EQ(resolve_error("/a/file/"), ErrorCode::NotDirectory);
    EXPECT_EQ(resolve_error("/a/file//"), ErrorCode::NotDirectory);
}

TEST_F(VfsPath, MissingAndMisusedComponents)
{
    EXPECT_EQ(resolve_error(""), ErrorCode::NoEntry);
    EXPECT_EQ(resolve_error("/nope"), ErrorCode::NoEntry);
    EXPECT_EQ(resolve_error("/nope/more"), ErrorCode::NoEntry);
    EXPECT_EQ(resolve_error("/a/file/x"), ErrorCode::NotDirectory);
    EXPECT_EQ(resolve_error("/a/file/.."), ErrorCode::NotDirectory);
}

TEST_F(VfsPath, NameAndPathLengthLimits)
{
    std::string longest(255, 'n');
    write_file(("/" + longest).c_str(), "x");
    EXPECT_EQ(resolve_error(("/" + longest).c_str()), kOk);
    std::string too_long(256, 'n');
    EXPECT_EQ(resolve_error(("/" + too_long).c_str()), ErrorCode::NameTooLong);
    EXPECT_EQ(error_of(vfs::open(root_context(), ("/" + too_long).c_str(), BANOS_O_CREAT | BANOS_O_WRONLY, 0644)),
              ErrorCode::NameTooLong);

    // 4095 bytes is the longest path; one more is too long.
    std::string path;
    while (path.size() + 2 <= 4095)
        path += "/.";
    path.resize(4095, '/');
    EXPECT_EQ(resolve_error(path.c_str()), kOk);
    path += "/";
    EXPECT_EQ(resolve_error(path.c_str()), ErrorCode::NameTooLong);
}

TEST_F(VfsPath, SearchPermissionIsNeededOnEveryDirectory)
{
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/a/b", 0700)), kOk);
    auto user = user_context(1000, 1000);
    EXPECT_EQ(resolve_error("/a/b/c", &user), ErrorCode::AccessDenied);
    EXPECT_EQ(resolve_error("/a/b", &user), kOk); // naming it needs search on /a only
    EXPECT_EQ(resolve_error("/a/b/c", &root_context_), kOk);
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/a/b", 0766)), kOk);
    EXPECT_EQ(resolve_error("/a/b/c", &user), ErrorCode::AccessDenied); // read is not search
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/a/b", 0711)), kOk);
    EXPECT_EQ(resolve_error("/a/b/c", &user), kOk);
}

TEST_F(VfsPath, SymlinksAreFollowedInTheMiddleAndAtTheEnd)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "a/b", "/rel")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/b/c", "/abs")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "../file", "/a/b/up")), kOk);
    EXPECT_EQ(ino_of("/rel/c/deep"), ino_of("/a/b/c/deep"));
    EXPECT_EQ(ino_of("/abs/deep"), ino_of("/a/b/c/deep"));
    EXPECT_EQ(ino_of("/a/b/up"), ino_of("/a/file"));
    EXPECT_EQ(ino_of("/rel/.."), ino_of("/a"));
    EXPECT_EQ(read_file("/a/b/up"), "data");

    auto link = vfs::resolve(root_context(), "/a/b/up", FollowLast::No);
    ASSERT_FALSE(link.is_error());
    EXPECT_TRUE(link.value()->is_symlink());
    EXPECT_EQ(stat("/a/b/up", FollowLast::No).size, 7);
    EXPECT_EQ(stat("/a/b/up").size, 4);
}

TEST_F(VfsPath, TrailingSlashFollowsAFinalSymlink)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/b", "/to_dir")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/file", "/to_file")), kOk);
    EXPECT_EQ(resolve_error("/to_dir/", nullptr, FollowLast::No), kOk);
    auto through = vfs::resolve(root_context(), "/to_dir/", FollowLast::No);
    EXPECT_TRUE(through.value()->is_directory());
    EXPECT_EQ(resolve_error("/to_file/"), ErrorCode::NotDirectory);
}

TEST_F(VfsPath, DanglingAndLoopingSymlinks)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/missing", "/dangling")), kOk);
    EXPECT_EQ(resolve_error("/dangling"), ErrorCode::NoEntry);
    EXPECT_EQ(resolve_error("/dangling", nullptr, FollowLast::No), kOk);

    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/loop2", "/loop1")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/loop1", "/loop2")), kOk);
    EXPECT_EQ(resolve_error("/loop1"), ErrorCode::Loop);
    EXPECT_EQ(resolve_error("/loop1/x"), ErrorCode::Loop);
}

TEST_F(VfsPath, FortySymlinksAreFineAndFortyOneAreALoop)
{
    // chain_k -> chain_{k-1} -> ... -> chain_0 -> /a/file: following
    // chain_k takes k + 1 steps.
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/file", "/chain_0")), kOk);
    for (int k = 1; k <= 40; ++k) {
        std::string target = "/chain_" + std::to_string(k - 1);
        std::string name = "/chain_" + std::to_string(k);
        ASSERT_EQ(error_of(vfs::symlink(root_context(), target.c_str(), name.c_str())), kOk);
    }
    EXPECT_EQ(resolve_error("/chain_39"), kOk);
    EXPECT_EQ(resolve_error("/chain_40"), ErrorCode::Loop);
}

TEST_F(VfsPath, SymlinkExpansionRespectsThePathLimit)
{
    std::string target(4000, '/');
    target += "a";
    ASSERT_EQ(error_of(vfs::symlink(root_context(), target.c_str(), "/long")), kOk);
    EXPECT_EQ(resolve_error("/long"), kOk);
    std::string path = "/long/" + std::string(200, '/') + "b";
    EXPECT_EQ(resolve_error(path.c_str()), ErrorCode::NameTooLong);
}

TEST_F(VfsPath, ParentResolutionCopiesTheLastName)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/b", "/via")), kOk);
    auto where = vfs::resolve_parent(root_context(), "/via/newname");
    ASSERT_FALSE(where.is_error());
    EXPECT_EQ(text(where.value().name()), "newname");
    EXPECT_EQ(where.value().parent->ino(), ino_of("/a/b"));
    EXPECT_FALSE(where.value().trailing_slash);

    auto dir = vfs::resolve_parent(root_context(), "/a/b/");
    ASSERT_FALSE(dir.is_error());
    EXPECT_EQ(text(dir.value().name()), "b");
    EXPECT_TRUE(dir.value().trailing_slash);

    auto root = vfs::resolve_parent(root_context(), "/");
    ASSERT_FALSE(root.is_error());
    EXPECT_TRUE(root.value().name().is_empty());

    // The final symlink itself is the last component.
    auto link = vfs::resolve_parent(root_context(), "/via");
    EXPECT_EQ(text(link.value().name()), "via");
    EXPECT_EQ(error_of(vfs::resolve_parent(root_context(), "/nope/x")), ErrorCode::NoEntry);
}

TEST_F(VfsPath, MountedFileSystemsAreEnteredAndLeft)
{
    make_directory("/mnt");
    auto other = vfs::tmpfs::create().release_value();
    auto point = vfs::resolve(root_context(), "/mnt").release_value();
    ASSERT_EQ(error_of(vfs::mount(other, point)), kOk);
    EXPECT_EQ(error_of(vfs::mount(other, point)), ErrorCode::Busy);

    write_file("/mnt/inside", "mounted");
    EXPECT_EQ(read_file("/mnt/inside"), "mounted");
    EXPECT_EQ(error_of(other->lookup("inside")), kOk);
    EXPECT_NE(stat("/mnt").device, stat("/").device);
    EXPECT_EQ(ino_of("/mnt/.."), root_->ino());
    EXPECT_EQ(ino_of("/mnt/../a"), ino_of("/a"));

    auto inside = context_at("/mnt");
    EXPECT_EQ(ino_of("..", &inside), root_->ino());
    EXPECT_EQ(cwd_of(inside), "/mnt");

    // Names across the two file systems cannot be linked or renamed.
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/a/file", root_context(), "/mnt/file")), ErrorCode::CrossDevice);
    EXPECT_EQ(error_of(vfs::link(root_context(), "/a/file", root_context(), "/mnt/file")), ErrorCode::CrossDevice);
    // A mount point cannot be removed or renamed.
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/mnt")), ErrorCode::Busy);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/mnt", root_context(), "/mnt2")), ErrorCode::Busy);

    ASSERT_EQ(error_of(vfs::unmount(*point)), kOk);
    EXPECT_EQ(resolve_error("/mnt/inside"), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::unmount(*point)), ErrorCode::Invalid);
}

TEST_F(VfsPath, MountNeedsDirectoriesOfDifferentFileSystems)
{
    auto file = vfs::resolve(root_context(), "/a/file").release_value();
    auto dir = vfs::resolve(root_context(), "/a").release_value();
    auto other = vfs::tmpfs::create().release_value();
    EXPECT_EQ(error_of(vfs::mount(other, file)), ErrorCode::NotDirectory);
    EXPECT_EQ(error_of(vfs::mount(dir, root_)), ErrorCode::Invalid);
}

TEST_F(VfsPath, PathOfADirectory)
{
    EXPECT_EQ(cwd_of(root_context()), "/");
    EXPECT_EQ(cwd_of(context_at("/a/b/c")), "/a/b/c");
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/b", "/via")), kOk);
    EXPECT_EQ(cwd_of(context_at("/via/c")), "/a/b/c");

    auto deep = context_at("/a/b/c");
    char small[6];
    EXPECT_EQ(error_of(vfs::path_of(deep, *deep.cwd, small, sizeof(small))), ErrorCode::OutOfRange);
    char exact[7];
    auto length = vfs::path_of(deep, *deep.cwd, exact, sizeof(exact));
    ASSERT_FALSE(length.is_error());
    EXPECT_EQ(std::string(exact), "/a/b/c");
    char tiny[1];
    EXPECT_EQ(error_of(vfs::path_of(root_context(), *root_, tiny, sizeof(tiny))), ErrorCode::OutOfRange);
}

TEST_F(VfsPath, PathOfFollowsRenamesAndFailsForRemovedDirectories)
{
    auto in_c = context_at("/a/b/c");
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/a/b", root_context(), "/moved")), kOk);
    EXPECT_EQ(cwd_of(in_c), "/moved/c");
    EXPECT_EQ(ino_of("..", &in_c), ino_of("/moved"));

    ASSERT_EQ(error_of(vfs::unlink(root_context(), "/moved/c/deep")), kOk);
    ASSERT_EQ(error_of(vfs::rmdir(root_context(), "/moved/c")), kOk);
    EXPECT_EQ(cwd_of(in_c), "<NoEntry>");
    EXPECT_EQ(ino_of(".", &in_c), in_c.cwd->ino());
    EXPECT_EQ(resolve_error("..", &in_c), ErrorCode::NoEntry);
}

TEST_F(VfsPath, PathOfInsideAChangedRoot)
{
    auto jail = vfs::resolve(root_context(), "/a").release_value();
    auto c = vfs::resolve(root_context(), "/a/b/c").release_value();
    ResolveContext jailed { jail, c, Credentials::root() };
    EXPECT_EQ(cwd_of(jailed), "/b/c");
    // A directory outside the root has no path from it.
    ResolveContext outside { c, jail, Credentials::root() };
    EXPECT_EQ(cwd_of(outside), "<NoEntry>");
}

// Random paths over a small tree with symlinks (including loops and links
// to "..") never crash, and every directory found has a path that leads
// back to it.
TEST_F(VfsPath, RandomPathsResolveConsistently)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "..", "/a/b/up")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a/b", "/a/b/c/jump")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "self", "/a/self")), kOk);
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/a//b/", "/ab")), kOk);
    const char* pieces[] = { "a", "b", "c", "..", ".", "", "up", "jump", "self", "ab", "file", "deep", "zz" };
    uint64_t state = 0x9e3779b97f4a7c15ull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int resolved = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string path = next() % 2 ? "/" : "";
        size_t count = 1 + next() % 8;
        for (size_t i = 0; i < count; ++i) {
            path += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
            if (i + 1 < count || next() % 4 == 0)
                path += "/";
        }
        auto in_c = context_at("/a/b/c");
        auto found = vfs::resolve(in_c, path.c_str(), next() % 2 ? FollowLast::Yes : FollowLast::No);
        if (found.is_error())
            continue;
        ++resolved;
        if (!found.value()->is_directory())
            continue;
        char buffer[512];
        auto length = vfs::path_of(in_c, *found.value(), buffer, sizeof(buffer));
        ASSERT_FALSE(length.is_error()) << path;
        auto back = vfs::resolve(root_context(), buffer);
        ASSERT_FALSE(back.is_error()) << path << " -> " << buffer;
        EXPECT_TRUE(back.value()->is_same(*found.value())) << path << " -> " << buffer;
    }
    EXPECT_GT(resolved, 150);
}

} // namespace
} // namespace vfs_test
