#include "vfs/devfs/devfs.h"

#include "lib/optional.h"
#include "lib/spinlock.h"
#include "lib/vector.h"
#include "vfs/file_system.h"
#include "vfs/name.h"

namespace vfs::devfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

namespace {

constexpr uint64_t kRootIno = 1;
constexpr uint64_t kDeviceMajor = 1;

class DevfsFileSystem final : public FileSystem {
public:
    StringView name() const override { return "devfs"; }
};

class DeviceNode final : public Inode {
public:
    DeviceNode(RefPtr<FileSystem> fs, uint64_t ino, uint32_t permissions, uint64_t rdev, OpenFunction opener,
               void* context)
        : Inode(std::move(fs), ino, BANOS_S_IFCHR | (permissions & kPermissionMask), Owner {}, rdev)
        , open_(opener)
        , context_(context)
    {
        record_birth(); // a device node is born when its driver registers it
    }

    ErrorOr<klib::OwnPtr<File>> open(uint32_t flags) override { return open_(context_, flags); }

private:
    OpenFunction open_;
    void* context_;
};

class RootDirectory final : public Inode {
public:
    explicit RootDirectory(RefPtr<FileSystem> fs) : Inode(std::move(fs), kRootIno, BANOS_S_IFDIR | 0755, Owner {})
    {
        record_birth();
        set_link_count(2);
    }

    ErrorOr<RefPtr<Inode>> lookup(StringView name) override
    {
        if (name == "." || name == "..")
            return RefPtr<Inode>(this);
        klib::SpinlockGuard guard(lock_);
        auto index = find_locked(name);
        if (!index.has_value())
            return ErrorCode::NoEntry;
        return entries_[index.value()].node;
    }

    ErrorOr<void> read_directory(uint64_t cursor, DirectoryVisitor& visitor) override
    {
        if (cursor <= kDotCursor && !visitor.visit({ ".", ino(), BANOS_DT_DIR, kDotDotCursor }))
            return {};
        if (cursor <= kDotDotCursor && !visitor.visit({ "..", ino(), BANOS_DT_DIR, kFirstEntryCursor }))
            return {};
        klib::SpinlockGuard guard(lock_);
        for (auto& entry : entries_) {
            if (entry.cookie < cursor)
                continue;
            if (!visitor.visit({ entry.name.view(), entry.node->ino(), BANOS_DT_CHR, entry.cookie + 1 }))
                break;
        }
        return {};
    }

    uint64_t size() const override
    {
        klib::SpinlockGuard guard(lock_);
        return entries_.size();
    }

    ErrorOr<void> add(StringView name, uint32_t permissions, OpenFunction opener, void* context)
    {
        auto copy = TRY(Name::create(name));
        klib::SpinlockGuard guard(lock_);
        if (find_locked(name).has_value())
            return ErrorCode::Exists;
        uint64_t number = next_number_;
        auto node = TRY(klib::try_make_ref<DeviceNode>(RefPtr<FileSystem>(&file_system()), kRootIno + number,
                                                       permissions, (kDeviceMajor << 8) | number, opener, context));
        TRY(entries_.try_append(Entry { std::move(copy), next_cookie_, std::move(node) }));
        ++next_cookie_;
        ++next_number_;
        touch(kModifyTime | kChangeTime);
        return {};
    }

    ErrorOr<void> remove(StringView name)
    {
        RefPtr<Inode> removed;
        klib::SpinlockGuard guard(lock_);
        auto index = find_locked(name);
        if (!index.has_value())
            return ErrorCode::NoEntry;
        removed = std::move(entries_[index.value()].node);
        entries_.remove(index.value());
        touch(kModifyTime | kChangeTime);
        return {};
    }

private:
    struct Entry {
        Name name;
        uint64_t cookie;
        RefPtr<Inode> node;
    };

    klib::Optional<size_t> find_locked(StringView name) const
    {
        for (size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].name.view() == name)
                return i;
        return {};
    }

    mutable klib::Spinlock lock_;
    klib::Vector<Entry> entries_;
    uint64_t next_cookie_ { kFirstEntryCursor };
    uint64_t next_number_ { 1 };
};

struct State {
    klib::Spinlock lock;
    RefPtr<RootDirectory> root;
};

State& state()
{
    static State instance;
    return instance;
}

ErrorOr<RefPtr<RootDirectory>> the_root()
{
    auto& s = state();
    klib::SpinlockGuard guard(s.lock);
    if (!s.root) {
        auto fs = TRY(klib::try_make_ref<DevfsFileSystem>());
        s.root = TRY(klib::try_make_ref<RootDirectory>(RefPtr<FileSystem>(std::move(fs))));
    }
    return s.root;
}

bool valid_name(StringView name)
{
    return !name.is_empty() && name.size() <= kMaxNameLength && name != "." && name != ".."
        && !name.find('/').has_value();
}

} // namespace

ErrorOr<void> register_device(StringView name, uint32_t permissions, OpenFunction open, void* context)
{
    if (!valid_name(name) || !open)
        return ErrorCode::Invalid;
    auto directory = TRY(the_root());
    return directory->add(name, permissions, open, context);
}

ErrorOr<void> unregister_device(StringView name)
{
    auto directory = TRY(the_root());
    return directory->remove(name);
}

ErrorOr<RefPtr<Inode>> root()
{
    auto directory = TRY(the_root());
    return RefPtr<Inode>(std::move(directory));
}

void reset()
{
    RefPtr<RootDirectory> dropped;
    auto& s = state();
    klib::SpinlockGuard guard(s.lock);
    dropped = std::move(s.root);
}

} // namespace vfs::devfs
