// The VFS in the kernel: a tmpfs built on the kernel heap, files across
// pages, directories, rename and unlink while open, descriptor tables, and
// the boot-archive loader. Each test gives back every heap allocation.
#include <string.h>

#include "fs/ustar.h"
#include "kernel/ktest.h"
#include "mm/kernel_heap.h"
#include "vfs/file_descriptor_table.h"
#include "vfs/operations.h"
#include "vfs/tmpfs/tmpfs.h"
#include "vfs/tmpfs/ustar_loader.h"

namespace {

using klib::ErrorCode;
using klib::RefPtr;

struct Baseline {
    size_t allocations { mm::kernel_heap().stats().allocations_in_use };
    uint64_t inodes { vfs::Inode::live_count() };
    bool restored() const
    {
        return mm::kernel_heap().stats().allocations_in_use == allocations && vfs::Inode::live_count() == inodes;
    }
};

template <typename T>
bool fails_with(const klib::ErrorOr<T>& result, ErrorCode code)
{
    return result.is_error() && result.error() == klib::Error(code);
}
template <typename T, typename V>
bool gives(const klib::ErrorOr<T>& result, const V& value)
{
    return !result.is_error() && result.value() == value;
}

vfs::ResolveContext root_context(const RefPtr<vfs::Inode>& root)
{
    return { root, root, vfs::Credentials::root() };
}

bool fill_and_check(vfs::FileDescription& description, size_t size, bool write)
{
    unsigned char chunk[256];
    for (size_t done = 0; done < size;) {
        size_t n = size - done < sizeof(chunk) ? size - done : sizeof(chunk);
        if (write) {
            for (size_t i = 0; i < n; ++i)
                chunk[i] = static_cast<unsigned char>((done + i) * 7);
            vfs::KernelBuffer buffer(chunk, n);
            auto written = description.write(buffer);
            if (written.is_error() || written.value() != n)
                return false;
        } else {
            vfs::KernelBuffer buffer(chunk, n);
            auto read = description.read(buffer);
            if (read.is_error() || read.value() != n)
                return false;
            for (size_t i = 0; i < n; ++i)
                if (chunk[i] != static_cast<unsigned char>((done + i) * 7))
                    return false;
        }
        done += n;
    }
    return true;
}

} // namespace

KTEST(vfs_tmpfs_files_and_directories)
{
    Baseline baseline;
    {
        auto made = vfs::tmpfs::create();
        KEXPECT(!made.is_error(), "tmpfs::create: {}", made.error());
        RefPtr<vfs::Inode> root = made.release_value();
        auto context = root_context(root);

        KEXPECT(!vfs::mkdir(context, "/etc", 0755).is_error(), "mkdir /etc");
        KEXPECT(!vfs::mkdir(context, "/etc/deep", 0700).is_error(), "mkdir /etc/deep");
        auto opened = vfs::open(context, "/etc/data", BANOS_O_RDWR | BANOS_O_CREAT, 0644);
        KEXPECT(!opened.is_error(), "open O_CREAT: {}", opened.error());
        auto description = opened.release_value();
        constexpr size_t kSize = 3 * 4096 + 123;
        KEXPECT(fill_and_check(*description, kSize, true), "writing {} bytes", kSize);
        KEXPECT(!description->seek(0, BANOS_SEEK_SET).is_error(), "lseek");
        KEXPECT(fill_and_check(*description, kSize, false), "reading back");
        KEXPECT(vfs::tmpfs::pages_in_use(*root) == 4, "{} pages in use, want 4", vfs::tmpfs::pages_in_use(*root));

        KEXPECT(!vfs::rename(context, "/etc/data", context, "/etc/deep/moved").is_error(), "rename");
        auto meta = vfs::stat(context, "/etc/deep/moved");
        KEXPECT(!meta.is_error() && meta.value().size == static_cast<int64_t>(kSize), "stat after rename");
        KEXPECT(fails_with(vfs::rmdir(context, "/etc/deep"), ErrorCode::NotEmpty), "rmdir non-empty");

        // Unlinked while open: still readable, freed at the last close.
        KEXPECT(!vfs::unlink(context, "/etc/deep/moved").is_error(), "unlink");
        KEXPECT(!description->seek(0, BANOS_SEEK_SET).is_error(), "lseek");
        KEXPECT(fill_and_check(*description, kSize, false), "reading an unlinked file");
        description = nullptr;
        KEXPECT(vfs::tmpfs::pages_in_use(*root) == 0, "pages kept after the last close");

        auto directory = vfs::open(context, "/etc", BANOS_O_RDONLY | BANOS_O_DIRECTORY, 0);
        KEXPECT(!directory.is_error(), "open /etc");
        unsigned char records[256];
        vfs::KernelBuffer buffer(records, sizeof(records));
        auto bytes = directory.value()->getdents(buffer);
        KEXPECT(gives(bytes, size_t(3 * 24)), "getdents did not give three records");
        KEXPECT(strcmp(reinterpret_cast<const char*>(records + 2 * 24 + 19), "deep") == 0, "third entry is not deep");

        char path[64];
        auto deep = vfs::resolve(context, "/etc/deep");
        KEXPECT(!deep.is_error(), "resolve");
        auto length = vfs::path_of(context, *deep.value(), path, sizeof(path));
        KEXPECT(!length.is_error() && strcmp(path, "/etc/deep") == 0, "path_of failed");
        vfs::ResolveContext user { root, root, vfs::Credentials::user(1000, 1000) };
        KEXPECT(fails_with(vfs::open(user, "/etc/deep/x", BANOS_O_CREAT | BANOS_O_WRONLY, 0644), ErrorCode::AccessDenied),
                "a user created a file in a root-only directory");
    }
    KEXPECT(baseline.restored(), "heap or inodes not back to baseline");
}

KTEST(vfs_descriptor_table_shares_and_releases)
{
    Baseline baseline;
    {
        auto root = vfs::tmpfs::create().release_value();
        auto context = root_context(root);
        auto description = vfs::open(context, "/f", BANOS_O_RDWR | BANOS_O_CREAT, 0600);
        KEXPECT(!description.is_error(), "open");
        vfs::FileDescriptorTable table;
        KEXPECT(gives(table.allocate(description.release_value(), true), 0), "first fd is not 0");
        KEXPECT(gives(table.dup2(0, 9), 9), "dup2");
        KEXPECT(gives(table.dup(0), 1), "dup");
        auto child = table.clone();
        KEXPECT(!child.is_error(), "clone");
        auto shared = child.value()->get(9);
        KEXPECT(!shared.is_error() && gives(table.get(0), shared.value()), "clone does not share");
        table.close_marked_on_exec();
        KEXPECT(table.get(0).is_error() && !table.get(1).is_error(), "close-on-exec");
        KEXPECT(fails_with(table.close(0), ErrorCode::BadDescriptor), "double close");
    }
    KEXPECT(baseline.restored(), "heap or inodes not back to baseline");
}

namespace {

// Writes one ustar header into a 512-byte block.
void tar_header(unsigned char* block, const char* name, char type, size_t size)
{
    memset(block, 0, 512);
    memcpy(block, name, strlen(name));
    auto octal = [&](size_t offset, size_t width, uint64_t value) {
        for (size_t i = width - 1; i-- > 0; value >>= 3)
            block[offset + i] = static_cast<unsigned char>('0' + (value & 7));
    };
    octal(100, 8, type == '5' ? 0755 : 0640);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, size);
    octal(136, 12, 1700000000);
    block[156] = static_cast<unsigned char>(type);
    memcpy(block + 257, "ustar\0" "00", 8);
    memset(block + 148, ' ', 8);
    unsigned sum = 0;
    for (size_t i = 0; i < 512; ++i)
        sum += block[i];
    octal(148, 7, sum);
}

} // namespace

KTEST(vfs_tmpfs_from_boot_archive)
{
    Baseline baseline;
    {
        static unsigned char image[5 * 512];
        memset(image, 0, sizeof(image));
        tar_header(image, "etc/", '5', 0);
        tar_header(image + 512, "etc/motd", '0', 6);
        memcpy(image + 1024, "hello\n", 6);
        auto archive = fs::UstarArchive::open({ image, sizeof(image) });
        KEXPECT(!archive.is_error(), "archive rejected");
        auto root = vfs::tmpfs_from_ustar(archive.value());
        KEXPECT(!root.is_error(), "tmpfs_from_ustar: {}", root.error());
        auto context = root_context(root.value());
        auto meta = vfs::stat(context, "/etc/motd");
        KEXPECT(!meta.is_error(), "no /etc/motd");
        KEXPECT(meta.value().mode == (BANOS_S_IFREG | 0640u) && meta.value().size == 6
                    && meta.value().mtime.sec == 1700000000,
                "motd attributes: mode {:o}, size {}", meta.value().mode, meta.value().size);
        auto description = vfs::open(context, "/etc/motd", BANOS_O_RDONLY, 0);
        KEXPECT(!description.is_error(), "open motd");
        char text[16] {};
        vfs::KernelBuffer buffer(text, sizeof(text));
        auto n = description.value()->read(buffer);
        KEXPECT(!n.is_error() && n.value() == 6 && memcmp(text, "hello\n", 6) == 0, "motd content");
    }
    KEXPECT(baseline.restored(), "heap or inodes not back to baseline");
}
