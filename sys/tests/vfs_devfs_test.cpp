// devfs: the standard devices, registration by name with a File factory,
// device nodes in paths, permissions and lifetimes.
#include "vfs_test_support.h"

namespace vfs_test {
namespace {

class VfsDevfs : public VfsFixture {
protected:
    void SetUp() override
    {
        VfsFixture::SetUp();
        make_directory("/dev");
        auto dev = vfs::devfs::root().release_value();
        auto point = vfs::resolve(root_context(), "/dev").release_value();
        ASSERT_EQ(error_of(vfs::mount(dev, point)), kOk);
    }
};

uint64_t g_next_random = 0;
uint64_t counting_source()
{
    uint64_t value = g_next_random;
    g_next_random += 0x0808080808080808ull;
    return value;
}

TEST_F(VfsDevfs, NullZeroAndRandom)
{
    ASSERT_EQ(error_of(vfs::devfs::register_standard_devices()), kOk);
    auto null = open("/dev/null", BANOS_O_RDWR);
    EXPECT_EQ(read_all(*null), "");
    EXPECT_EQ(write_text(*null, "gone"), 4u);

    auto zero = open("/dev/zero", BANOS_O_RDONLY);
    std::vector<unsigned char> buffer(1000, 0xff);
    vfs::KernelBuffer kb(buffer.data(), buffer.size());
    EXPECT_EQ(zero->read(kb).value(), 1000u);
    EXPECT_EQ(buffer, std::vector<unsigned char>(1000, 0));

    auto random = open("/dev/random", BANOS_O_RDONLY);
    vfs::KernelBuffer small(buffer.data(), 12);
    EXPECT_EQ(error_of(random->read(small)), ErrorCode::NoDevice);
    g_next_random = 0x0807060504030201ull;
    vfs::devfs::set_random_source(counting_source);
    EXPECT_EQ(random->read(small).value(), 12u);
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(buffer[static_cast<size_t>(i)], i + 1);
    EXPECT_EQ(buffer[8], 9);
    EXPECT_EQ(error_of(vfs::stat(root_context(), "/dev/urandom")), kOk);
}

TEST_F(VfsDevfs, DeviceNodesLookLikeCharacterDevices)
{
    ASSERT_EQ(error_of(vfs::devfs::register_standard_devices()), kOk);
    auto null = stat("/dev/null");
    auto zero = stat("/dev/zero");
    EXPECT_EQ(null.mode, BANOS_S_IFCHR | 0666u);
    EXPECT_NE(null.rdev, zero.rdev);
    EXPECT_EQ(null.rdev >> 8, 1u);
    EXPECT_NE(null.ino, zero.ino);
    EXPECT_EQ(null.device, stat("/dev").device);
    EXPECT_NE(null.device, stat("/").device);
    auto listing = open("/dev", BANOS_O_RDONLY);
    EXPECT_EQ(list_names(*listing), (std::vector<std::string> { ".", "..", "null", "zero", "random", "urandom" }));
    EXPECT_EQ(cwd_of(context_at("/dev")), "/dev");
    EXPECT_EQ(stat("/dev/..").ino, stat("/").ino);
}

struct Console {
    int opens = 0;
    std::string written;
    int live_files = 0;
};

class ConsoleFile final : public vfs::File {
public:
    explicit ConsoleFile(Console& console) : console_(console) { ++console_.live_files; }
    ~ConsoleFile() override { --console_.live_files; }
    klib::ErrorOr<size_t> read(FileDescription&, uint64_t, vfs::IoBuffer& buffer, size_t count) override
    {
        size_t n = std::min<size_t>(count, 3);
        TRY(buffer.write_to(0, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>("key"), n)));
        return n;
    }
    klib::ErrorOr<size_t> write(FileDescription&, uint64_t, vfs::IoBuffer& buffer, size_t count) override
    {
        std::string text(count, '\0');
        TRY(buffer.read_from(0, klib::Bytes(reinterpret_cast<unsigned char*>(text.data()), count)));
        console_.written += text;
        return count;
    }
    klib::ErrorOr<int64_t> ioctl(FileDescription&, uint32_t request, uint64_t) override
    {
        if (request == BANOS_TIOCGWINSZ)
            return 0;
        return ErrorCode::NotTerminal;
    }

private:
    Console& console_;
};

klib::ErrorOr<klib::OwnPtr<vfs::File>> open_console(void* context, uint32_t)
{
    auto& console = *static_cast<Console*>(context);
    ++console.opens;
    auto file = TRY(klib::try_make<ConsoleFile>(console));
    return klib::OwnPtr<vfs::File>(std::move(file));
}

klib::ErrorOr<klib::OwnPtr<vfs::File>> refuse_open(void*, uint32_t) { return ErrorCode::Busy; }

TEST_F(VfsDevfs, RegisteredDevicesGetTheirOwnFiles)
{
    Console console;
    ASSERT_EQ(error_of(vfs::devfs::register_device("console", 0620, open_console, &console)), kOk);
    {
        auto description = open("/dev/console", BANOS_O_RDWR);
        EXPECT_EQ(console.opens, 1);
        EXPECT_EQ(write_text(*description, "hello"), 5u);
        EXPECT_EQ(console.written, "hello");
        char buffer[8];
        vfs::KernelBuffer kb(buffer, sizeof(buffer));
        EXPECT_EQ(description->read(kb).value(), 3u);
        EXPECT_EQ(description->ioctl(BANOS_TIOCGWINSZ, 0).value(), 0);
        EXPECT_EQ(error_of(description->ioctl(BANOS_TCGETS, 0)), ErrorCode::NotTerminal);
        EXPECT_EQ(error_of(description->seek(0, BANOS_SEEK_SET)), ErrorCode::IllegalSeek);
        EXPECT_EQ(description->stat().value().mode, BANOS_S_IFCHR | 0620u);
        EXPECT_EQ(console.live_files, 1);
    }
    EXPECT_EQ(console.live_files, 0); // the last close destroys the File
    EXPECT_EQ(error_of(vfs::open(user_context(1000, 1000), "/dev/console", BANOS_O_WRONLY, 0)),
              ErrorCode::AccessDenied);
}

TEST_F(VfsDevfs, RegistrationRules)
{
    Console console;
    EXPECT_EQ(error_of(vfs::devfs::register_device("tty", 0666, open_console, &console)), kOk);
    EXPECT_EQ(error_of(vfs::devfs::register_device("tty", 0666, open_console, &console)), ErrorCode::Exists);
    EXPECT_EQ(error_of(vfs::devfs::register_device("", 0666, open_console)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::devfs::register_device(".", 0666, open_console)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::devfs::register_device("..", 0666, open_console)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::devfs::register_device("a/b", 0666, open_console)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::devfs::register_device("nofactory", 0666, nullptr)), ErrorCode::Invalid);
    EXPECT_EQ(error_of(vfs::devfs::register_device("busy", 0666, refuse_open)), kOk);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/dev/busy", BANOS_O_RDONLY, 0)), ErrorCode::Busy);

    auto kept = open("/dev/tty", BANOS_O_RDWR);
    ASSERT_EQ(error_of(vfs::devfs::unregister_device("tty")), kOk);
    EXPECT_EQ(error_of(vfs::devfs::unregister_device("tty")), ErrorCode::NoEntry);
    EXPECT_EQ(error_of(vfs::resolve(root_context(), "/dev/tty")), ErrorCode::NoEntry);
    EXPECT_EQ(write_text(*kept, "still works"), 11u);
    EXPECT_EQ(console.written, "still works");
}

TEST_F(VfsDevfs, TheDirectoryIsFixed)
{
    EXPECT_EQ(error_of(vfs::open(root_context(), "/dev/newfile", BANOS_O_CREAT | BANOS_O_WRONLY, 0644)),
              ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::mkdir(root_context(), "/dev/sub", 0755)), ErrorCode::NotPermitted);
    EXPECT_EQ(error_of(vfs::open(root_context(), "/dev", BANOS_O_RDONLY, 0)), kOk);
}

TEST_F(VfsDevfs, DevicesCanChangeOwnerAndMode)
{
    ASSERT_EQ(error_of(vfs::devfs::register_standard_devices()), kOk);
    ASSERT_EQ(error_of(vfs::chown(root_context(), "/dev/null", 1000, 5)), kOk);
    ASSERT_EQ(error_of(vfs::chmod(root_context(), "/dev/null", 0600)), kOk);
    auto meta = stat("/dev/null");
    EXPECT_EQ(meta.uid, 1000u);
    EXPECT_EQ(meta.mode, BANOS_S_IFCHR | 0600u);
}

} // namespace
} // namespace vfs_test
