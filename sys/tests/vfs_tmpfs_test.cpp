// tmpfs through the VFS: files, holes, truncation, unlink while open,
// links, rename and rmdir rules, space limits, timestamps.
#include "vfs_test_support.h"

namespace vfs_test {
namespace {

using vfs::FollowLast;

class VfsTmpfs : public VfsFixture {};

TEST_F(VfsTmpfs, WriteThenReadBack)
{
    write_file("/f", "hello, world");
    EXPECT_EQ(read_file("/f"), "hello, world");
    auto meta = stat("/f");
    EXPECT_EQ(meta.size, 12);
    EXPECT_EQ(meta.mode, BANOS_S_IFREG | 0644u);
    EXPECT_EQ(meta.nlink, 1u);
    EXPECT_EQ(meta.blocks, 8);
    EXPECT_EQ(meta.block_size, 4096);
    EXPECT_EQ(meta.device, root_->file_system().device_id());
}

TEST_F(VfsTmpfs, LargeFilesCrossPagesAndReadInAnyChunks)
{
    std::string big;
    for (int i = 0; i < 20000; ++i)
        big += static_cast<char>('a' + i % 26);
    write_file("/big", big);
    auto description = open("/big", BANOS_O_RDONLY);
    EXPECT_EQ(read_all(*description, 333), big);
    EXPECT_EQ(stat("/big").blocks, 5 * 8);
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 5u);
}

TEST_F(VfsTmpfs, WritingPastTheEndLeavesAHoleOfZeros)
{
    auto description = open("/sparse", BANOS_O_RDWR | BANOS_O_CREAT);
    ASSERT_EQ(error_of(description->seek(3 * 4096 + 10, BANOS_SEEK_SET)), kOk);
    write_text(*description, "end");
    auto meta = stat("/sparse");
    EXPECT_EQ(meta.size, 3 * 4096 + 13);
    EXPECT_EQ(meta.blocks, 8); // only the last page exists
    ASSERT_EQ(error_of(description->seek(0, BANOS_SEEK_SET)), kOk);
    std::string content = read_all(*description);
    ASSERT_EQ(content.size(), 3u * 4096 + 13);
    EXPECT_EQ(content.substr(0, 3 * 4096 + 10), std::string(3 * 4096 + 10, '\0'));
    EXPECT_EQ(content.substr(3 * 4096 + 10), "end");
}

TEST_F(VfsTmpfs, TruncateShrinksAndGrowsWithZeros)
{
    write_file("/t", std::string(5000, 'x'));
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 2u);
    ASSERT_EQ(error_of(vfs::truncate(root_context(), "/t", 10)), kOk);
    EXPECT_EQ(stat("/t").size, 10);
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 1u);
    ASSERT_EQ(error_of(vfs::truncate(root_context(), "/t", 6000)), kOk);
    std::string content = read_file("/t");
    ASSERT_EQ(content.size(), 6000u);
    EXPECT_EQ(content.substr(0, 10), std::string(10, 'x'));
    EXPECT_EQ(content.substr(10), std::string(5990, '\0'));
    ASSERT_EQ(error_of(vfs::truncate(root_context(), "/t", 0)), kOk);
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 0u);
    EXPECT_EQ(error_of(vfs::truncate(root_context(), "/t", -1)), ErrorCode::Invalid);
    make_directory("/d");
    EXPECT_EQ(error_of(vfs::truncate(root_context(), "/d", 0)), ErrorCode::IsDirectory);
}

TEST_F(VfsTmpfs, OpenWithTruncateEmptiesTheFile)
{
    write_file("/t", "some text");
    auto description = open("/t", BANOS_O_WRONLY | BANOS_O_TRUNC);
    EXPECT_EQ(stat("/t").size, 0);
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 0u);
}

TEST_F(VfsTmpfs, UnlinkedFileLivesWhileOpen)
{
    write_file("/doomed", std::string(9000, 'd'));
    uint64_t inodes = Inode::live_count();
    auto description = open("/doomed", BANOS_O_RDWR);
    ASSERT_EQ(error_of(vfs::unlink(root_context(), "/doomed")), kOk);
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/doomed")), ErrorCode::NoEntry);
    EXPECT_EQ(description->stat().value().nlink, 0u);
    EXPECT_EQ(read_all(*description), std::string(9000, 'd'));
    write_text(*description, "more");
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 3u);
    EXPECT_EQ(Inode::live_count(), inodes);
    description = nullptr; // last reference: the inode and its pages go
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 0u);
    EXPECT_EQ(Inode::live_count(), inodes - 1);
}

TEST_F(VfsTmpfs, HardLinksShareTheFile)
{
    write_file("/one", "shared");
    ASSERT_EQ(error_of(vfs::link(root_context(), "/one", root_context(), "/two")), kOk);
    EXPECT_EQ(stat("/one").nlink, 2u);
    EXPECT_EQ(stat("/one").ino, stat("/two").ino);
    write_file("/two", "changed");
    EXPECT_EQ(read_file("/one"), "changed");
    ASSERT_EQ(error_of(vfs::unlink(root_context(), "/one")), kOk);
    EXPECT_EQ(stat("/two").nlink, 1u);
    EXPECT_EQ(read_file("/two"), "changed");

    EXPECT_EQ(error_of(vfs::link(root_context(), "/two", root_context(), "/two")), ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::link(root_context(), "/missing", root_context(), "/three")), ErrorCode::NoEntry);
    make_directory("/dir");
    EXPECT_EQ(error_of(vfs::link(root_context(), "/dir", root_context(), "/dir2")), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::link(root_context(), "/two", root_context(), "/nodir/x")), ErrorCode::NoEntry);
}

TEST_F(VfsTmpfs, LinkingASymlinkLinksTheLinkItself)
{
    write_file("/target", "t");
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/target", "/sym")), kOk);
    ASSERT_EQ(error_of(vfs::link(root_context(), "/sym", root_context(), "/sym2")), kOk);
    EXPECT_EQ(stat("/sym2", FollowLast::No).ino, stat("/sym", FollowLast::No).ino);
    EXPECT_EQ(stat("/target").nlink, 1u);
}

TEST_F(VfsTmpfs, DirectoryLinkCountsFollowSubdirectories)
{
    EXPECT_EQ(stat("/").nlink, 2u);
    make_directory("/a");
    make_directory("/a/b");
    write_file("/a/f", "");
    EXPECT_EQ(stat("/").nlink, 3u);
    EXPECT_EQ(stat("/a").nlink, 3u);
    EXPECT_EQ(stat("/a/b").nlink, 2u);
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/a/b", root_context(), "/b")), kOk);
    EXPECT_EQ(stat("/a").nlink, 2u);
    EXPECT_EQ(stat("/").nlink, 4u);
    ASSERT_EQ(error_of(vfs::rmdir(root_context(), "/b")), kOk);
    EXPECT_EQ(stat("/").nlink, 3u);
}

TEST_F(VfsTmpfs, MkdirAndRmdirRules)
{
    make_directory("/d");
    EXPECT_EQ(stat("/d").mode, BANOS_S_IFDIR | 0755u);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/d", 0755)), ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/d/", 0755)), ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/", 0755)), ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/d/.", 0755)), ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/missing/x", 0755)), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/e/", 0700)), kOk);

    write_file("/d/f", "x");
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/d")), ErrorCode::NotEmpty);
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/d/f")), ErrorCode::NotDirectory);
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/d/.")), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/d/..")), ErrorCode::NotEmpty);
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/")), ErrorCode::Busy);
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/nothing")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::unlink(root_context(), "/d")), ErrorCode::IsDirectory);
    EXPECT_EQ(error_of(vfs::unlink(root_context(), "/d/f/")), ErrorCode::NotDirectory);
    ASSERT_EQ(error_of(vfs::unlink(root_context(), "/d/f")), kOk);
    EXPECT_EQ(error_of(vfs::rmdir(root_context(), "/d/")), kOk);
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/d")), ErrorCode::NoEntry);
}

TEST_F(VfsTmpfs, RemovedWorkingDirectoryAcceptsNothingNew)
{
    make_directory("/gone");
    auto inside = context_at("/gone");
    ASSERT_EQ(error_of(vfs::rmdir(root_context(), "/gone")), kOk);
    EXPECT_EQ(error_of(vfs::open(inside, "new", BANOS_O_CREAT | BANOS_O_WRONLY, 0644)), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::mkdir(inside, "sub", 0755)), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::stat(inside, ".")), kOk);
    EXPECT_EQ(vfs::stat(inside, ".").value().nlink, 0u);
    auto listing = open(inside, ".", BANOS_O_RDONLY);
    EXPECT_TRUE(list_names(*listing).empty());
}

TEST_F(VfsTmpfs, RenameFileOverFileReplacesIt)
{
    write_file("/a", "A");
    write_file("/b", "B");
    auto old_b = open("/b", BANOS_O_RDONLY);
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/a", root_context(), "/b")), kOk);
    EXPECT_EQ(read_file("/b"), "A");
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/a")), ErrorCode::NoEntry);
    EXPECT_EQ(old_b->stat().value().nlink, 0u);
    EXPECT_EQ(read_all(*old_b), "B");
}

TEST_F(VfsTmpfs, RenameDirectoryRules)
{
    make_directory("/d1");
    make_directory("/d2");
    make_directory("/full");
    write_file("/full/x", "");
    write_file("/file", "");
    write_file("/d1/inner", "i");

    EXPECT_EQ(error_of(vfs::rename(root_context(), "/d1", root_context(), "/full")), ErrorCode::NotEmpty);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/d1", root_context(), "/file")), ErrorCode::NotDirectory);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/file", root_context(), "/d2")), ErrorCode::IsDirectory);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/d1", root_context(), "/d1/sub")), ErrorCode::Invalid);
    make_directory("/d1/deeper");
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/d1", root_context(), "/d1/deeper/x")), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/d1/.", root_context(), "/x")), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/d1", root_context(), "/d2/..")), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/", root_context(), "/x")), ErrorCode::Busy);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/file", root_context(), "/newname/")), ErrorCode::NotDirectory);
    EXPECT_EQ(error_of(vfs::rename(root_context(), "/none", root_context(), "/x")), ErrorCode::NoEntry);

    // A directory over an empty directory.
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/d1", root_context(), "/d2")), kOk);
    EXPECT_EQ(read_file("/d2/inner"), "i");
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/d1")), ErrorCode::NoEntry);
    auto in_d2 = context_at("/d2/deeper");
    EXPECT_EQ(cwd_of(in_d2), "/d2/deeper");
}

TEST_F(VfsTmpfs, RenameOntoAnotherNameOfItselfDoesNothing)
{
    write_file("/one", "x");
    ASSERT_EQ(error_of(vfs::link(root_context(), "/one", root_context(), "/two")), kOk);
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/one", root_context(), "/two")), kOk);
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/one")), kOk);
    EXPECT_EQ(stat("/one").nlink, 2u);
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/one", root_context(), "/one")), kOk);
    EXPECT_EQ(read_file("/one"), "x");
}

TEST_F(VfsTmpfs, RenameWithinADirectoryKeepsOtherEntries)
{
    for (int i = 0; i < 10; ++i)
        write_file(("/f" + std::to_string(i)).c_str(), std::to_string(i));
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/f3", root_context(), "/f7")), kOk);
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/f0", root_context(), "/g0")), kOk);
    EXPECT_EQ(read_file("/f7"), "3");
    EXPECT_EQ(read_file("/g0"), "0");
    auto listing = open("/", BANOS_O_RDONLY);
    auto names = list_names(*listing);
    EXPECT_EQ(names, (std::vector<std::string> { ".", "..", "f1", "f2", "f4", "f5", "f6", "f7", "f8", "f9", "g0" }));
}

TEST_F(VfsTmpfs, SpaceLimitGivesPartialWritesThenNoSpace)
{
    vfs::tmpfs::Options options;
    options.max_pages = 2;
    auto small = vfs::tmpfs::create(options).release_value();
    ResolveContext context { small, small, Credentials::root() };
    auto description = open(context, "/f", BANOS_O_WRONLY | BANOS_O_CREAT);
    std::string data(3 * 4096, 'z');
    auto buffer = vfs::KernelBuffer::read_only(data.data(), data.size());
    auto written = description->write(buffer);
    ASSERT_FALSE(written.is_error());
    EXPECT_EQ(written.value(), 2u * 4096);
    EXPECT_EQ(error_of(description->write(buffer)), ErrorCode::NoSpace);
    // Rewriting pages that exist needs no more space.
    EXPECT_EQ(error_of(description->pwrite(buffer, 0)), kOk);
    description = nullptr;
    ASSERT_EQ(error_of(vfs::unlink(context, "/f")), kOk);
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*small), 0u);
}

TEST_F(VfsTmpfs, TimestampsFollowTheClock)
{
    write_file("/f", "x");
    make_directory("/d");
    auto created = stat("/f");
    EXPECT_EQ(created.mtime.sec, 1000);
    EXPECT_EQ(created.ctime.sec, 1000);

    advance_clock(10);
    write_file("/f", "changed");
    EXPECT_EQ(stat("/f").mtime.sec, 1010);
    EXPECT_EQ(stat("/f").atime.sec, 1000);

    advance_clock(10);
    read_file("/f");
    EXPECT_EQ(stat("/f").atime.sec, 1020);
    EXPECT_EQ(stat("/f").mtime.sec, 1010);

    advance_clock(10);
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/f", 0600)), kOk);
    EXPECT_EQ(stat("/f").ctime.sec, 1030);
    EXPECT_EQ(stat("/f").mtime.sec, 1010);

    advance_clock(10);
    write_file("/d/new", "");
    EXPECT_EQ(stat("/d").mtime.sec, 1040);
    advance_clock(10);
    ASSERT_EQ(error_of(vfs::unlink(root_context(), "/d/new")), kOk);
    EXPECT_EQ(stat("/d").mtime.sec, 1050);

    ASSERT_EQ(error_of(vfs::set_times(root_context(), "/f", vfs::TimeChange::set({ 5, 6 }),
                                      vfs::TimeChange::omit())),
              kOk);
    EXPECT_EQ(stat("/f").atime, (vfs::Timestamp { 5, 6 }));
    EXPECT_EQ(stat("/f").mtime.sec, 1010);
    ASSERT_EQ(error_of(vfs::set_times(root_context(), "/f", vfs::TimeChange::now(), vfs::TimeChange::now())), kOk);
    EXPECT_EQ(stat("/f").atime.sec, 1050);
    EXPECT_EQ(stat("/f").mtime.sec, 1050);
}

TEST_F(VfsTmpfs, BirthTimeIsCreationAndNeverChanges)
{
    write_file("/f", "x");
    make_directory("/d");
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "f", "/l")), kOk);
    EXPECT_EQ(stat("/f").btime, (vfs::Timestamp { 1000, 0 }));
    EXPECT_EQ(stat("/d").btime, (vfs::Timestamp { 1000, 0 }));
    EXPECT_EQ(stat("/l", FollowLast::No).btime, (vfs::Timestamp { 1000, 0 }));

    advance_clock(10);
    write_file("/f", "changed");
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/f", 0600)), kOk);
    ASSERT_EQ(error_of(vfs::set_times(root_context(), "/f", vfs::TimeChange::set({ 5, 6 }),
                                      vfs::TimeChange::set({ 7, 8 }))),
              kOk);
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/f", root_context(), "/d/g")), kOk);
    auto moved = stat("/d/g");
    EXPECT_EQ(moved.btime, (vfs::Timestamp { 1000, 0 }));
    EXPECT_EQ(moved.ctime.sec, 1010);

    write_file("/later", "");
    EXPECT_EQ(stat("/later").btime, (vfs::Timestamp { 1010, 0 }));
}

TEST_F(VfsTmpfs, SymlinksReportTheirTarget)
{
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "some/where", "/l")), kOk);
    auto meta = stat("/l", FollowLast::No);
    EXPECT_EQ(meta.mode, BANOS_S_IFLNK | 0777u);
    EXPECT_EQ(meta.size, 10);
    char buffer[64];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    auto length = vfs::readlink(root_context(), "/l", kb);
    ASSERT_FALSE(length.is_error());
    EXPECT_EQ(std::string(buffer, length.value()), "some/where");
    vfs::KernelBuffer short_buffer(buffer, 4);
    EXPECT_EQ(vfs::readlink(root_context(), "/l", short_buffer).value(), 4u);
    write_file("/f", "");
    EXPECT_EQ(error_of(vfs::readlink(root_context(), "/f", kb)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::symlink(root_context(), "", "/empty")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::symlink(root_context(), "x", "/l")), ErrorCode::Exists);
}

TEST_F(VfsTmpfs, CreatingThroughSymlinks)
{
    make_directory("/real");
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/real", "/alias")), kOk);
    write_file("/alias/f", "via alias");
    EXPECT_EQ(read_file("/real/f"), "via alias");
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "/real/f", "/to_f")), kOk);
    auto description = open("/to_f", BANOS_O_WRONLY | BANOS_O_CREAT | BANOS_O_APPEND);
    write_text(*description, "!");
    EXPECT_EQ(read_file("/real/f"), "via alias!");
    EXPECT_EQ(error_of(vfs::open(root_context(), "/to_f", BANOS_O_WRONLY | BANOS_O_CREAT | BANOS_O_EXCL, 0644)),
              ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/to_f", BANOS_O_RDONLY | BANOS_O_NOFOLLOW, 0)), ErrorCode::Loop);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/to_f", BANOS_O_RDONLY | BANOS_O_CREAT | BANOS_O_NOFOLLOW, 0)),
              ErrorCode::Loop);
}

TEST_F(VfsTmpfs, ManyFilesComeAndGoWithoutLeaks)
{
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 200; ++i)
            write_file(("/n" + std::to_string(i)).c_str(), std::string(static_cast<size_t>(i * 37), 'q'));
        for (int i = 0; i < 200; ++i)
            ASSERT_EQ(error_of(vfs::unlink(root_context(), ("/n" + std::to_string(i)).c_str())), kOk);
    }
    EXPECT_EQ(vfs::tmpfs::pages_in_use(*root_), 0u);
}

TEST_F(VfsTmpfs, DroppingTheRootDetachesWhatIsStillOpen)
{
    auto other = vfs::tmpfs::create().release_value();
    ResolveContext context { other, other, Credentials::root() };
    ASSERT_EQ(error_of(vfs::mkdir(context, "/a", 0755)), kOk);
    ASSERT_EQ(error_of(vfs::mkdir(context, "/a/b", 0755)), kOk);
    ASSERT_EQ(error_of(vfs::mkdir(context, "/a/b/c", 0755)), kOk);
    auto file = open(context, "/a/b/c/f", BANOS_O_RDWR | BANOS_O_CREAT);
    write_text(*file, "survivor");
    auto b = vfs::resolve(context, "/a/b").release_value();
    context = {};
    other = nullptr; // the root and /a go; /a/b is held, and holds c and f
    EXPECT_EQ(error_of(b->lookup("..")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(b->lookup("c")), ErrorCode::NoEntry);
    ASSERT_EQ(error_of(file->seek(0, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(read_all(*file), "survivor");
    b = nullptr;
    EXPECT_EQ(read_all(*file), "");
}

TEST_F(VfsTmpfs, UnsupportedNodeTypes)
{
    EXPECT_EQ(error_of(root_->create("fifo", BANOS_S_IFIFO | 0644, {})), ErrorCode::NotSupported);
    EXPECT_EQ(error_of(root_->create("", BANOS_S_IFREG | 0644, {})), ErrorCode::Invalid);
    EXPECT_EQ(error_of(root_->create("a/b", BANOS_S_IFREG | 0644, {})), ErrorCode::Invalid);
    EXPECT_EQ(error_of(root_->create(std::string(256, 'x').c_str(), BANOS_S_IFREG | 0644, {})), ErrorCode::NameTooLong);
}

} // namespace
} // namespace vfs_test
