#include "vfs/tmpfs/ustar_loader.h"

#include "vfs/io_buffer.h"
#include "vfs/tmpfs/tmpfs.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

namespace {

constexpr Owner kRootOwner { 0, 0 };

struct Split {
    StringView parent; // "" for the root
    StringView name;
};

Split split(StringView path)
{
    auto slash = path.find_last('/');
    if (!slash.has_value())
        return { "", path };
    return { path.substring(0, slash.value()), path.substring(slash.value() + 1) };
}

// Walks `path` (normalized: no leading, trailing or doubled slashes, no
// "..") from the root, making missing directories.
ErrorOr<RefPtr<Inode>> directory_at(const RefPtr<Inode>& root, StringView path)
{
    RefPtr<Inode> current = root;
    while (!path.is_empty()) {
        size_t end = path.find('/').value_or(path.size());
        StringView component = path.substring(0, end);
        path = end < path.size() ? path.substring(end + 1) : StringView();
        if (component.is_empty() || component == ".")
            continue;
        auto next = current->lookup(component);
        if (next.is_error()) {
            if (next.error() != klib::Error(ErrorCode::NoEntry))
                return next.release_error();
            current = TRY(current->create(component, BANOS_S_IFDIR | 0755, kRootOwner));
            continue;
        }
        if (!next.value()->is_directory())
            return ErrorCode::NotDirectory;
        current = next.release_value();
    }
    return current;
}

// The directory at `path`, if every component is one; no creation.
RefPtr<Inode> existing_directory(const RefPtr<Inode>& root, StringView path)
{
    RefPtr<Inode> current = root;
    while (!path.is_empty()) {
        size_t end = path.find('/').value_or(path.size());
        StringView component = path.substring(0, end);
        path = end < path.size() ? path.substring(end + 1) : StringView();
        if (component.is_empty() || component == ".")
            continue;
        auto next = current->lookup(component);
        if (next.is_error() || !next.value()->is_directory())
            return nullptr;
        current = next.release_value();
    }
    return current;
}

ErrorOr<void> apply_attributes(Inode& inode, const fs::UstarEntry& entry)
{
    TRY(inode.set_owner(entry.uid(), entry.gid()));
    if (!inode.is_symlink())
        TRY(inode.set_mode(entry.mode() & kPermissionMask));
    Timestamp mtime { static_cast<int64_t>(entry.mtime()), 0 };
    return inode.set_times(&mtime, &mtime);
}

ErrorOr<void> add_entry(const RefPtr<Inode>& root, const fs::UstarEntry& entry)
{
    StringView path = fs::UstarArchive::normalize(entry.path());
    if (path.is_empty())
        return entry.type() == fs::UstarType::Directory ? apply_attributes(*root, entry) : ErrorCode::Invalid;
    Split parts = split(path);
    if (parts.name.size() > kMaxNameLength)
        return ErrorCode::NameTooLong;
    RefPtr<Inode> parent = TRY(directory_at(root, parts.parent));

    auto existing = parent->lookup(parts.name);
    if (!existing.is_error()) {
        bool both_directories = existing.value()->is_directory() && entry.type() == fs::UstarType::Directory;
        if (both_directories)
            return apply_attributes(*existing.value(), entry);
        if (existing.value()->is_directory())
            TRY(parent->rmdir(parts.name));
        else
            TRY(parent->unlink(parts.name));
    }

    RefPtr<Inode> inode;
    switch (entry.type()) {
    case fs::UstarType::Directory:
        inode = TRY(parent->create(parts.name, BANOS_S_IFDIR | 0755, kRootOwner));
        break;
    case fs::UstarType::Symlink:
        inode = TRY(parent->symlink(parts.name, entry.link_target(), kRootOwner));
        break;
    case fs::UstarType::Regular: {
        inode = TRY(parent->create(parts.name, BANOS_S_IFREG | 0644, kRootOwner));
        auto data = entry.data();
        auto buffer = KernelBuffer::read_only(data.data(), data.size());
        size_t written = TRY(inode->write(0, buffer, data.size()));
        if (written != data.size())
            return ErrorCode::NoSpace;
        break;
    }
    }
    return apply_attributes(*inode, entry);
}

} // namespace

ErrorOr<RefPtr<Inode>> tmpfs_from_ustar(const fs::UstarArchive& archive, const tmpfs::Options& options)
{
    RefPtr<Inode> root = TRY(tmpfs::create(options));
    klib::Optional<klib::Error> failure;
    archive.for_each([&](const fs::UstarEntry& entry) {
        auto added = add_entry(root, entry);
        if (added.is_error()) {
            failure = added.error();
            return false;
        }
        return true;
    });
    if (failure.has_value())
        return failure.value();
    // Adding children touched the directories' times; set them again on
    // every directory entry that was not replaced by a later one.
    archive.for_each([&](const fs::UstarEntry& entry) {
        if (entry.type() != fs::UstarType::Directory)
            return;
        auto directory = existing_directory(root, fs::UstarArchive::normalize(entry.path()));
        if (!directory)
            return;
        Timestamp mtime { static_cast<int64_t>(entry.mtime()), 0 };
        (void)directory->set_times(&mtime, &mtime);
    });
    return root;
}

} // namespace vfs
