// getdents: the record layout, resumption with small buffers, changes to
// the directory between calls, rewinding, and too-small buffers.
#include "vfs/dirent.h"

#include "vfs_test_support.h"

namespace vfs_test {
namespace {

class VfsGetdents : public VfsFixture {
protected:
    std::vector<Dirent> read_records(FileDescription& description, size_t size, Outcome* error = nullptr)
    {
        std::vector<unsigned char> buffer(size, 0xaa);
        vfs::KernelBuffer kb(buffer.data(), buffer.size());
        auto n = description.getdents(kb);
        if (error)
            *error = error_of(n);
        if (n.is_error())
            return {};
        return decode_dirents(buffer.data(), n.value());
    }
};

TEST_F(VfsGetdents, RecordLayout)
{
    make_directory("/d");
    make_directory("/d/sub");
    write_file("/d/file", "");
    ASSERT_EQ(error_of(vfs::symlink(root_context(), "x", "/d/link")), kOk);
    auto description = open("/d", BANOS_O_RDONLY);
    std::vector<unsigned char> buffer(4096, 0xaa);
    vfs::KernelBuffer kb(buffer.data(), buffer.size());
    auto n = description->getdents(kb);
    ASSERT_FALSE(n.is_error());
    auto records = decode_dirents(buffer.data(), n.value());
    ASSERT_EQ(records.size(), 5u);
    EXPECT_EQ(records[0].name, ".");
    EXPECT_EQ(records[0].ino, stat("/d").ino);
    EXPECT_EQ(records[0].type, BANOS_DT_DIR);
    EXPECT_EQ(records[1].name, "..");
    EXPECT_EQ(records[1].ino, stat("/").ino);
    EXPECT_EQ(records[2].name, "sub");
    EXPECT_EQ(records[2].type, BANOS_DT_DIR);
    EXPECT_EQ(records[2].ino, stat("/d/sub").ino);
    EXPECT_EQ(records[3].name, "file");
    EXPECT_EQ(records[3].type, BANOS_DT_REG);
    EXPECT_EQ(records[4].name, "link");
    EXPECT_EQ(records[4].type, BANOS_DT_LNK);
    size_t total = 0;
    for (auto& r : records) {
        EXPECT_EQ(r.length % 8, 0u);
        EXPECT_EQ(r.length, vfs::dirent_record_size(r.name.size()));
        total += r.length;
    }
    EXPECT_EQ(total, n.value());
    // Offsets resume after each record; the first record ends with zero
    // padding after its NUL.
    EXPECT_EQ(records[0].next, 1);
    EXPECT_EQ(records[1].next, 2);
    EXPECT_EQ(buffer[19], '.');
    for (size_t i = 20; i < 24; ++i)
        EXPECT_EQ(buffer[i], 0);
    EXPECT_EQ(description->position(), records.back().next);
    EXPECT_EQ(read_records(*description, 4096).size(), 0u);
}

TEST_F(VfsGetdents, RootListsItselfAsParent)
{
    auto description = open("/", BANOS_O_RDONLY);
    auto records = read_records(*description, 4096);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].name, "..");
    EXPECT_EQ(records[1].ino, records[0].ino);
}

TEST_F(VfsGetdents, TinyBuffersResumeWhereTheyStopped)
{
    make_directory("/d");
    std::vector<std::string> expected { ".", ".." };
    for (int i = 0; i < 50; ++i) {
        std::string name = "entry_" + std::string(static_cast<size_t>(i % 17), 'x') + std::to_string(i);
        write_file(("/d/" + name).c_str(), "");
        expected.push_back(name);
    }
    for (size_t size : { 48u, 56u, 64u, 100u, 300u, 1000u, 5000u }) {
        auto description = open("/d", BANOS_O_RDONLY);
        EXPECT_EQ(list_names(*description, size), expected) << "buffer of " << size;
    }
}

TEST_F(VfsGetdents, BufferTooSmallForTheNextRecord)
{
    make_directory("/d");
    std::string long_name(200, 'L');
    write_file(("/d/" + long_name).c_str(), "");
    auto description = open("/d", BANOS_O_RDONLY);
    Outcome error { kOk };
    EXPECT_TRUE(read_records(*description, 10, &error).empty());
    EXPECT_EQ(error, ErrorCode::Invalid);
    auto first = read_records(*description, 64, &error);
    EXPECT_EQ(error, kOk);
    ASSERT_EQ(first.size(), 2u); // "." and ".." fit, the long name does not
    read_records(*description, 64, &error);
    EXPECT_EQ(error, ErrorCode::Invalid);
    auto rest = read_records(*description, 256, &error);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].name, long_name);
}

TEST_F(VfsGetdents, LongestNamesFit)
{
    make_directory("/d");
    std::string longest(255, 'n');
    write_file(("/d/" + longest).c_str(), "");
    auto description = open("/d", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*description, vfs::kMaxDirentRecordSize),
              (std::vector<std::string> { ".", "..", longest }));
}

TEST_F(VfsGetdents, ChangesBetweenCallsNeitherRepeatNorSkipSurvivors)
{
    make_directory("/d");
    for (int i = 0; i < 10; ++i)
        write_file(("/d/f" + std::to_string(i)).c_str(), "");
    auto description = open("/d", BANOS_O_RDONLY);
    // ".", "..", f0, f1, f2 (each record is 24 bytes).
    auto first = read_records(*description, 5 * 24);
    ASSERT_EQ(first.size(), 5u);
    EXPECT_EQ(first.back().name, "f2");
    // Remove some already seen and some not yet seen; add one.
    for (const char* gone : { "/d/f1", "/d/f2", "/d/f3", "/d/f6" })
        ASSERT_EQ(error_of(vfs::unlink(root_context(), gone)), kOk);
    write_file("/d/late", "");
    ASSERT_EQ(error_of(vfs::rename(root_context(), "/d/f0", root_context(), "/d/f0renamed")), kOk);
    std::vector<std::string> rest;
    for (auto& d : read_records(*description, 4096))
        rest.push_back(d.name);
    EXPECT_EQ(rest, (std::vector<std::string> { "f4", "f5", "f7", "f8", "f9", "late", "f0renamed" }));
}

TEST_F(VfsGetdents, SeekingToZeroRewinds)
{
    make_directory("/d");
    write_file("/d/only", "");
    auto description = open("/d", BANOS_O_RDONLY);
    auto all = list_names(*description);
    EXPECT_EQ(all.size(), 3u);
    ASSERT_EQ(error_of(description->seek(0, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(list_names(*description), all);
    // A saved position (d_off of a record) resumes after that record.
    ASSERT_EQ(error_of(description->seek(2, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(list_names(*description), (std::vector<std::string> { "only" }));
}

TEST_F(VfsGetdents, FaultAfterSomeRecordsKeepsThem)
{
    make_directory("/d");
    for (int i = 0; i < 100; ++i)
        write_file(("/d/file_number_" + std::to_string(i)).c_str(), "");
    auto description = open("/d", BANOS_O_RDONLY);
    FaultingBuffer buffer(8192, 2000);
    auto n = description->getdents(buffer);
    ASSERT_FALSE(n.is_error());
    EXPECT_GT(n.value(), 0u);
    EXPECT_LE(n.value(), 2000u);
    int64_t position = description->position();
    FaultingBuffer broken(8192, 0);
    EXPECT_EQ(error_of(description->getdents(broken)), ErrorCode::Fault);
    EXPECT_EQ(description->position(), position);
    // Reading on gives every remaining name exactly once.
    std::string bytes = buffer.prefix(n.value());
    auto seen = decode_dirents(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    auto rest = list_names(*description);
    EXPECT_EQ(seen.size() + rest.size(), 102u);
}

} // namespace
} // namespace vfs_test
