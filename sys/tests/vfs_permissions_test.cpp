// Permission checks by euid/egid: file access classes, the superuser,
// directory write and search, the sticky bit, chmod/chown rules, access()
// with the real ids, set-group-id directories, times.
#include "vfs/permissions.h"

#include "vfs_test_support.h"

namespace vfs_test {
namespace {

using vfs::kMayExecute;
using vfs::kMayRead;
using vfs::kMayWrite;
using vfs::may_access;

constexpr uint32_t kUser = 1000;
constexpr uint32_t kGroup = 100;
constexpr uint32_t kOther = 2000;
constexpr uint32_t kOtherGroup = 200;

TEST(VfsAccess, ClassesAreOwnerThenGroupThenOther)
{
    auto owner = Credentials::user(kUser, kGroup);
    auto member = Credentials::user(kOther, kGroup);
    auto stranger = Credentials::user(kOther, kOtherGroup);
    uint32_t mode = BANOS_S_IFREG | 0640;
    EXPECT_TRUE(may_access(mode, kUser, kGroup, owner, kMayRead | kMayWrite));
    EXPECT_FALSE(may_access(mode, kUser, kGroup, owner, kMayExecute));
    EXPECT_TRUE(may_access(mode, kUser, kGroup, member, kMayRead));
    EXPECT_FALSE(may_access(mode, kUser, kGroup, member, kMayWrite));
    EXPECT_FALSE(may_access(mode, kUser, kGroup, stranger, kMayRead));
    // The owner class applies even when it grants less than "other".
    EXPECT_FALSE(may_access(BANOS_S_IFREG | 0007, kUser, kGroup, owner, kMayRead));
    EXPECT_TRUE(may_access(BANOS_S_IFREG | 0007, kUser, kGroup, stranger, kMayRead | kMayWrite | kMayExecute));
    EXPECT_TRUE(may_access(mode, kUser, kGroup, stranger, 0));
}

TEST(VfsAccess, EffectiveIdsDecide)
{
    Credentials setuid_program { kOther, kOtherGroup, kUser, kGroup };
    EXPECT_TRUE(may_access(BANOS_S_IFREG | 0600, kUser, kGroup, setuid_program, kMayRead));
    Credentials dropped { kUser, kGroup, kOther, kOtherGroup };
    EXPECT_FALSE(may_access(BANOS_S_IFREG | 0600, kUser, kGroup, dropped, kMayRead));
}

TEST(VfsAccess, SuperuserBypassesAllButExecute)
{
    auto root = Credentials::root();
    EXPECT_TRUE(may_access(BANOS_S_IFREG | 0000, kUser, kGroup, root, kMayRead | kMayWrite));
    EXPECT_FALSE(may_access(BANOS_S_IFREG | 0644, kUser, kGroup, root, kMayExecute));
    EXPECT_TRUE(may_access(BANOS_S_IFREG | 0001, kUser, kGroup, root, kMayExecute));
    EXPECT_TRUE(may_access(BANOS_S_IFREG | 0100, kUser, kGroup, root, kMayExecute));
    EXPECT_TRUE(may_access(BANOS_S_IFDIR | 0000, kUser, kGroup, root, kMayExecute | kMayWrite));
}

class VfsPermissions : public VfsFixture {
protected:
    void SetUp() override
    {
        VfsFixture::SetUp();
        make_directory("/home", 0755);
        make_directory("/home/user", 0755);
        ASSERT_EQ(error_of(vfs::chown(root_context(), "/home/user", kUser, kGroup)), kOk);
        make_directory("/tmp", 01777);
        write_file("/secret", "root only", 0600);
        write_file("/public", "everyone", 0644);
    }
    ResolveContext user() const { return user_context(kUser, kGroup); }
    ResolveContext other() const { return user_context(kOther, kOtherGroup); }
    Outcome open_error(const ResolveContext& context, const char* path, uint32_t flags, uint32_t mode = 0644)
    {
        return error_of(vfs::open(context, path, flags, mode));
    }
};

TEST_F(VfsPermissions, OpenChecksTheAccessAsked)
{
    EXPECT_EQ(open_error(user(), "/secret", BANOS_O_RDONLY), ErrorCode::AccessDenied);
    EXPECT_EQ(open_error(user(), "/public", BANOS_O_RDONLY), kOk);
    EXPECT_EQ(open_error(user(), "/public", BANOS_O_WRONLY), ErrorCode::AccessDenied);
    EXPECT_EQ(open_error(user(), "/public", BANOS_O_RDWR), ErrorCode::AccessDenied);
    EXPECT_EQ(open_error(user(), "/public", BANOS_O_RDONLY | BANOS_O_TRUNC), ErrorCode::AccessDenied);
    EXPECT_EQ(open_error(root_context(), "/secret", BANOS_O_RDWR), kOk);
    EXPECT_EQ(read_file("/public"), "everyone");
}

TEST_F(VfsPermissions, CreatingNeedsWriteAndSearchOnTheDirectory)
{
    EXPECT_EQ(open_error(user(), "/new", BANOS_O_CREAT | BANOS_O_WRONLY), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::mkdir(user(), "/newdir", 0755)), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::symlink(user(), "x", "/newlink")), ErrorCode::AccessDenied);
    EXPECT_EQ(open_error(user(), "/home/user/mine", BANOS_O_CREAT | BANOS_O_WRONLY, 0600), kOk);
    auto meta = stat("/home/user/mine");
    EXPECT_EQ(meta.uid, kUser);
    EXPECT_EQ(meta.gid, kGroup);
    EXPECT_EQ(meta.mode, BANOS_S_IFREG | 0600u);

    // Write without search is not enough.
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/home/user", 0622)), kOk);
    EXPECT_EQ(open_error(user(), "/home/user/second", BANOS_O_CREAT | BANOS_O_WRONLY), ErrorCode::AccessDenied);
}

TEST_F(VfsPermissions, TheCreatorMayOpenANewFileWhateverItsMode)
{
    auto description = vfs::open(user(), "/home/user/readonly", BANOS_O_CREAT | BANOS_O_RDWR, 0444);
    ASSERT_FALSE(description.is_error());
    EXPECT_EQ(write_text(*description.value(), "ok"), 2u);
    EXPECT_EQ(open_error(user(), "/home/user/readonly", BANOS_O_WRONLY), ErrorCode::AccessDenied);
}

TEST_F(VfsPermissions, RemovingNeedsWriteOnTheDirectory)
{
    write_file("/home/user/f", "x", 0666);
    EXPECT_EQ(error_of(vfs::unlink(other(), "/home/user/f")), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::rename(other(), "/home/user/f", other(), "/tmp/f")), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::unlink(user(), "/home/user/f")), kOk);
    EXPECT_EQ(error_of(vfs::unlink(user(), "/public")), ErrorCode::AccessDenied);
}

TEST_F(VfsPermissions, StickyDirectoriesProtectOthersFiles)
{
    ASSERT_EQ(error_of(vfs::open(user(), "/tmp/users", BANOS_O_CREAT | BANOS_O_WRONLY, 0666)), kOk);
    ASSERT_EQ(error_of(vfs::open(other(), "/tmp/others", BANOS_O_CREAT | BANOS_O_WRONLY, 0666)), kOk);
    EXPECT_EQ(error_of(vfs::unlink(other(), "/tmp/users")), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::rename(other(), "/tmp/users", other(), "/tmp/stolen")), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::rename(user(), "/tmp/users", user(), "/tmp/others")), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::unlink(user(), "/tmp/users")), kOk);
    EXPECT_EQ(error_of(vfs::unlink(root_context(), "/tmp/others")), kOk);

    // The directory's owner may remove anything in it.
    make_directory("/home/user/shared", 01777);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/home/user/shared", kUser, kGroup)), kOk);
    ASSERT_EQ(error_of(vfs::open(other(), "/home/user/shared/x", BANOS_O_CREAT | BANOS_O_WRONLY, 0666)), kOk);
    EXPECT_EQ(error_of(vfs::unlink(user(), "/home/user/shared/x")), kOk);
}

TEST_F(VfsPermissions, MovingADirectoryToAnotherParentNeedsWriteOnIt)
{
    make_directory("/tmp/locked", 0555);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/tmp/locked", kUser, kGroup)), kOk);
    EXPECT_EQ(error_of(vfs::rename(user(), "/tmp/locked", user(), "/home/user/locked")), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::rename(user(), "/tmp/locked", user(), "/tmp/renamed")), kOk);
}

TEST_F(VfsPermissions, ChmodByOwnerOrSuperuser)
{
    write_file("/home/user/f", "x", 0644);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/home/user/f", kUser, kGroup)), kOk);
    EXPECT_EQ(error_of(vfs::chmod(other(), "/home/user/f", 0777)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::chmod(user(), "/home/user/f", 04755)), kOk);
    EXPECT_EQ(stat("/home/user/f").mode, BANOS_S_IFREG | 04755u);
    EXPECT_EQ(error_of(vfs::chmod(root_context(), "/home/user/f", 0600)), kOk);
    EXPECT_EQ(stat("/home/user/f").mode, BANOS_S_IFREG | 0600u);
    // Outside the file's group the set-group-id bit is dropped.
    ResolveContext elsewhere = user_context(kUser, kOtherGroup);
    EXPECT_EQ(error_of(vfs::chmod(elsewhere, "/home/user/f", 02755)), kOk);
    EXPECT_EQ(stat("/home/user/f").mode, BANOS_S_IFREG | 0755u);
    // Type bits in the argument are ignored.
    EXPECT_EQ(error_of(vfs::chmod(root_context(), "/home/user/f", BANOS_S_IFDIR | 0700)), kOk);
    EXPECT_EQ(stat("/home/user/f").mode, BANOS_S_IFREG | 0700u);
}

TEST_F(VfsPermissions, ChownRules)
{
    write_file("/home/user/f", "x", 06755);
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/home/user/f", 06755)), kOk);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/home/user/f", kUser, kGroup)), kOk);
    auto meta = stat("/home/user/f");
    EXPECT_EQ(meta.uid, kUser);
    EXPECT_EQ(meta.gid, kGroup);
    EXPECT_EQ(meta.mode, BANOS_S_IFREG | 0755u); // set-id bits cleared by chown

    EXPECT_EQ(error_of(vfs::chown(user(), "/home/user/f", kOther, vfs::kIdUnchanged)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::chown(user(), "/home/user/f", vfs::kIdUnchanged, kOtherGroup)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::chown(other(), "/home/user/f", vfs::kIdUnchanged, kOtherGroup)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::chown(user(), "/home/user/f", kUser, kGroup)), kOk);
    ResolveContext switched = user_context(kUser, kOtherGroup);
    EXPECT_EQ(error_of(vfs::chown(switched, "/home/user/f", vfs::kIdUnchanged, kOtherGroup)), kOk);
    EXPECT_EQ(stat("/home/user/f").gid, kOtherGroup);
    EXPECT_EQ(error_of(vfs::chown(root_context(), "/home/user/f", 7, vfs::kIdUnchanged)), kOk);
    EXPECT_EQ(stat("/home/user/f").uid, 7u);
    EXPECT_EQ(stat("/home/user/f").gid, kOtherGroup);
}

TEST_F(VfsPermissions, LchownChangesTheLinkItself)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/public", "/link")), kOk);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/link", kUser, kGroup, vfs::FollowLast::No)), kOk);
    EXPECT_EQ(stat("/link", vfs::FollowLast::No).uid, kUser);
    EXPECT_EQ(stat("/public").uid, 0u);
}

TEST_F(VfsPermissions, AccessUsesTheRealIds)
{
    Credentials setuid_root { kUser, kGroup, 0, 0 };
    ResolveContext context { root_, root_, setuid_root };
    EXPECT_EQ(error_of(vfs::access(context, "/secret", BANOS_R_OK)), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::access(context, "/public", BANOS_R_OK)), kOk);
    EXPECT_EQ(error_of(vfs::access(context, "/public", BANOS_W_OK)), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::access(context, "/secret", BANOS_F_OK)), kOk);
    EXPECT_EQ(error_of(vfs::access(context, "/missing", BANOS_F_OK)), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::access(context, "/public", 8)), ErrorCode::Invalid);
    // ... while opening uses the effective ones.
    EXPECT_EQ(open_error(context, "/secret", BANOS_O_RDONLY), kOk);
    EXPECT_EQ(error_of(vfs::access(root_context(), "/public", BANOS_X_OK)), ErrorCode::AccessDenied);
}

TEST_F(VfsPermissions, SetGroupIdDirectoriesPassTheirGroupOn)
{
    make_directory("/team", 02777);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/team", 0, 55)), kOk);
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/team", 02777)), kOk);
    ASSERT_EQ(error_of(vfs::open(user(), "/team/f", BANOS_O_CREAT | BANOS_O_WRONLY, 0644)), kOk);
    EXPECT_EQ(stat("/team/f").gid, 55u);
    EXPECT_EQ(stat("/team/f").uid, kUser);
    ASSERT_EQ(error_of(vfs::mkdir(user(), "/team/sub", 0755)), kOk);
    EXPECT_EQ(stat("/team/sub").gid, 55u);
    EXPECT_EQ(stat("/team/sub").mode, BANOS_S_IFDIR | 02755u);
}

TEST_F(VfsPermissions, SettingTimes)
{
    write_file("/home/user/f", "x", 0666);
    using vfs::TimeChange;
    EXPECT_EQ(error_of(vfs::set_times(other(), "/home/user/f", TimeChange::set({ 1, 0 }), TimeChange::omit())),
              ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::set_times(other(), "/home/user/f", TimeChange::now(), TimeChange::now())), kOk);
    EXPECT_EQ(error_of(vfs::set_times(other(), "/public", TimeChange::now(), TimeChange::now())),
              ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::set_times(other(), "/public", TimeChange::omit(), TimeChange::omit())), kOk);
}

TEST_F(VfsPermissions, ChdirNeedsSearchPermission)
{
    make_directory("/closed", 0700);
    EXPECT_EQ(error_of(vfs::open_directory(user(), "/closed")), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::open_directory(user(), "/public")), ErrorCode::NotDirectory);
    EXPECT_EQ(error_of(vfs::open_directory(user(), "/home/user")), kOk);
    EXPECT_EQ(error_of(vfs::open_directory(root_context(), "/closed")), kOk);
}

TEST_F(VfsPermissions, DescriptionsKeepTheAccessTheyWereOpenedWith)
{
    auto description = vfs::open(user(), "/public", BANOS_O_RDONLY, 0).release_value();
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/public", 0600)), kOk);
    EXPECT_EQ(read_all(*description), "everyone");
}

} // namespace
} // namespace vfs_test
