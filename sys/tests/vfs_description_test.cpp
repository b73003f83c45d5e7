// Open file descriptions: positions, O_APPEND, pread/pwrite, lseek, access
// modes, flags, stat, ioctl, ftruncate, non-seekable files, and partial
// transfers when the caller's buffer faults.
#include "vfs_test_support.h"

namespace vfs_test {
namespace {

class VfsDescription : public VfsFixture {};

std::string pread_text(FileDescription& description, size_t count, int64_t offset)
{
    std::string out(count, '\0');
    vfs::KernelBuffer kb(out.data(), out.size());
    auto n = description.pread(kb, offset);
    if (n.is_error())
        return std::string("<") + n.error().name() + ">";
    out.resize(n.value());
    return out;
}

TEST_F(VfsDescription, ReadsAndWritesAdvanceThePosition)
{
    auto description = open("/f", BANOS_O_RDWR | BANOS_O_CREAT);
    EXPECT_EQ(write_text(*description, "abcdef"), 6u);
    EXPECT_EQ(description->position(), 6);
    EXPECT_EQ(description->seek(2, BANOS_SEEK_SET).value(), 2);
    char two[2];
    vfs::KernelBuffer kb(two, 2);
    EXPECT_EQ(description->read(kb).value(), 2u);
    EXPECT_EQ(std::string(two, 2), "cd");
    EXPECT_EQ(description->position(), 4);
    EXPECT_EQ(read_all(*description), "ef");
    EXPECT_EQ(read_all(*description), "");
}

TEST_F(VfsDescription, DescriptionsHaveTheirOwnPositions)
{
    write_file("/f", "0123456789");
    auto first = open("/f", BANOS_O_RDONLY);
    auto second = open("/f", BANOS_O_RDONLY);
    ASSERT_EQ(error_of(first->seek(5, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(read_all(*second), "0123456789");
    EXPECT_EQ(read_all(*first), "56789");
}

TEST_F(VfsDescription, AppendAlwaysWritesAtTheEnd)
{
    write_file("/log", "one\n");
    auto appender = open("/log", BANOS_O_WRONLY | BANOS_O_APPEND);
    auto other = open("/log", BANOS_O_WRONLY);
    write_text(*other, "ONE\n");
    ASSERT_EQ(error_of(appender->seek(0, BANOS_SEEK_SET)), kOk);
    write_text(*appender, "two\n");
    EXPECT_EQ(appender->position(), 8);
    EXPECT_EQ(read_file("/log"), "ONE\ntwo\n");
    // pwrite ignores O_APPEND, as POSIX says.
    auto data = vfs::KernelBuffer::read_only("X", 1);
    ASSERT_EQ(error_of(appender->pwrite(data, 0)), kOk);
    EXPECT_EQ(read_file("/log"), "XNE\ntwo\n");
}

TEST_F(VfsDescription, PreadAndPwriteLeaveThePositionAlone)
{
    auto description = open("/f", BANOS_O_RDWR | BANOS_O_CREAT);
    write_text(*description, "hello world");
    EXPECT_EQ(pread_text(*description, 5, 6), "world");
    EXPECT_EQ(pread_text(*description, 100, 6), "world");
    EXPECT_EQ(pread_text(*description, 5, 50), "");
    EXPECT_EQ(pread_text(*description, 5, -1), "<Invalid>");
    auto data = vfs::KernelBuffer::read_only("J", 1);
    EXPECT_EQ(description->pwrite(data, 0).value(), 1u);
    EXPECT_EQ(error_of(description->pwrite(data, -5)), ErrorCode::Invalid);
    EXPECT_EQ(description->position(), 11);
    EXPECT_EQ(read_file("/f"), "Jello world");
}

TEST_F(VfsDescription, SeekingRules)
{
    write_file("/f", "0123456789");
    auto description = open("/f", BANOS_O_RDONLY);
    EXPECT_EQ(description->seek(3, BANOS_SEEK_SET).value(), 3);
    EXPECT_EQ(description->seek(4, BANOS_SEEK_CUR).value(), 7);
    EXPECT_EQ(description->seek(-2, BANOS_SEEK_CUR).value(), 5);
    EXPECT_EQ(description->seek(0, BANOS_SEEK_END).value(), 10);
    EXPECT_EQ(description->seek(-10, BANOS_SEEK_END).value(), 0);
    EXPECT_EQ(description->seek(100, BANOS_SEEK_END).value(), 110);
    EXPECT_EQ(error_of(description->seek(-11, BANOS_SEEK_END)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(description->seek(-1, BANOS_SEEK_SET)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(description->seek(0, 3)), ErrorCode::Invalid);
    EXPECT_EQ(description->position(), 110);
    ASSERT_EQ(error_of(description->seek(INT64_MAX, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(error_of(description->seek(1, BANOS_SEEK_CUR)), ErrorCode::Overflow);
    EXPECT_EQ(description->position(), INT64_MAX);
    EXPECT_EQ(read_all(*description), "");
}

TEST_F(VfsDescription, WritingAtTheLargestOffsetIsTooBig)
{
    auto description = open("/f", BANOS_O_RDWR | BANOS_O_CREAT);
    auto data = vfs::KernelBuffer::read_only("xy", 2);
    EXPECT_EQ(error_of(description->pwrite(data, INT64_MAX)), ErrorCode::FileTooBig);
    EXPECT_EQ(description->pwrite(data, INT64_MAX - 1).value(), 1u);
    EXPECT_EQ(description->stat().value().size, INT64_MAX);
}

TEST_F(VfsDescription, AccessModeGatesReadingAndWriting)
{
    write_file("/f", "data");
    auto reader = open("/f", BANOS_O_RDONLY);
    auto writer = open("/f", BANOS_O_WRONLY);
    char buffer[8];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    EXPECT_EQ(error_of(reader->write(kb)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(reader->pwrite(kb, 0)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(writer->read(kb)), ErrorCode::BadDescriptor);
    EXPECT_EQ(error_of(writer->pread(kb, 0)), ErrorCode::BadDescriptor);
    EXPECT_TRUE(reader->is_readable());
    EXPECT_FALSE(reader->is_writable());
    EXPECT_EQ(error_of(vfs::open(root_context(), "/f", 3, 0)), ErrorCode::Invalid);
}

TEST_F(VfsDescription, DirectoriesOpenOnlyForReadingAndAreNotReadAsFiles)
{
    make_directory("/d");
    EXPECT_EQ(error_of(vfs::open(root_context(), "/d", BANOS_O_WRONLY, 0)), ErrorCode::IsDirectory);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/d", BANOS_O_RDWR, 0)), ErrorCode::IsDirectory);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/d", BANOS_O_RDONLY | BANOS_O_CREAT, 0644)), ErrorCode::IsDirectory);
    auto directory = open("/d", BANOS_O_RDONLY | BANOS_O_DIRECTORY);
    char buffer[8];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    EXPECT_EQ(error_of(directory->read(kb)), ErrorCode::IsDirectory);
    write_file("/f", "");
    EXPECT_EQ(error_of(vfs::open(root_context(), "/f", BANOS_O_RDONLY | BANOS_O_DIRECTORY, 0)),
              ErrorCode::NotDirectory);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/new/", BANOS_O_WRONLY | BANOS_O_CREAT, 0644)),
              ErrorCode::IsDirectory);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/new", BANOS_O_RDONLY | BANOS_O_CREAT | BANOS_O_DIRECTORY, 0644)),
              ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/new")), ErrorCode::NoEntry);
}

TEST_F(VfsDescription, StatusFlags)
{
    auto description = open("/f", BANOS_O_RDWR | BANOS_O_CREAT | BANOS_O_NONBLOCK | BANOS_O_CLOEXEC);
    EXPECT_EQ(description->flags(), static_cast<uint32_t>(BANOS_O_RDWR | BANOS_O_NONBLOCK));
    EXPECT_TRUE(description->is_nonblocking());
    description->set_flags(BANOS_O_APPEND | BANOS_O_WRONLY | BANOS_O_TRUNC);
    EXPECT_EQ(description->flags(), static_cast<uint32_t>(BANOS_O_RDWR | BANOS_O_APPEND));
    EXPECT_FALSE(description->is_nonblocking());
}

TEST_F(VfsDescription, StatIoctlAndTruncate)
{
    write_file("/f", "0123456789");
    auto description = open("/f", BANOS_O_RDWR);
    auto meta = description->stat().value();
    EXPECT_EQ(meta.size, 10);
    EXPECT_EQ(meta.ino, stat("/f").ino);
    EXPECT_EQ(error_of(description->ioctl(BANOS_TCGETS, 0)), ErrorCode::NotTerminal);
    ASSERT_EQ(error_of(description->truncate(4)), kOk);
    EXPECT_EQ(read_file("/f"), "0123");
    EXPECT_EQ(error_of(description->truncate(-1)), ErrorCode::Invalid);
    auto reader = open("/f", BANOS_O_RDONLY);
    EXPECT_EQ(error_of(reader->truncate(0)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(description->getdents(*std::make_unique<vfs::KernelBuffer>(nullptr, 0))),
              ErrorCode::NotDirectory);
}

// A pipe-like File without an inode: not seekable, describes itself.
class StreamFile final : public vfs::File {
public:
    static inline int live = 0;
    StreamFile() { ++live; }
    ~StreamFile() override { --live; }
    klib::ErrorOr<size_t> read(FileDescription&, uint64_t offset, vfs::IoBuffer& buffer, size_t count) override
    {
        last_offset = offset;
        std::string text = "stream";
        size_t n = std::min(count, text.size());
        TRY(buffer.write_to(0, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(text.data()), n)));
        return n;
    }
    klib::ErrorOr<size_t> write(FileDescription& description, uint64_t, vfs::IoBuffer&, size_t count) override
    {
        if (description.is_nonblocking())
            return ErrorCode::TryAgain;
        return count;
    }
    klib::ErrorOr<int64_t> ioctl(FileDescription&, uint32_t request, uint64_t argument) override
    {
        return static_cast<int64_t>(request + argument);
    }
    klib::ErrorOr<vfs::Metadata> stat() const override
    {
        vfs::Metadata m;
        m.mode = BANOS_S_IFIFO | 0600;
        return m;
    }
    uint64_t last_offset { 99 };
};

TEST_F(VfsDescription, FilesWithoutAnInode)
{
    {
        auto file = klib::try_make<StreamFile>().release_value();
        StreamFile* raw = file.get();
        auto description
            = FileDescription::create(nullptr, klib::OwnPtr<vfs::File>(std::move(file)), BANOS_O_RDWR).release_value();
        EXPECT_EQ(StreamFile::live, 1);
        EXPECT_EQ(description->inode(), nullptr);
        EXPECT_EQ(error_of(description->seek(0, BANOS_SEEK_SET)), ErrorCode::IllegalSeek);
        char buffer[16];
        vfs::KernelBuffer kb(buffer, sizeof(buffer));
        EXPECT_EQ(error_of(description->pread(kb, 0)), ErrorCode::IllegalSeek);
        EXPECT_EQ(error_of(description->pwrite(kb, 0)), ErrorCode::IllegalSeek);
        EXPECT_EQ(description->read(kb).value(), 6u);
        EXPECT_EQ(raw->last_offset, 0u);
        EXPECT_EQ(description->position(), 0);
        EXPECT_EQ(description->write(kb).value(), 16u);
        description->set_flags(BANOS_O_NONBLOCK);
        EXPECT_EQ(error_of(description->write(kb)), ErrorCode::TryAgain);
        EXPECT_EQ(description->ioctl(5, 10).value(), 15);
        EXPECT_EQ(description->stat().value().mode, BANOS_S_IFIFO | 0600u);
        EXPECT_EQ(error_of(description->truncate(0)), ErrorCode::Invalid);
        EXPECT_EQ(error_of(description->getdents(kb)), ErrorCode::NotDirectory);
    }
    EXPECT_EQ(StreamFile::live, 0);
    EXPECT_EQ(error_of(FileDescription::create(nullptr, nullptr, BANOS_O_RDONLY)), ErrorCode::Invalid);
}

TEST_F(VfsDescription, FaultMidReadReturnsTheBytesDone)
{
    std::string content(3000, 'r');
    write_file("/f", content);
    auto description = open("/f", BANOS_O_RDONLY);
    FaultingBuffer buffer(3000, 1500);
    auto n = description->read(buffer);
    ASSERT_FALSE(n.is_error());
    EXPECT_GT(n.value(), 0u);
    EXPECT_LE(n.value(), 1500u);
    EXPECT_EQ(buffer.prefix(n.value()), std::string(n.value(), 'r'));
    EXPECT_EQ(description->position(), static_cast<int64_t>(n.value()));

    FaultingBuffer at_once(100, 0);
    EXPECT_EQ(error_of(description->read(at_once)), ErrorCode::Fault);
    EXPECT_EQ(description->position(), static_cast<int64_t>(n.value()));
}

TEST_F(VfsDescription, FaultMidWriteKeepsWhatWasWritten)
{
    auto description = open("/f", BANOS_O_WRONLY | BANOS_O_CREAT);
    FaultingBuffer buffer(std::string(5000, 'w'), 2000);
    auto n = description->write(buffer);
    ASSERT_FALSE(n.is_error());
    EXPECT_GT(n.value(), 0u);
    EXPECT_LE(n.value(), 2000u);
    EXPECT_EQ(read_file("/f"), std::string(n.value(), 'w'));
    FaultingBuffer none(std::string(10, 'w'), 0);
    EXPECT_EQ(error_of(description->write(none)), ErrorCode::Fault);
    EXPECT_EQ(stat("/f").size, static_cast<int64_t>(n.value()));
}

TEST_F(VfsDescription, ZeroLengthTransfers)
{
    write_file("/f", "abc");
    auto description = open("/f", BANOS_O_RDWR);
    vfs::KernelBuffer empty(nullptr, 0);
    EXPECT_EQ(description->read(empty).value(), 0u);
    EXPECT_EQ(description->write(empty).value(), 0u);
    EXPECT_EQ(read_file("/f"), "abc");
}

TEST_F(VfsDescription, OpenInodeChecksAccess)
{
    write_file("/f", "x", 0600);
    auto inode = vfs::resolve(root_context(), "/f").release_value();
    EXPECT_EQ(error_of(vfs::open_inode(user_context(5, 5), inode, BANOS_O_RDONLY)), ErrorCode::AccessDenied);
    auto description = vfs::open_inode(root_context(), inode, BANOS_O_RDONLY);
    ASSERT_FALSE(description.is_error());
    EXPECT_EQ(read_all(*description.value()), "x");
}

} // namespace
} // namespace vfs_test
