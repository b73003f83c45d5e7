// Character devices for modules: a /dev node whose reads and writes go to
// the module's callbacks through a kernel bounce buffer.
#include "abi-versions/modules/api.h"
#include "lib/math.h"
#include "lib/own_ptr.h"
#include "lib/spinlock.h"
#include "lib/vector.h"
#include "module/api/resources.h"
#include "module/loader.h"
#include "vfs/devfs/devfs.h"
#include "vfs/file.h"
#include "vfs/io_buffer.h"
#include "vfs/name.h"

namespace module::api {

namespace {



struct Device {
    vfs::Name name;
    banos_chardev_ops ops;
    void* context;
    Module* owner;
};

klib::Spinlock g_lock;
klib::Vector<klib::OwnPtr<Device>> g_devices;


class DeviceFile final : public vfs::File {
public:
    explicit DeviceFile(Device& device) : device_(device) {}

    klib::ErrorOr<size_t> read(vfs::FileDescription&, uint64_t offset, vfs::IoBuffer& buffer, size_t count) override
    {
        if (!device_.ops.read)
            return klib::ErrorCode::Invalid;
        size_t n = klib::min(count, kBounceSize);
        auto bounce = TRY(klib::try_make<Bounce>());
        size_t got = TRY(kernel_result(device_.ops.read(device_.context, offset, bounce->bytes, n)));
        if (got > n)
            return klib::ErrorCode::IoError;
        TRY(buffer.write_to(0, klib::ReadonlyBytes(bounce->bytes, got)));
        return got;
    }

    klib::ErrorOr<size_t> write(vfs::FileDescription&, uint64_t offset, vfs::IoBuffer& buffer, size_t count) override
    {
        if (!device_.ops.write)
            return klib::ErrorCode::Invalid;
        size_t n = klib::min(count, kBounceSize);
        auto bounce = TRY(klib::try_make<Bounce>());
        TRY(buffer.read_from(0, klib::Bytes(bounce->bytes, n)));
        size_t put = TRY(kernel_result(device_.ops.write(device_.context, offset, bounce->bytes, n)));
        return klib::min(put, n);
    }

    bool is_seekable() const override { return true; }

private:
    Device& device_;
};

klib::ErrorOr<klib::OwnPtr<vfs::File>> open_device(void* context, uint32_t)
{
    auto file = TRY(klib::try_make<DeviceFile>(*static_cast<Device*>(context)));
    return klib::OwnPtr<vfs::File>(std::move(file));
}

klib::ErrorOr<void> add(const char* name, uint32_t permissions, const banos_chardev_ops* ops, void* context)
{
    if (!name || !ops)
        return klib::ErrorCode::Invalid;
    auto copy = TRY(vfs::Name::create(klib::StringView(name)));
    auto device = TRY(klib::try_make<Device>(std::move(copy), *ops, context, installing_module()));
    klib::SpinlockGuard guard(g_lock);
    TRY(g_devices.try_reserve(g_devices.size() + 1));
    TRY(vfs::devfs::register_device(klib::StringView(name), permissions, open_device, device.get()));
    (void)g_devices.try_append(std::move(device));
    return {};
}

} // namespace

void release_devices(Module* owner)
{
    klib::SpinlockGuard guard(g_lock);
    for (size_t i = g_devices.size(); i-- > 0;) {
        if (g_devices[i]->owner != owner)
            continue;
        (void)vfs::devfs::unregister_device(g_devices[i]->name.view());
        g_devices.remove(i);
    }
}

} // namespace module::api

extern "C" {

int banos_chardev_register(const char* name, uint32_t permissions, const struct banos_chardev_ops* ops, void* context)
{
    auto added = module::api::add(name, permissions & 0777, ops, context);
    return added.is_error() ? module::api::module_error(added.error()) : 0;
}

int banos_chardev_unregister(const char* name)
{
    if (!name)
        return -BANOS_E_Invalid;
    auto removed = vfs::devfs::unregister_device(klib::StringView(name));
    return removed.is_error() ? module::api::module_error(removed.error()) : 0;
}

} // extern "C"

BANOS_EXPORT(banos_chardev_register);
BANOS_EXPORT(banos_chardev_unregister);
