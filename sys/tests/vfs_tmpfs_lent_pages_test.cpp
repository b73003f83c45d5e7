// tmpfs lends its pages to private file mappings (Inode::share_page_frame):
// whole pages inside the file, with a reference the mapping owns, so a
// page the file drops lives on until the mapping lets it go.
#include "host_file_pages.h"
#include "vfs/mapped_inode.h"
#include "vfs_test_support.h"

namespace vfs_test {
namespace {

class VfsTmpfsLentPages : public VfsFixture {
protected:
    klib::RefPtr<Inode> inode(const char* path) { return vfs::resolve(root_context(), path).release_value(); }
};

TEST_F(VfsTmpfsLentPages, LendsThePageThatHoldsTheBytes)
{
    std::string data(6000, 'a');
    data[4096] = 'b';
    write_file("/f", data);
    auto file = inode("/f");
    auto first = file->share_page_frame(0);
    auto second = file->share_page_frame(1);
    ASSERT_TRUE(first.has_value());
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(host_file_pages::page_at(*first)[0], 'a');
    EXPECT_EQ(host_file_pages::page_at(*second)[0], 'b');
    // Past the last byte of the last page there is zero, as a mapping must show.
    EXPECT_EQ(host_file_pages::page_at(*second)[6000 - 4096], 0);
    EXPECT_FALSE(file->share_page_frame(2).has_value()) << "past the end";
    host_file_pages::unmap(*first);
    host_file_pages::unmap(*second);
}

TEST_F(VfsTmpfsLentPages, HolesAreNotLent)
{
    auto description = open("/sparse", BANOS_O_RDWR | BANOS_O_CREAT);
    ASSERT_EQ(error_of(description->seek(2 * 4096, BANOS_SEEK_SET)), kOk);
    write_text(*description, "x");
    auto file = inode("/sparse");
    EXPECT_FALSE(file->share_page_frame(0).has_value());
    auto last = file->share_page_frame(2);
    ASSERT_TRUE(last.has_value());
    host_file_pages::unmap(*last);
}

TEST_F(VfsTmpfsLentPages, ARunLendsWhatIsWantedAndThere)
{
    // Pages 1, 3 and 4 exist; page 0 and 2 are holes; 5 and on are past the end.
    auto description = open("/run", BANOS_O_RDWR | BANOS_O_CREAT);
    for (int page : { 1, 3, 4 }) {
        ASSERT_EQ(error_of(description->seek(page * 4096, BANOS_SEEK_SET)), kOk);
        write_text(*description, page == 1 ? "1" : page == 3 ? "3" : "4");
    }
    auto file = inode("/run");
    uint64_t frames[8];
    size_t pages_before = host_file_pages::live_pages();
    // Every page asked for but page 3.
    EXPECT_EQ(file->share_page_frames(0, 8, ~0ull & ~(1ull << 3), frames), 2u);
    EXPECT_EQ(frames[0], 0u) << "a hole";
    ASSERT_NE(frames[1], 0u);
    EXPECT_EQ(host_file_pages::page_at(frames[1])[0], '1');
    EXPECT_EQ(frames[2], 0u) << "a hole";
    EXPECT_EQ(frames[3], 0u) << "not wanted";
    ASSERT_NE(frames[4], 0u);
    EXPECT_EQ(host_file_pages::page_at(frames[4])[0], '4');
    for (int i = 5; i < 8; ++i)
        EXPECT_EQ(frames[i], 0u) << "past the end";
    // A run starting past the end lends nothing and clears every slot.
    uint64_t beyond[2] = { 1, 1 };
    EXPECT_EQ(file->share_page_frames(9, 2, ~0ull, beyond), 0u);
    EXPECT_EQ(beyond[0] | beyond[1], 0u);
    host_file_pages::unmap(frames[1]);
    host_file_pages::unmap(frames[4]);
    EXPECT_EQ(host_file_pages::live_pages(), pages_before) << "each lent page had its own reference";
}

TEST_F(VfsTmpfsLentPages, ALentPageOutlivesTruncateAndUnlink)
{
    write_file("/t", std::string(8192, 'x'));
    size_t pages_before = host_file_pages::live_pages();
    auto frame = inode("/t")->share_page_frame(1);
    ASSERT_TRUE(frame.has_value());
    ASSERT_EQ(error_of(vfs::truncate(root_context(), "/t", 10)), kOk);
    ASSERT_EQ(error_of(vfs::unlink(root_context(), "/t")), kOk);
    EXPECT_EQ(host_file_pages::page_at(*frame)[100], 'x') << "the mapping still shows what it mapped";
    EXPECT_EQ(host_file_pages::live_pages(), pages_before - 1);
    host_file_pages::unmap(*frame);
    EXPECT_EQ(host_file_pages::live_pages(), pages_before - 2);
}

TEST_F(VfsTmpfsLentPages, MappedInodeLendsOnlyWholePageOffsets)
{
    write_file("/m", std::string(5000, 'm'));
    auto mapped = vfs::map_inode(inode("/m")).release_value();
    EXPECT_FALSE(mapped->share_page(100).has_value());
    auto frame = mapped->share_page(4096);
    ASSERT_TRUE(frame.has_value());
    EXPECT_EQ(host_file_pages::page_at(*frame)[0], 'm');
    host_file_pages::unmap(*frame);
    unsigned char copy[4096];
    ASSERT_FALSE(mapped->read_page(4096, copy).is_error());
    EXPECT_EQ(copy[903], 'm');
    EXPECT_EQ(copy[904], 0);
}

} // namespace
} // namespace vfs_test
