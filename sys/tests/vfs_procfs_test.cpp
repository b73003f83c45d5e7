// procfs with a fake provider: listing, per-pid status, meminfo, uptime,
// /proc/self, regeneration at offset 0, and refusals.
#include "vfs_test_support.h"

#include <algorithm>
#include <set>

namespace vfs_test {
namespace {

class FakeProcesses final : public vfs::procfs::Provider {
public:
    std::set<uint32_t> pids { 42, 1, 5 };
    uint32_t self = 5;
    uint32_t uid = 0;
    uint64_t uptime = 12;
    int status_calls = 0;

    void list_pids(vfs::procfs::PidSink& sink) override
    {
        // Deliberately unsorted.
        std::vector<uint32_t> order(pids.rbegin(), pids.rend());
        for (uint32_t pid : order)
            sink.add(pid);
    }
    bool pid_exists(uint32_t pid) override { return pids.count(pid) != 0; }
    klib::ErrorOr<void> write_status(uint32_t pid, klib::FormatSink& sink) override
    {
        ++status_calls;
        if (!pid_exists(pid))
            return ErrorCode::NoProcess;
        klib::format_to(sink, "Name:\tproc{}\nPid:\t{}\nUid:\t{}\t{}\n", pid, pid, uid, uid);
        return {};
    }
    void write_meminfo(klib::FormatSink& sink) override { klib::format_to(sink, "MemTotal: {} kB\n", 262144); }
    void write_uptime(klib::FormatSink& sink) override { klib::format_to(sink, "{}.00 0.00\n", uptime); }
    void write_kernel_log(klib::FormatSink& sink) override { klib::format_to(sink, "[    0.000000] info: hello\n"); }
    void write_command_line(klib::FormatSink& sink) override { klib::format_to(sink, "test loglevel=debug\n"); }
    void write_modules(klib::FormatSink& sink) override { klib::format_to(sink, "sample 1.0 8192 - -\n"); }
    uint32_t self_pid() override { return self; }
};

class VfsProcfs : public VfsFixture {
protected:
    void SetUp() override
    {
        VfsFixture::SetUp();
        vfs::procfs::set_provider(&processes);
        make_directory("/proc");
        auto proc = vfs::procfs::create().release_value();
        auto point = vfs::resolve(root_context(), "/proc").release_value();
        ASSERT_EQ(error_of(vfs::mount(proc, point)), kOk);
    }
    FakeProcesses processes;
};

TEST_F(VfsProcfs, ListsFixedNamesThenPidsInOrder)
{
    auto listing = open("/proc", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing),
              (std::vector<std::string> { ".", "..", "meminfo", "uptime", "kmsg", "cmdline", "modules", "self", "1", "5", "42" }));
    auto again = open("/proc", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*again, 32), (std::vector<std::string> { ".", "..", "meminfo", "uptime", "kmsg", "cmdline", "modules", "self", "1", "5", "42" }));
}

TEST_F(VfsProcfs, ListingResumesAcrossProcessChanges)
{
    auto listing = open("/proc", BANOS_O_RDONLY);
    std::vector<unsigned char> buffer(5 * 24 + 4 * 32); // ".", "..", meminfo, uptime, kmsg, cmdline, modules, self, 1
    vfs::KernelBuffer kb(buffer.data(), buffer.size());
    auto n = listing->getdents(kb);
    ASSERT_FALSE(n.is_error());
    auto first = decode_dirents(buffer.data(), n.value());
    ASSERT_EQ(first.size(), 9u);
    EXPECT_EQ(first.back().name, "1");
    processes.pids.erase(5);
    processes.pids.insert(7);
    processes.pids.insert(0);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { "7", "42" }));
}

TEST_F(VfsProcfs, StatusIsRegeneratedAtOffsetZero)
{
    auto status = open("/proc/5/status", BANOS_O_RDONLY);
    EXPECT_EQ(read_all(*status), "Name:\tproc5\nPid:\t5\nUid:\t0\t0\n");
    processes.uid = 1000;
    // Reading on from the middle uses the text already made...
    ASSERT_EQ(error_of(status->seek(5, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(read_all(*status), "\tproc5\nPid:\t5\nUid:\t0\t0\n");
    // ... a read from the start sees the change.
    ASSERT_EQ(error_of(status->seek(0, BANOS_SEEK_SET)), kOk);
    EXPECT_EQ(read_all(*status), "Name:\tproc5\nPid:\t5\nUid:\t1000\t1000\n");
    EXPECT_EQ(read_file("/proc/42/status"), "Name:\tproc42\nPid:\t42\nUid:\t1000\t1000\n");
}

TEST_F(VfsProcfs, SmallReadsConcatenate)
{
    auto status = open("/proc/1/status", BANOS_O_RDONLY);
    EXPECT_EQ(read_all(*status, 3), "Name:\tproc1\nPid:\t1\nUid:\t0\t0\n");
    EXPECT_EQ(processes.status_calls, 1);
    char buffer[4];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    EXPECT_EQ(status->pread(kb, 6).value(), 4u);
    EXPECT_EQ(std::string(buffer, 4), "proc");
}

TEST_F(VfsProcfs, MeminfoAndUptime)
{
    EXPECT_EQ(read_file("/proc/meminfo"), "MemTotal: 262144 kB\n");
    EXPECT_EQ(read_file("/proc/uptime"), "12.00 0.00\n");
    processes.uptime = 13;
    EXPECT_EQ(read_file("/proc/uptime"), "13.00 0.00\n");
    EXPECT_EQ(stat("/proc/uptime").mode, BANOS_S_IFREG | 0444u);
}

TEST_F(VfsProcfs, SelfIsASymlinkToTheCallersPid)
{
    char buffer[16];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    auto length = vfs::readlink(root_context(), "/proc/self", kb);
    ASSERT_FALSE(length.is_error());
    EXPECT_EQ(std::string(buffer, length.value()), "5");
    EXPECT_EQ(read_file("/proc/self/status"), "Name:\tproc5\nPid:\t5\nUid:\t0\t0\n");
    processes.self = 42;
    EXPECT_EQ(stat("/proc/self").ino, stat("/proc/42").ino);
    EXPECT_EQ(stat("/proc/self", vfs::FollowLast::No).size, 2);
    EXPECT_EQ(cwd_of(context_at("/proc/self")), "/proc/42");
}

TEST_F(VfsProcfs, PidDirectories)
{
    auto meta = stat("/proc/5");
    EXPECT_EQ(meta.mode, BANOS_S_IFDIR | 0555u);
    EXPECT_EQ(stat("/proc/5/..").ino, stat("/proc").ino);
    auto listing = open("/proc/5", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { ".", "..", "status" }));
    EXPECT_EQ(cwd_of(context_at("/proc/5")), "/proc/5");
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/6")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/05")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/5x")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/99999999999")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/5/other")), ErrorCode::NoEntry);
}

TEST_F(VfsProcfs, ProcessesThatGoAway)
{
    auto status = open("/proc/42/status", BANOS_O_RDONLY);
    auto inside = context_at("/proc/42");
    processes.pids.erase(42);
    char buffer[64];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    EXPECT_EQ(error_of(status->read(kb)), ErrorCode::NoProcess);
    EXPECT_EQ(error_of(vfs::stat(inside, "status")), ErrorCode::NoEntry);
    auto listing = open(inside, ".", BANOS_O_RDONLY);
    EXPECT_TRUE(list_names(*listing).empty());
}

TEST_F(VfsProcfs, NothingIsWritable)
{
    EXPECT_EQ(error_of(vfs::open(root_context(), "/proc/meminfo", BANOS_O_WRONLY, 0)), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/proc/5/status", BANOS_O_RDWR, 0)), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::open(user_context(1, 1), "/proc/meminfo", BANOS_O_WRONLY, 0)), ErrorCode::AccessDenied);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/proc/new", BANOS_O_CREAT | BANOS_O_WRONLY, 0644)),
              ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::chmod(root_context(), "/proc/meminfo", 0666)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::chmod(root_context(), "/proc/5", 0777)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::unlink(root_context(), "/proc/meminfo")), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::truncate(root_context(), "/proc/meminfo", 0)), ErrorCode::Invalid);
    EXPECT_EQ(read_file("/proc/meminfo", nullptr), "MemTotal: 262144 kB\n");
}

TEST_F(VfsProcfs, WithoutAProviderOnlyTheFixedNamesRemain)
{
    vfs::procfs::set_provider(nullptr);
    auto listing = open("/proc", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { ".", "..", "meminfo", "uptime", "kmsg", "cmdline", "modules", "self" }));
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/5")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/proc/self")), ErrorCode::NoEntry);
    auto meminfo = open("/proc/meminfo", BANOS_O_RDONLY);
    char buffer[8];
    vfs::KernelBuffer kb(buffer, sizeof(buffer));
    EXPECT_EQ(error_of(meminfo->read(kb)), ErrorCode::NoEntry);
}

} // namespace
} // namespace vfs_test
