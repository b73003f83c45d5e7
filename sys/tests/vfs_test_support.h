#pragma once
// Shared set-up for the VFS host tests: a tmpfs root, contexts for root and
// ordinary users, a controllable clock, and small helpers that turn the
// ErrorOr API into values gtest can compare.
//
// The VFS headers come first: the ABI's structure has members named
// st_atime, which the host's <sys/stat.h> (pulled in by gtest) defines as
// macros.
#include "vfs/clock.h"
#include "vfs/devfs/devfs.h"
#include "vfs/file_description.h"
#include "vfs/io_buffer.h"
#include "vfs/mount.h"
#include "vfs/operations.h"
#include "vfs/path.h"
#include "vfs/procfs/procfs.h"
#include "vfs/tmpfs/tmpfs.h"

#include <gtest/gtest.h>

#include <cstring>
#include <ostream>
#include <string>
#include <vector>

namespace vfs_test {

using klib::ErrorCode;
using klib::RefPtr;
using vfs::Credentials;
using vfs::FileDescription;
using vfs::Inode;
using vfs::ResolveContext;

// The clock tests read file times from.
inline vfs::Timestamp& fake_time()
{
    static vfs::Timestamp time { 1000, 0 };
    return time;
}
inline vfs::Timestamp fake_clock() { return fake_time(); }
inline void advance_clock(int64_t seconds) { fake_time().sec += seconds; }

constexpr ErrorCode kOk = ErrorCode::Count;

// The outcome of a call: its error code, or kOk. A type of its own so gtest
// prints it by name (printing klib::ErrorCode itself is decided by whichever
// test file instantiates gtest's printer first).
struct Outcome {
    ErrorCode code;
    bool operator==(ErrorCode other) const { return code == other; }
};
inline void PrintTo(const Outcome& outcome, std::ostream* out)
{
    *out << (outcome.code == kOk ? "ok" : klib::error_name(outcome.code));
}

template <typename T>
Outcome error_of(const klib::ErrorOr<T>& result)
{
    return { result.is_error() ? result.error().code() : kOk };
}

inline std::string text(klib::StringView v) { return std::string(v.data(), v.size()); }

// An IoBuffer over test memory that fails with Fault at byte `fault_at`
// (a user buffer whose second page is unmapped).
class FaultingBuffer final : public vfs::IoBuffer {
public:
    FaultingBuffer(size_t size, size_t fault_at) : bytes_(size, 0), fault_at_(fault_at) {}
    explicit FaultingBuffer(const std::string& content, size_t fault_at)
        : bytes_(content.begin(), content.end()), fault_at_(fault_at)
    {
    }
    size_t size() const override { return bytes_.size(); }
    klib::ErrorOr<void> read_from(size_t offset, klib::Bytes destination) override
    {
        if (offset + destination.size() > fault_at_)
            return ErrorCode::Fault;
        std::memcpy(destination.data(), bytes_.data() + offset, destination.size());
        return {};
    }
    klib::ErrorOr<void> write_to(size_t offset, klib::ReadonlyBytes source) override
    {
        if (offset + source.size() > fault_at_)
            return ErrorCode::Fault;
        std::memcpy(bytes_.data() + offset, source.data(), source.size());
        return {};
    }
    std::string prefix(size_t n) const { return std::string(bytes_.begin(), bytes_.begin() + n); }

private:
    std::vector<unsigned char> bytes_;
    size_t fault_at_;
};

class VfsFixture : public testing::Test {
protected:
    void SetUp() override
    {
        fake_time() = { 1000, 0 };
        vfs::set_clock(fake_clock);
        inodes_before_ = Inode::live_count();
        root_ = vfs::tmpfs::create().release_value();
        root_context_ = { root_, root_, Credentials::root() };
    }

    void TearDown() override
    {
        vfs::unmount_all();
        vfs::devfs::reset();
        vfs::devfs::set_random_source(nullptr);
        vfs::procfs::set_provider(nullptr);
        root_context_ = {};
        root_ = nullptr;
        vfs::set_clock(nullptr);
        // Every inode a test made is gone once the tree and the table are.
        EXPECT_EQ(Inode::live_count(), inodes_before_);
    }

    const ResolveContext& root_context() const { return root_context_; }
    ResolveContext user_context(uint32_t uid, uint32_t gid) const
    {
        return { root_, root_, Credentials::user(uid, gid) };
    }
    ResolveContext context_at(const char* cwd) const
    {
        auto dir = vfs::resolve(root_context_, cwd);
        EXPECT_FALSE(dir.is_error()) << cwd;
        return { root_, dir.is_error() ? root_ : dir.release_value(), Credentials::root() };
    }

    RefPtr<FileDescription> open(const ResolveContext& context, const char* path, uint32_t flags,
                                 uint32_t mode = 0644)
    {
        auto result = vfs::open(context, path, flags, mode);
        EXPECT_FALSE(result.is_error()) << path << ": " << (result.is_error() ? result.error().name() : "");
        return result.is_error() ? nullptr : result.release_value();
    }
    RefPtr<FileDescription> open(const char* path, uint32_t flags, uint32_t mode = 0644)
    {
        return open(root_context_, path, flags, mode);
    }

    static std::string read_all(FileDescription& description, size_t chunk = 4096)
    {
        std::string out;
        std::vector<unsigned char> buffer(chunk);
        for (;;) {
            vfs::KernelBuffer kb(buffer.data(), buffer.size());
            auto n = description.read(kb);
            if (n.is_error()) {
                ADD_FAILURE() << "read failed: " << n.error().name();
                return out;
            }
            if (n.value() == 0)
                return out;
            out.append(reinterpret_cast<char*>(buffer.data()), n.value());
        }
    }
    static size_t write_text(FileDescription& description, const std::string& content)
    {
        auto kb = vfs::KernelBuffer::read_only(content.data(), content.size());
        auto n = description.write(kb);
        EXPECT_FALSE(n.is_error()) << (n.is_error() ? n.error().name() : "");
        return n.is_error() ? 0 : n.value();
    }

    void write_file(const char* path, const std::string& content, uint32_t mode = 0644)
    {
        auto description = open(path, BANOS_O_WRONLY | BANOS_O_CREAT | BANOS_O_TRUNC, mode);
        ASSERT_TRUE(description);
        EXPECT_EQ(write_text(*description, content), content.size());
    }
    std::string read_file(const char* path, const ResolveContext* context = nullptr)
    {
        auto description = open(context ? *context : root_context_, path, BANOS_O_RDONLY);
        if (!description)
            return "<open failed>";
        return read_all(*description);
    }
    void make_directory(const char* path, uint32_t mode = 0755)
    {
        auto made = vfs::mkdir(root_context_, path, mode);
        ASSERT_FALSE(made.is_error()) << path << ": " << made.error().name();
    }
    vfs::Metadata stat(const char* path, vfs::FollowLast follow = vfs::FollowLast::Yes)
    {
        auto result = vfs::stat(root_context_, path, follow);
        EXPECT_FALSE(result.is_error()) << path;
        return result.is_error() ? vfs::Metadata {} : result.value();
    }
    std::string cwd_of(const ResolveContext& context)
    {
        char buffer[256];
        auto length = vfs::path_of(context, *context.cwd, buffer, sizeof(buffer));
        if (length.is_error())
            return std::string("<") + length.error().name() + ">";
        return std::string(buffer, length.value());
    }

    RefPtr<Inode> root_;
    ResolveContext root_context_;
    uint64_t inodes_before_ { 0 };
};

// Decoded getdents records.
struct Dirent {
    uint64_t ino;
    int64_t next;
    uint16_t length;
    uint8_t type;
    std::string name;
};

inline std::vector<Dirent> decode_dirents(const unsigned char* data, size_t size)
{
    std::vector<Dirent> out;
    size_t offset = 0;
    while (offset < size) {
        Dirent d;
        std::memcpy(&d.ino, data + offset, 8);
        std::memcpy(&d.next, data + offset + 8, 8);
        std::memcpy(&d.length, data + offset + 16, 2);
        d.type = data[offset + 18];
        d.name = reinterpret_cast<const char*>(data + offset + 19);
        out.push_back(d);
        if (d.length == 0)
            break;
        offset += d.length;
    }
    return out;
}

// Every name getdents reports, reading with `buffer_size`-byte buffers.
inline std::vector<std::string> list_names(FileDescription& description, size_t buffer_size = 4096)
{
    std::vector<std::string> names;
    std::vector<unsigned char> buffer(buffer_size);
    for (;;) {
        vfs::KernelBuffer kb(buffer.data(), buffer.size());
        auto n = description.getdents(kb);
        if (n.is_error()) {
            ADD_FAILURE() << "getdents: " << n.error().name();
            break;
        }
        if (n.value() == 0)
            break;
        for (auto& d : decode_dirents(buffer.data(), n.value()))
            names.push_back(d.name);
    }
    return names;
}

} // namespace vfs_test
