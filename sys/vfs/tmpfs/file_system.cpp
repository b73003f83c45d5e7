#include "vfs/tmpfs/file_system.h"

#include "vfs/tmpfs/directory.h"

namespace vfs::tmpfs {

klib::ErrorOr<void> TmpfsFileSystem::reserve_page()
{
    uint64_t used = __atomic_add_fetch(&pages_used_, 1, __ATOMIC_RELAXED);
    if (max_pages_ && used > max_pages_) {
        __atomic_sub_fetch(&pages_used_, 1, __ATOMIC_RELAXED);
        return klib::ErrorCode::NoSpace;
    }
    return {};
}

klib::ErrorOr<klib::RefPtr<Inode>> create(const Options& options)
{
    auto fs = TRY(klib::try_make_ref<TmpfsFileSystem>(options.max_pages));
    auto root = TRY(Directory::create(std::move(fs), options.root_mode, options.root_owner, nullptr));
    return klib::RefPtr<Inode>(std::move(root));
}

uint64_t pages_in_use(const Inode& inode)
{
    // Only meaningful for tmpfs inodes; others report nothing.
    if (inode.file_system().name() != "tmpfs")
        return 0;
    return static_cast<TmpfsFileSystem&>(inode.file_system()).pages_used();
}

} // namespace vfs::tmpfs
