// File system types for modules: a flat, read-only directory whose files
// the module serves (abi-versions/modules/api.h, banos_fs_ops), mountable
// by name through vfs/file_system_types.h.
#include "abi-versions/modules/api.h"
#include "lib/math.h"
#include "lib/own_ptr.h"
#include "lib/spinlock.h"
#include "lib/vector.h"
#include "module/api/resources.h"
#include "module/loader.h"
#include "vfs/file_system.h"
#include "vfs/file_system_types.h"
#include "vfs/inode.h"
#include "vfs/io_buffer.h"
#include "vfs/name.h"

namespace module::api {

namespace {

constexpr uint64_t kRootIno = 1;
constexpr uint64_t kMaxEntries = 4096;

struct Type {
    vfs::Name name;
    banos_fs_ops ops;
    void* context;
    Module* owner;
};

klib::Spinlock g_lock;
klib::Vector<klib::OwnPtr<Type>> g_types;


class ModuleFileSystem final : public vfs::FileSystem {
public:
    ModuleFileSystem(const Type& type, void* instance) : type_(type), instance_(instance) {}
    ~ModuleFileSystem() override
    {
        if (type_.ops.unmount)
            type_.ops.unmount(instance_);
    }
    klib::StringView name() const override { return type_.name.view(); }
    const banos_fs_ops& ops() const { return type_.ops; }
    void* instance() const { return instance_; }

    // The index-th file's name; NoEntry past the last.
    klib::ErrorOr<void> entry(uint64_t index, char* name, size_t capacity) const
    {
        if (index >= kMaxEntries)
            return klib::ErrorCode::NoEntry;
        name[0] = '\0';
        TRY(kernel_result(type_.ops.entry(instance_, index, name, capacity)));
        name[capacity - 1] = '\0';
        return {};
    }

private:
    const Type& type_;
    void* instance_;
};


class FileNode final : public vfs::Inode {
public:
    FileNode(klib::RefPtr<vfs::FileSystem> fs, uint64_t index)
        : Inode(std::move(fs), kRootIno + 1 + index, BANOS_S_IFREG | 0444, vfs::Owner {})
        , index_(index)
    {
    }

    uint64_t size() const override
    {
        auto& fs = static_cast<ModuleFileSystem&>(file_system());
        int64_t size = fs.ops().size ? fs.ops().size(fs.instance(), index_) : 0;
        return size > 0 ? static_cast<uint64_t>(size) : 0;
    }

    klib::ErrorOr<size_t> read(uint64_t offset, vfs::IoBuffer& buffer, size_t count) override
    {
        auto& fs = static_cast<ModuleFileSystem&>(file_system());
        if (!fs.ops().read)
            return klib::ErrorCode::Invalid;
        size_t n = klib::min(klib::min(count, buffer.size()), kBounceSize);
        auto bounce = TRY(klib::try_make<Bounce>());
        uint64_t got = TRY(kernel_result(fs.ops().read(fs.instance(), index_, offset, bounce->bytes, n)));
        if (got > n)
            return klib::ErrorCode::IoError;
        TRY(buffer.write_to(0, klib::ReadonlyBytes(bounce->bytes, got)));
        return static_cast<size_t>(got);
    }

    klib::ErrorOr<size_t> write(uint64_t, vfs::IoBuffer&, size_t) override { return klib::ErrorCode::ReadOnlyFs; }
    klib::ErrorOr<void> truncate(uint64_t) override { return klib::ErrorCode::ReadOnlyFs; }
    klib::ErrorOr<void> set_mode(uint32_t) override { return klib::ErrorCode::ReadOnlyFs; }
    klib::ErrorOr<void> set_owner(uint32_t, uint32_t) override { return klib::ErrorCode::ReadOnlyFs; }

private:
    uint64_t index_;
};

class RootNode final : public vfs::Inode {
public:
    explicit RootNode(klib::RefPtr<vfs::FileSystem> fs) : Inode(std::move(fs), kRootIno, BANOS_S_IFDIR | 0555, vfs::Owner {})
    {
        set_link_count(2);
    }

    klib::ErrorOr<klib::RefPtr<vfs::Inode>> lookup(klib::StringView name) override
    {
        if (name == "." || name == "..")
            return klib::RefPtr<vfs::Inode>(this);
        auto& fs = static_cast<ModuleFileSystem&>(file_system());
        char entry[vfs::kMaxNameLength + 1];
        for (uint64_t index = 0;; ++index) {
            TRY(fs.entry(index, entry, sizeof(entry)));
            if (klib::StringView(entry) == name)
                return klib::RefPtr<vfs::Inode>(
                    TRY(klib::try_make_ref<FileNode>(klib::RefPtr<vfs::FileSystem>(&fs), index)));
        }
    }

    klib::ErrorOr<void> read_directory(uint64_t cursor, vfs::DirectoryVisitor& visitor) override
    {
        if (cursor <= vfs::kDotCursor && !visitor.visit({ ".", ino(), BANOS_DT_DIR, vfs::kDotDotCursor }))
            return {};
        if (cursor <= vfs::kDotDotCursor && !visitor.visit({ "..", ino(), BANOS_DT_DIR, vfs::kFirstEntryCursor }))
            return {};
        auto& fs = static_cast<ModuleFileSystem&>(file_system());
        char entry[vfs::kMaxNameLength + 1];
        uint64_t first = cursor > vfs::kFirstEntryCursor ? cursor - vfs::kFirstEntryCursor : 0;
        for (uint64_t index = first;; ++index) {
            if (fs.entry(index, entry, sizeof(entry)).is_error())
                return {};
            if (!visitor.visit({ klib::StringView(entry), kRootIno + 1 + index, BANOS_DT_REG,
                                 vfs::kFirstEntryCursor + index + 1 }))
                return {};
        }
    }

    klib::ErrorOr<void> set_mode(uint32_t) override { return klib::ErrorCode::ReadOnlyFs; }
    klib::ErrorOr<void> set_owner(uint32_t, uint32_t) override { return klib::ErrorCode::ReadOnlyFs; }
};

klib::ErrorOr<klib::RefPtr<vfs::Inode>> mount_type(void* context)
{
    const Type& type = *static_cast<Type*>(context);
    void* instance = type.ops.mount(type.context);
    if (!instance)
        return klib::ErrorCode::NoDevice;
    auto fs = klib::try_make_ref<ModuleFileSystem>(type, instance);
    if (fs.is_error()) {
        if (type.ops.unmount)
            type.ops.unmount(instance);
        return fs.release_error();
    }
    auto root = TRY(klib::try_make_ref<RootNode>(klib::RefPtr<vfs::FileSystem>(fs.release_value())));
    return klib::RefPtr<vfs::Inode>(std::move(root));
}

klib::ErrorOr<void> add(const char* name, const banos_fs_ops* ops, void* context)
{
    if (!name || !ops || !ops->mount || !ops->entry)
        return klib::ErrorCode::Invalid;
    auto copy = TRY(vfs::Name::create(klib::StringView(name)));
    auto type = TRY(klib::try_make<Type>(std::move(copy), *ops, context, installing_module()));
    klib::SpinlockGuard guard(g_lock);
    TRY(g_types.try_reserve(g_types.size() + 1));
    TRY(vfs::register_file_system_type(klib::StringView(name), mount_type, type.get()));
    (void)g_types.try_append(std::move(type));
    return {};
}

} // namespace

void release_file_system_types(Module* owner)
{
    klib::SpinlockGuard guard(g_lock);
    for (size_t i = g_types.size(); i-- > 0;) {
        if (g_types[i]->owner != owner)
            continue;
        (void)vfs::unregister_file_system_type(g_types[i]->name.view());
        g_types.remove(i);
    }
}

} // namespace module::api

extern "C" {

int banos_fs_register(const char* type, const struct banos_fs_ops* ops, void* context)
{
    auto added = module::api::add(type, ops, context);
    return added.is_error() ? module::api::module_error(added.error()) : 0;
}

int banos_fs_unregister(const char* type)
{
    if (!type)
        return -BANOS_E_Invalid;
    auto removed = vfs::unregister_file_system_type(klib::StringView(type));
    return removed.is_error() ? module::api::module_error(removed.error()) : 0;
}

} // extern "C"

BANOS_EXPORT(banos_fs_register);
BANOS_EXPORT(banos_fs_unregister);
