#include "module/exports.h"

#include "abi-versions/modules/driver.h"
#include "kernel/log.h"
#include "lib/hash_map.h"
#include "lib/spinlock.h"

extern "C" const banos_export __banos_export_start[], __banos_export_end[];

namespace module {

namespace {
klib::Spinlock g_lock;
klib::HashMap<klib::StringView, Export> g_exports;
} // namespace

klib::ErrorOr<void> load_kernel_exports()
{
    size_t count = 0;
    for (const banos_export* entry = __banos_export_start; entry < __banos_export_end; ++entry, ++count)
        TRY(add_export(klib::StringView(entry->name), Export { reinterpret_cast<uint64_t>(entry->address), nullptr }));
    klog::info("module: the kernel exports {} names (banos API {}.{}.{})", count, BANOS_API_MAJOR, BANOS_API_MINOR,
               BANOS_API_PATCH);
    return {};
}

klib::Optional<Export> find_export(klib::StringView name)
{
    klib::SpinlockGuard guard(g_lock);
    if (Export* found = g_exports.get(name))
        return *found;
    return {};
}

klib::ErrorOr<void> add_export(klib::StringView name, Export value)
{
    klib::SpinlockGuard guard(g_lock);
    if (g_exports.contains(name))
        return klib::ErrorCode::Exists;
    return g_exports.try_set(name, value);
}

void remove_export(klib::StringView name)
{
    klib::SpinlockGuard guard(g_lock);
    g_exports.remove(name);
}

size_t export_count()
{
    klib::SpinlockGuard guard(g_lock);
    return g_exports.size();
}

} // namespace module
