// readv/writev's buffer: pieces of a memory that read and write as one
// IoBuffer, stopping at a bad piece, with transfers through a pipe-like
// file and a tmpfs file.
// The ABI headers first: <gtest/gtest.h> brings in <sys/stat.h>, whose
// st_atime macros would rename their fields.
#include "vfs/vector_buffer.h"
#include "vfs_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using klib::ErrorCode;
using vfs::IoSegment;
using vfs::VectorBuffer;

// A fake address space: `memory` bytes, every address past it is bad.
struct Memory {
    std::vector<unsigned char> bytes;
    vfs::KernelBuffer buffer;
    explicit Memory(size_t size) : bytes(size, '.'), buffer(bytes.data(), bytes.size()) {}
    std::string text(size_t at, size_t length) const
    {
        return std::string(reinterpret_cast<const char*>(bytes.data()) + at, length);
    }
};

TEST(VectorBuffer, TotalChecksOverflowAndSsizeMax)
{
    IoSegment fine[] = { { 0, 5 }, { 10, 0 }, { 20, 7 } };
    EXPECT_EQ(vfs::vector_total(fine).value(), 12u);
    EXPECT_EQ(vfs::vector_total({}).value(), 0u);
    IoSegment too_big[] = { { 0, vfs::kMaxVectorTotal }, { 0, 1 } };
    EXPECT_EQ(vfs::vector_total(too_big).error().code(), ErrorCode::Invalid);
    IoSegment wraps[] = { { 0, UINT64_MAX }, { 0, 2 } };
    EXPECT_EQ(vfs::vector_total(wraps).error().code(), ErrorCode::Invalid);
    IoSegment exactly[] = { { 0, vfs::kMaxVectorTotal - 1 }, { 0, 1 } };
    EXPECT_EQ(vfs::vector_total(exactly).value(), vfs::kMaxVectorTotal);
}

TEST(VectorBuffer, GathersAndScattersAcrossPieces)
{
    Memory memory(64);
    memcpy(memory.bytes.data() + 4, "abc", 3);
    memcpy(memory.bytes.data() + 20, "defgh", 5);
    memcpy(memory.bytes.data() + 40, "ij", 2);
    IoSegment pieces[] = { { 4, 3 }, { 30, 0 }, { 20, 5 }, { 40, 2 } };
    VectorBuffer buffer(pieces, memory.buffer);
    ASSERT_EQ(buffer.size(), 10u);

    unsigned char all[10];
    ASSERT_FALSE(buffer.read_from(0, klib::Bytes(all, 10)).is_error());
    EXPECT_EQ(std::string(reinterpret_cast<char*>(all), 10), "abcdefghij");
    // Any window, including ones that start mid-piece and go backwards.
    unsigned char middle[4];
    ASSERT_FALSE(buffer.read_from(2, klib::Bytes(middle, 4)).is_error());
    EXPECT_EQ(std::string(reinterpret_cast<char*>(middle), 4), "cdef");
    ASSERT_FALSE(buffer.read_from(0, klib::Bytes(middle, 1)).is_error());
    EXPECT_EQ(middle[0], 'a');

    const unsigned char replacement[] = "0123456789";
    ASSERT_FALSE(buffer.write_to(0, klib::ReadonlyBytes(replacement, 3)).is_error());
    ASSERT_FALSE(buffer.write_to(3, klib::ReadonlyBytes(replacement + 3, 7)).is_error());
    EXPECT_EQ(memory.text(4, 3), "012");
    EXPECT_EQ(memory.text(20, 5), "34567");
    EXPECT_EQ(memory.text(40, 2), "89");
    EXPECT_EQ(memory.text(7, 13), std::string(13, '.')); // nothing between the pieces
}

TEST(VectorBuffer, OutOfRangeAndBadPiecesFault)
{
    Memory memory(16);
    IoSegment pieces[] = { { 0, 4 }, { 100, 4 } }; // the second is outside the memory
    VectorBuffer buffer(pieces, memory.buffer);
    unsigned char bytes[8];
    EXPECT_FALSE(buffer.read_from(0, klib::Bytes(bytes, 4)).is_error());
    EXPECT_EQ(buffer.read_from(2, klib::Bytes(bytes, 4)).error().code(), ErrorCode::Fault);
    EXPECT_EQ(buffer.read_from(6, klib::Bytes(bytes, 4)).error().code(), ErrorCode::Fault); // past size()
}

TEST(VectorBuffer, LimitCapsTheSize)
{
    Memory memory(64);
    IoSegment pieces[] = { { 0, 10 }, { 20, 10 } };
    VectorBuffer buffer(pieces, memory.buffer, 15);
    EXPECT_EQ(buffer.size(), 15u);
    unsigned char bytes[16];
    EXPECT_EQ(buffer.read_from(0, klib::Bytes(bytes, 16)).error().code(), ErrorCode::Fault);
    EXPECT_FALSE(buffer.read_from(0, klib::Bytes(bytes, 15)).is_error());
}

class VectorTransfers : public vfs_test::VfsFixture {};

// A vectored write into a file and a vectored read back: one call each,
// through the description as readv/writev make them.
TEST_F(VectorTransfers, WriteAndReadAFileInOneCall)
{
    Memory memory(64);
    memcpy(memory.bytes.data(), "hello", 5);
    memcpy(memory.bytes.data() + 10, ", ", 2);
    memcpy(memory.bytes.data() + 20, "world", 5);
    IoSegment out[] = { { 0, 5 }, { 10, 2 }, { 20, 5 } };
    auto file = open("/v", BANOS_O_RDWR | BANOS_O_CREAT);
    VectorBuffer gathered(out, memory.buffer);
    EXPECT_EQ(file->write(gathered).value(), 12u);
    EXPECT_EQ(read_file("/v"), "hello, world");

    ASSERT_FALSE(file->seek(0, BANOS_SEEK_SET).is_error());
    IoSegment in[] = { { 40, 3 }, { 50, 20 } }; // the second ends past the memory
    VectorBuffer scattered(in, memory.buffer);
    // 12 bytes are there: 3 into the first piece, 9 into the second, which
    // is fine up to byte 59.
    EXPECT_EQ(file->read(scattered).value(), 12u);
    EXPECT_EQ(memory.text(40, 3), "hel");
    EXPECT_EQ(memory.text(50, 9), "lo, world");
}

// A bad piece after good ones: what went in before it stays, and the
// write reports that much (io_buffer.h's partial-transfer rule). The file
// copies a page at most at a time, so the bad piece starts a page in.
TEST_F(VectorTransfers, BadPieceMidwayGivesAPartialWrite)
{
    Memory memory(8192);
    IoSegment out[] = { { 0, 4096 }, { 100000, 4 } };
    auto file = open("/p", BANOS_O_RDWR | BANOS_O_CREAT);
    VectorBuffer gathered(out, memory.buffer);
    auto written = file->write(gathered);
    ASSERT_FALSE(written.is_error());
    EXPECT_EQ(written.value(), 4096u);
    EXPECT_EQ(read_file("/p"), std::string(4096, '.'));
    // Bad from the first byte: the error itself.
    IoSegment bad[] = { { 100000, 4 } };
    VectorBuffer nothing(bad, memory.buffer);
    EXPECT_EQ(file->write(nothing).error().code(), ErrorCode::Fault);
}

} // namespace
