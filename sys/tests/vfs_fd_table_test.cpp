// FileDescriptorTable: lowest-free allocation, bad descriptors, the limit,
// dup/dup2/dup3/F_DUPFD, close-on-exec, fork's clone, and release of the
// descriptions.
#include "vfs/file_descriptor_table.h"

#include "vfs_test_support.h"

namespace vfs_test {
namespace {

using vfs::FileDescriptorTable;

// A File that counts live instances, so tests see when a description dies.
class CountedFile final : public vfs::File {
public:
    static inline int live = 0;
    CountedFile() { ++live; }
    ~CountedFile() override { --live; }
    klib::ErrorOr<size_t> read(FileDescription&, uint64_t, vfs::IoBuffer&, size_t) override { return 0; }
    klib::ErrorOr<size_t> write(FileDescription&, uint64_t, vfs::IoBuffer&, size_t count) override { return count; }
};

RefPtr<FileDescription> make_description()
{
    auto file = klib::try_make<CountedFile>().release_value();
    return FileDescription::create(nullptr, klib::OwnPtr<vfs::File>(std::move(file)), BANOS_O_RDWR).release_value();
}

class VfsFdTable : public testing::Test {
protected:
    void TearDown() override
    {
        table.close_all();
        EXPECT_EQ(CountedFile::live, 0);
    }
    FileDescriptorTable table;
};

TEST_F(VfsFdTable, AllocatesTheLowestFreeDescriptor)
{
    EXPECT_EQ(table.allocate(make_description()).value(), 0);
    EXPECT_EQ(table.allocate(make_description()).value(), 1);
    EXPECT_EQ(table.allocate(make_description()).value(), 2);
    ASSERT_EQ(error_of(table.close(1)), kOk);
    EXPECT_EQ(table.allocate(make_description()).value(), 1);
    EXPECT_EQ(table.allocate(make_description()).value(), 3);
    EXPECT_EQ(table.allocate(make_description(), false, 10).value(), 10);
    EXPECT_EQ(table.allocate(make_description(), false, 10).value(), 11);
    EXPECT_EQ(table.open_count(), 6);
    EXPECT_EQ(error_of(table.allocate(nullptr)), ErrorCode::Invalid);
}

TEST_F(VfsFdTable, BadDescriptors)
{
    ASSERT_EQ(table.allocate(make_description()).value(), 0);
    for (int fd : { -1, 1, 5, 1023, 1024, 1 << 30 }) {
        EXPECT_EQ(error_of(table.get(fd)), ErrorCode::BadDescriptor) << fd;
        EXPECT_EQ(error_of(table.close(fd)), ErrorCode::BadDescriptor) << fd;
        EXPECT_EQ(error_of(table.dup(fd)), ErrorCode::BadDescriptor) << fd;
        EXPECT_EQ(error_of(table.close_on_exec(fd)), ErrorCode::BadDescriptor) << fd;
        EXPECT_EQ(error_of(table.set_close_on_exec(fd, true)), ErrorCode::BadDescriptor) << fd;
        EXPECT_EQ(error_of(table.dup2(fd, 3)), ErrorCode::BadDescriptor) << fd;
        EXPECT_EQ(error_of(table.dup2(fd, fd)), ErrorCode::BadDescriptor) << fd;
    }
    EXPECT_EQ(error_of(table.dup2(0, -1)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(table.dup2(0, 1024)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(table.dup3(0, 1024, 0)), ErrorCode::BadDescriptor);
    ASSERT_EQ(error_of(table.close(0)), kOk);
    EXPECT_EQ(error_of(table.close(0)), ErrorCode::BadDescriptor);
}

TEST_F(VfsFdTable, FullTableGivesTooManyOpenFiles)
{
    auto shared = make_description();
    for (int i = 0; i < FileDescriptorTable::kMaxDescriptors; ++i)
        ASSERT_EQ(table.allocate(shared).value(), i);
    EXPECT_EQ(error_of(table.allocate(shared)), ErrorCode::TooManyOpenFiles);
    EXPECT_EQ(error_of(table.dup(0)), ErrorCode::TooManyOpenFiles);
    EXPECT_EQ(table.dup2(0, 1023).value(), 1023);
    ASSERT_EQ(error_of(table.close(500)), kOk);
    EXPECT_EQ(table.dup(7).value(), 500);
    EXPECT_EQ(shared->ref_count(), 1u + 1024u);
}

TEST_F(VfsFdTable, DupSharesTheDescription)
{
    auto description = make_description();
    ASSERT_EQ(table.allocate(description, true).value(), 0);
    int copy = table.dup(0).value();
    EXPECT_EQ(copy, 1);
    EXPECT_EQ(table.get(1).value().get(), description.get());
    EXPECT_FALSE(table.close_on_exec(1).value()); // dup clears close-on-exec
    EXPECT_TRUE(table.close_on_exec(0).value());
    // The position is shared too.
    ASSERT_EQ(error_of(table.get(0).value()->seek(0, BANOS_SEEK_SET)), ErrorCode::IllegalSeek);
}

TEST_F(VfsFdTable, Dup2Rules)
{
    auto first = make_description();
    auto second = make_description();
    ASSERT_EQ(table.allocate(first).value(), 0);
    ASSERT_EQ(table.allocate(second, true).value(), 1);
    EXPECT_EQ(table.dup2(0, 0).value(), 0);
    EXPECT_EQ(table.get(0).value().get(), first.get());

    second = nullptr;
    EXPECT_EQ(CountedFile::live, 2);
    EXPECT_EQ(table.dup2(0, 1).value(), 1); // closes what 1 held
    EXPECT_EQ(CountedFile::live, 1);
    EXPECT_EQ(table.get(1).value().get(), first.get());
    EXPECT_FALSE(table.close_on_exec(1).value());

    EXPECT_EQ(table.dup2(0, 700).value(), 700);
    EXPECT_EQ(table.get(700).value().get(), first.get());
    EXPECT_EQ(table.allocate(make_description()).value(), 2); // lowest free is still 2
}

TEST_F(VfsFdTable, Dup3Rules)
{
    ASSERT_EQ(table.allocate(make_description()).value(), 0);
    EXPECT_EQ(error_of(table.dup3(0, 0, 0)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(table.dup3(0, 4, 0x1234)), ErrorCode::Invalid);
    EXPECT_EQ(table.dup3(0, 4, BANOS_O_CLOEXEC).value(), 4);
    EXPECT_TRUE(table.close_on_exec(4).value());
    EXPECT_EQ(table.dup3(0, 4, 0).value(), 4);
    EXPECT_FALSE(table.close_on_exec(4).value());
}

TEST_F(VfsFdTable, DupWithAMinimum)
{
    ASSERT_EQ(table.allocate(make_description()).value(), 0);
    EXPECT_EQ(table.dup_minimum(0, 5, false).value(), 5);
    EXPECT_EQ(table.dup_minimum(0, 5, true).value(), 6);
    EXPECT_TRUE(table.close_on_exec(6).value());
    EXPECT_EQ(table.dup_minimum(0, 0, false).value(), 1);
    EXPECT_EQ(error_of(table.dup_minimum(0, -1, false)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(table.dup_minimum(0, 1024, false)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(table.dup_minimum(9, 0, false)), ErrorCode::BadDescriptor);
    EXPECT_EQ(table.dup_minimum(0, 1023, false).value(), 1023);
    EXPECT_EQ(error_of(table.dup_minimum(0, 1023, false)), ErrorCode::TooManyOpenFiles);
}

TEST_F(VfsFdTable, CloseOnExecClosesOnlyMarkedDescriptors)
{
    for (int i = 0; i < 200; ++i)
        ASSERT_EQ(table.allocate(make_description(), i % 3 == 0).value(), i);
    ASSERT_EQ(error_of(table.set_close_on_exec(1, true)), kOk);
    ASSERT_EQ(error_of(table.set_close_on_exec(3, false)), kOk);
    table.close_marked_on_exec();
    EXPECT_EQ(error_of(table.get(0)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(table.get(1)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(table.get(2)), kOk);
    EXPECT_EQ(error_of(table.get(3)), kOk);
    EXPECT_EQ(error_of(table.get(199)), kOk);
    EXPECT_EQ(error_of(table.get(198)), ErrorCode::BadDescriptor);
    int expected = 200 - 67 - 1 + 1;
    EXPECT_EQ(table.open_count(), expected);
    EXPECT_EQ(CountedFile::live, expected);
    EXPECT_EQ(table.allocate(make_description()).value(), 0);
}

TEST_F(VfsFdTable, CloneSharesDescriptionsButNotSlots)
{
    auto description = make_description();
    ASSERT_EQ(table.allocate(description).value(), 0);
    ASSERT_EQ(table.allocate(make_description(), true).value(), 1);
    ASSERT_EQ(table.dup2(0, 100).value(), 100);
    auto child = table.clone().release_value();
    EXPECT_EQ(child->open_count(), 3);
    EXPECT_EQ(child->get(0).value().get(), description.get());
    EXPECT_EQ(child->get(100).value().get(), description.get());
    EXPECT_TRUE(child->close_on_exec(1).value());
    ASSERT_EQ(error_of(child->close(0)), kOk);
    EXPECT_EQ(error_of(table.get(0)), kOk);
    EXPECT_EQ(child->allocate(make_description()).value(), 0);
    EXPECT_NE(child->get(0).value().get(), table.get(0).value().get());
    child = nullptr; // the child's exit
    EXPECT_EQ(CountedFile::live, 2);
}

TEST_F(VfsFdTable, CloseAllReleasesEverything)
{
    for (int i = 0; i < 70; ++i)
        ASSERT_EQ(table.allocate(make_description()).value(), i);
    EXPECT_EQ(CountedFile::live, 70);
    table.close_all();
    EXPECT_EQ(CountedFile::live, 0);
    EXPECT_EQ(table.open_count(), 0);
    EXPECT_EQ(table.allocate(make_description()).value(), 0);
}

TEST(VfsFdTableLifetime, DestroyingTheTableClosesItsDescriptors)
{
    {
        FileDescriptorTable table;
        ASSERT_EQ(table.allocate(make_description()).value(), 0);
        ASSERT_EQ(table.dup(0).value(), 1);
        EXPECT_EQ(CountedFile::live, 1);
    }
    EXPECT_EQ(CountedFile::live, 0);
}

} // namespace
} // namespace vfs_test
