#include "vfs/file_system_types.h"

#include "lib/spinlock.h"
#include "lib/vector.h"
#include "vfs/name.h"

namespace vfs {

namespace {

struct Type {
    Name name;
    CreateFileSystem create;
    void* context;
};

struct Registry {
    klib::Spinlock lock;
    klib::Vector<Type> types;
};

Registry& registry()
{
    static Registry instance;
    return instance;
}

klib::Optional<size_t> find_locked(Registry& r, klib::StringView name)
{
    for (size_t i = 0; i < r.types.size(); ++i)
        if (r.types[i].name.view() == name)
            return i;
    return {};
}

} // namespace

klib::ErrorOr<void> register_file_system_type(klib::StringView name, CreateFileSystem create, void* context)
{
    if (name.is_empty() || name.size() > kMaxNameLength || name.find('/').has_value() || !create)
        return klib::ErrorCode::Invalid;
    auto copy = TRY(Name::create(name));
    Registry& r = registry();
    klib::SpinlockGuard guard(r.lock);
    if (find_locked(r, name).has_value())
        return klib::ErrorCode::Exists;
    return r.types.try_append(Type { std::move(copy), create, context });
}

klib::ErrorOr<void> unregister_file_system_type(klib::StringView name)
{
    Registry& r = registry();
    klib::SpinlockGuard guard(r.lock);
    auto index = find_locked(r, name);
    if (!index.has_value())
        return klib::ErrorCode::NoEntry;
    r.types.remove(index.value());
    return {};
}

klib::ErrorOr<klib::RefPtr<Inode>> create_file_system(klib::StringView type)
{
    CreateFileSystem create;
    void* context;
    {
        Registry& r = registry();
        klib::SpinlockGuard guard(r.lock);
        auto index = find_locked(r, type);
        if (!index.has_value())
            return klib::ErrorCode::NotDevice;
        create = r.types[index.value()].create;
        context = r.types[index.value()].context;
    }
    // Outside the lock: making a file system may allocate and block.
    return create(context);
}

} // namespace vfs
