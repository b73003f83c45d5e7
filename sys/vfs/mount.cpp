#include "vfs/mount.h"

#include "lib/spinlock.h"
#include "lib/vector.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;

namespace {

struct Mount {
    RefPtr<Inode> point;
    RefPtr<Inode> root;
};

struct MountTable {
    klib::Spinlock lock;
    klib::Vector<Mount> mounts;
};

MountTable& table()
{
    static MountTable instance;
    return instance;
}

} // namespace

ErrorOr<void> mount(RefPtr<Inode> root, RefPtr<Inode> at)
{
    if (!root || !at)
        return ErrorCode::Invalid;
    if (!at->is_directory())
        return ErrorCode::NotDirectory;
    if (!root->is_directory() || &root->file_system() == &at->file_system())
        return ErrorCode::Invalid;
    auto& t = table();
    klib::SpinlockGuard guard(t.lock);
    for (auto& m : t.mounts) {
        if (m.point->is_same(*at))
            return ErrorCode::Busy;
        if (m.root->is_same(*root))
            return ErrorCode::Busy;
    }
    return t.mounts.try_append(Mount { std::move(at), std::move(root) });
}

ErrorOr<void> unmount(const Inode& at)
{
    Mount removed;
    {
        auto& t = table();
        klib::SpinlockGuard guard(t.lock);
        size_t i = 0;
        for (; i < t.mounts.size(); ++i)
            if (t.mounts[i].point->is_same(at))
                break;
        if (i == t.mounts.size())
            return ErrorCode::Invalid;
        removed = std::move(t.mounts[i]);
        t.mounts.remove(i);
    }
    // `removed` drops its references here, outside the lock.
    return {};
}

void unmount_all()
{
    klib::Vector<Mount> removed;
    {
        auto& t = table();
        klib::SpinlockGuard guard(t.lock);
        removed = std::move(t.mounts);
    }
}

RefPtr<Inode> mounted_at(const Inode& directory)
{
    if (!directory.is_directory())
        return nullptr;
    auto& t = table();
    klib::SpinlockGuard guard(t.lock);
    for (auto& m : t.mounts)
        if (m.point->is_same(directory))
            return m.root;
    return nullptr;
}

RefPtr<Inode> mount_point_of(const Inode& root)
{
    if (!root.is_directory())
        return nullptr;
    auto& t = table();
    klib::SpinlockGuard guard(t.lock);
    for (auto& m : t.mounts)
        if (m.root->is_same(root))
            return m.point;
    return nullptr;
}

bool is_mount_point(const Inode& directory) { return static_cast<bool>(mounted_at(directory)); }

} // namespace vfs
