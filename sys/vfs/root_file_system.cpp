#include "vfs/root_file_system.h"

#include "vfs/devfs/devfs.h"
#include "vfs/file_system_types.h"
#include "vfs/mount.h"
#include "vfs/procfs/procfs.h"
#include "vfs/tmpfs/tmpfs.h"
#include "vfs/tmpfs/ustar_loader.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;

namespace {

ErrorOr<RefPtr<Inode>> new_tmpfs(void*) { return tmpfs::create(); }

// The directory `name` in `root`, made with `permissions` if missing.
ErrorOr<RefPtr<Inode>> ensure_directory(const RefPtr<Inode>& root, klib::StringView name, uint32_t permissions)
{
    auto existing = root->lookup(name);
    if (!existing.is_error()) {
        if (!existing.value()->is_directory())
            return ErrorCode::NotDirectory;
        return existing.release_value();
    }
    if (existing.error() != klib::Error(ErrorCode::NoEntry))
        return existing.release_error();
    return root->create(name, BANOS_S_IFDIR | permissions, Owner {});
}

} // namespace

ErrorOr<RefPtr<Inode>> build_root_file_system(const fs::UstarArchive* archive)
{
    RefPtr<Inode> root;
    if (archive)
        root = TRY(tmpfs_from_ustar(*archive));
    else
        root = TRY(tmpfs::create());
    auto dev = TRY(ensure_directory(root, "dev", 0755));
    auto proc = TRY(ensure_directory(root, "proc", 0555));
    TRY(ensure_directory(root, "tmp", 01777));

    auto standard = devfs::register_standard_devices();
    if (standard.is_error() && standard.error() != klib::Error(ErrorCode::Exists))
        return standard.release_error();
    auto devices = TRY(devfs::root());
    TRY(mount(std::move(devices), dev));
    auto processes = TRY(procfs::create());
    TRY(mount(std::move(processes), proc));
    // More tmpfs instances, by name, for the mount call.
    auto type = register_file_system_type("tmpfs", new_tmpfs, nullptr);
    if (type.is_error() && type.error() != klib::Error(ErrorCode::Exists))
        return type.release_error();
    return root;
}

} // namespace vfs
