#include "vfs/tmpfs/directory.h"

#include "vfs/tmpfs/regular_file.h"
#include "vfs/tmpfs/symlink.h"

namespace vfs::tmpfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

namespace {
// Linux's tmpfs reports this much directory size per entry.
constexpr uint64_t kBytesPerEntry = 20;
} // namespace

ErrorOr<void> check_entry_name(StringView name)
{
    if (name.is_empty() || name == "." || name == "..")
        return ErrorCode::Invalid;
    if (name.size() > kMaxNameLength)
        return ErrorCode::NameTooLong;
    if (name.find('/').has_value())
        return ErrorCode::Invalid;
    return {};
}

ErrorOr<RefPtr<Directory>> Directory::create(RefPtr<TmpfsFileSystem> fs, uint32_t permissions, Owner owner,
                                             Directory* parent)
{
    return klib::try_make_ref<Directory>(std::move(fs), permissions, owner, parent);
}

Directory::~Directory()
{
    // Only a root that goes away can still have entries; its subdirectories
    // may outlive it (open elsewhere) and must not point back here.
    klib::SpinlockGuard guard(fs().namespace_lock());
    for (auto& entry : entries_)
        if (entry.inode->is_directory())
            orphan_locked(static_cast<Directory&>(*entry.inode));
}

uint64_t Directory::size() const
{
    klib::SpinlockGuard guard(fs().namespace_lock());
    return (entries_.size() + 2) * kBytesPerEntry;
}

klib::Optional<size_t> Directory::find_locked(StringView name) const
{
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].name.view() == name)
            return i;
    return {};
}

size_t Directory::first_at_or_after_locked(uint64_t cookie) const
{
    size_t low = 0;
    size_t high = entries_.size();
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (entries_[middle].cookie < cookie)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

ErrorOr<void> Directory::add_locked(Name name, RefPtr<Inode> inode)
{
    TRY(entries_.try_append(Entry { std::move(name), next_cookie_, std::move(inode) }));
    ++next_cookie_;
    return {};
}

void Directory::orphan_locked(Directory& child)
{
    child.parent_ = nullptr;
    child.removed_ = true;
    child.clear_link_count();
}

ErrorOr<RefPtr<Inode>> Directory::lookup(StringView name)
{
    if (name == ".")
        return RefPtr<Inode>(this);
    klib::SpinlockGuard guard(fs().namespace_lock());
    if (removed_)
        return ErrorCode::NoEntry;
    if (name == "..")
        return RefPtr<Inode>(parent_ ? parent_ : this);
    auto index = find_locked(name);
    if (!index.has_value())
        return ErrorCode::NoEntry;
    return entries_[index.value()].inode;
}

ErrorOr<void> Directory::insert_new(StringView name, RefPtr<Inode> child)
{
    auto copy = TRY(Name::create(name));
    klib::SpinlockGuard guard(fs().namespace_lock());
    if (removed_)
        return ErrorCode::NoEntry;
    if (find_locked(name).has_value())
        return ErrorCode::Exists;
    bool is_directory = child->is_directory();
    TRY(add_locked(std::move(copy), std::move(child)));
    if (is_directory)
        change_link_count(1);
    note_change(kModifyTime | kChangeTime);
    return {};
}

ErrorOr<RefPtr<Inode>> Directory::create(StringView name, uint32_t mode, Owner owner)
{
    TRY(check_entry_name(name));
    RefPtr<TmpfsFileSystem> file_system(&fs());
    RefPtr<Inode> child;
    switch (file_type(mode)) {
    case BANOS_S_IFREG:
        child = TRY(RegularFile::create(std::move(file_system), mode, owner));
        break;
    case BANOS_S_IFDIR:
        child = TRY(Directory::create(std::move(file_system), mode, owner, this));
        break;
    default:
        return ErrorCode::NotSupported;
    }
    TRY(insert_new(name, child));
    return child;
}

ErrorOr<RefPtr<Inode>> Directory::symlink(StringView name, StringView target, Owner owner)
{
    TRY(check_entry_name(name));
    RefPtr<Inode> child = TRY(Symlink::create(RefPtr<TmpfsFileSystem>(&fs()), target, owner));
    TRY(insert_new(name, child));
    return child;
}

ErrorOr<void> Directory::link(StringView name, Inode& target)
{
    TRY(check_entry_name(name));
    if (&target.file_system() != &file_system())
        return ErrorCode::CrossDevice;
    if (target.is_directory())
        return ErrorCode::NotPermitted;
    auto& node = static_cast<Node&>(target);
    auto copy = TRY(Name::create(name));
    {
        klib::SpinlockGuard guard(fs().namespace_lock());
        if (removed_)
            return ErrorCode::NoEntry;
        // A file whose last name is gone (open but unlinked) cannot get a
        // new one.
        if (node.attributes().nlink == 0)
            return ErrorCode::NoEntry;
        if (find_locked(name).has_value())
            return ErrorCode::Exists;
        TRY(add_locked(std::move(copy), RefPtr<Inode>(&target)));
        node.change_link_count(1);
        note_change(kModifyTime | kChangeTime);
    }
    node.note_change(kChangeTime);
    return {};
}

ErrorOr<void> Directory::unlink(StringView name)
{
    RefPtr<Inode> removed;
    {
        klib::SpinlockGuard guard(fs().namespace_lock());
        auto index = find_locked(name);
        if (removed_ || !index.has_value())
            return ErrorCode::NoEntry;
        if (entries_[index.value()].inode->is_directory())
            return ErrorCode::IsDirectory;
        removed = std::move(entries_[index.value()].inode);
        entries_.remove(index.value());
        static_cast<Node&>(*removed).change_link_count(-1);
        note_change(kModifyTime | kChangeTime);
    }
    static_cast<Node&>(*removed).note_change(kChangeTime);
    return {};
}

ErrorOr<void> Directory::rmdir(StringView name)
{
    RefPtr<Inode> removed;
    {
        klib::SpinlockGuard guard(fs().namespace_lock());
        auto index = find_locked(name);
        if (removed_ || !index.has_value())
            return ErrorCode::NoEntry;
        Inode& victim = *entries_[index.value()].inode;
        if (!victim.is_directory())
            return ErrorCode::NotDirectory;
        auto& child = static_cast<Directory&>(victim);
        if (!child.entries_.is_empty())
            return ErrorCode::NotEmpty;
        removed = std::move(entries_[index.value()].inode);
        entries_.remove(index.value());
        orphan_locked(child);
        change_link_count(-1);
        note_change(kModifyTime | kChangeTime);
    }
    return {};
}

ErrorOr<void> Directory::rename(StringView old_name, Inode& new_directory, StringView new_name)
{
    TRY(check_entry_name(new_name));
    if (&new_directory.file_system() != &file_system())
        return ErrorCode::CrossDevice;
    if (!new_directory.is_directory())
        return ErrorCode::NotDirectory;
    auto& target = static_cast<Directory&>(new_directory);
    auto copy = TRY(Name::create(new_name));

    RefPtr<Inode> source;
    RefPtr<Inode> replaced;
    {
        klib::SpinlockGuard guard(fs().namespace_lock());
        auto source_index = find_locked(old_name);
        if (removed_ || target.removed_ || !source_index.has_value())
            return ErrorCode::NoEntry;
        source = entries_[source_index.value()].inode;
        bool moving_directory = source->is_directory();
        if (moving_directory) {
            for (Directory* d = &target; d; d = d->parent_)
                if (d == source.get())
                    return ErrorCode::Invalid;
        }
        auto target_index = target.find_locked(new_name);
        if (target_index.has_value()) {
            Inode& existing = *target.entries_[target_index.value()].inode;
            if (&existing == source.get())
                return {};
            if (moving_directory) {
                if (!existing.is_directory())
                    return ErrorCode::NotDirectory;
                if (!static_cast<Directory&>(existing).entries_.is_empty())
                    return ErrorCode::NotEmpty;
            } else if (existing.is_directory()) {
                return ErrorCode::IsDirectory;
            }
            replaced = std::move(target.entries_[target_index.value()].inode);
            target.entries_[target_index.value()].inode = source;
        } else {
            // Appending leaves the source's index where it was.
            TRY(target.add_locked(std::move(copy), source));
        }
        entries_.remove(source_index.value());

        if (replaced) {
            if (replaced->is_directory()) {
                orphan_locked(static_cast<Directory&>(*replaced));
                target.change_link_count(-1);
            } else {
                static_cast<Node&>(*replaced).change_link_count(-1);
            }
        }
        if (moving_directory && &target != this) {
            change_link_count(-1);
            target.change_link_count(1);
            static_cast<Directory&>(*source).parent_ = &target;
        }
        note_change(kModifyTime | kChangeTime);
        if (&target != this)
            target.note_change(kModifyTime | kChangeTime);
    }
    static_cast<Node&>(*source).note_change(kChangeTime);
    if (replaced)
        static_cast<Node&>(*replaced).note_change(kChangeTime);
    return {};
}

ErrorOr<void> Directory::read_directory(uint64_t cursor, DirectoryVisitor& visitor)
{
    klib::SpinlockGuard guard(fs().namespace_lock());
    if (removed_)
        return {};
    if (cursor <= kDotCursor && !visitor.visit({ ".", ino(), BANOS_DT_DIR, kDotDotCursor }))
        return {};
    if (cursor <= kDotDotCursor) {
        uint64_t parent_ino = parent_ ? parent_->ino() : ino();
        if (!visitor.visit({ "..", parent_ino, BANOS_DT_DIR, kFirstEntryCursor }))
            return {};
    }
    for (size_t i = first_at_or_after_locked(cursor); i < entries_.size(); ++i) {
        const Entry& entry = entries_[i];
        DirectoryEntry reported { entry.name.view(), entry.inode->ino(), directory_entry_type(entry.inode->type()),
                                  entry.cookie + 1 };
        if (!visitor.visit(reported))
            break;
    }
    return {};
}

} // namespace vfs::tmpfs
