// File system types by name: register, make, refuse unknown and duplicate names.
// The kernel's headers come first: gtest pulls in the host's <sys/stat.h>,
// whose st_atime macros would rename the ABI's fields.
#include "vfs/file_system_types.h"
#include "vfs/tmpfs/tmpfs.h"

#include <gtest/gtest.h>

namespace {

using klib::ErrorCode;

int g_made = 0;

klib::ErrorOr<klib::RefPtr<vfs::Inode>> make_tmpfs(void* context)
{
    ++*static_cast<int*>(context);
    return vfs::tmpfs::create();
}

TEST(VfsFileSystemTypes, RegisteredTypesMakeFreshFileSystems)
{
    ASSERT_FALSE(vfs::register_file_system_type("testfs", make_tmpfs, &g_made).is_error());
    EXPECT_EQ(vfs::register_file_system_type("testfs", make_tmpfs, &g_made).error().code(), ErrorCode::Exists);
    auto first = vfs::create_file_system("testfs");
    auto second = vfs::create_file_system("testfs");
    ASSERT_FALSE(first.is_error());
    ASSERT_FALSE(second.is_error());
    EXPECT_EQ(g_made, 2);
    EXPECT_TRUE(first.value()->is_directory());
    EXPECT_NE(&first.value()->file_system(), &second.value()->file_system());
    EXPECT_FALSE(vfs::unregister_file_system_type("testfs").is_error());
    EXPECT_EQ(vfs::create_file_system("testfs").error().code(), ErrorCode::NotDevice);
    EXPECT_EQ(vfs::unregister_file_system_type("testfs").error().code(), ErrorCode::NoEntry);
}

TEST(VfsFileSystemTypes, BadNamesAreRefused)
{
    EXPECT_EQ(vfs::register_file_system_type("", make_tmpfs, &g_made).error().code(), ErrorCode::Invalid);
    EXPECT_EQ(vfs::register_file_system_type("a/b", make_tmpfs, &g_made).error().code(), ErrorCode::Invalid);
    EXPECT_EQ(vfs::register_file_system_type("ok", nullptr, &g_made).error().code(), ErrorCode::Invalid);
    EXPECT_EQ(vfs::create_file_system("nosuchfs").error().code(), ErrorCode::NotDevice);
}

} // namespace
