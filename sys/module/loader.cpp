#include "module/loader.h"

#include "arch/x86_64/mm/phys.h"
#include "kernel/log.h"
#include "mm/physical_memory.h"
#include "lib/own_ptr.h"
#include "lib/spinlock.h"
#include "module/api/resources.h"
#include "module/elf_module.h"
#include "module/exports.h"
#include "module/module.h"

namespace module {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::StringView;

namespace {

klib::Spinlock g_lock;
bool g_busy = false;
Module* g_installing = nullptr;
klib::Vector<klib::OwnPtr<Module>> g_modules; // in install order

Module* find_module(StringView name)
{
    for (auto& module : g_modules)
        if (module->name() == name)
            return module.get();
    return nullptr;
}

// Imports come from the kernel and from the modules the record requires.
class Resolver final : public SymbolResolver {
public:
    explicit Resolver(klib::Span<Module* const> required) : required_(required) {}

    klib::Optional<uint64_t> lookup(StringView name) override
    {
        auto found = find_export(name);
        if (!found)
            return {};
        if (!found->owner)
            return found->address;
        for (Module* module : required_)
            if (module == found->owner)
                return found->address;
        return {};
    }

private:
    klib::Span<Module* const> required_;
};

int compare_versions(const banos_api_version& a, uint16_t major, uint16_t minor, uint16_t patch)
{
    if (a.major != major)
        return a.major < major ? -1 : 1;
    if (a.minor != minor)
        return a.minor < minor ? -1 : 1;
    if (a.patch != patch)
        return a.patch < patch ? -1 : 1;
    return 0;
}

template <typename... Args>
klib::Error refuse(Problem& why, ErrorCode code, StringView format, const Args&... args)
{
    why = Problem::formatted(format, args...);
    return code;
}

// Everything up to a running, registered module. On failure `why` says
// what went wrong and nothing of the module is left.
ErrorOr<Module*> install_locked(klib::ReadonlyBytes file, Problem& why)
{
    auto image = TRY(ModuleImage::parse(file, &why));
    const banos_driver_record& record = image.driver();
    const auto& needed = record.min_api;
    if (compare_versions(needed, BANOS_API_MAJOR, BANOS_API_MINOR, BANOS_API_PATCH) > 0
        || needed.major != BANOS_API_MAJOR)
        return refuse(why, ErrorCode::ExecFormat, "'{}' needs banos API {}.{}.{}; this kernel has {}.{}.{}",
                      image.name(), needed.major, needed.minor, needed.patch, BANOS_API_MAJOR, BANOS_API_MINOR,
                      BANOS_API_PATCH);
    if (find_module(image.name()))
        return refuse(why, ErrorCode::Exists, "'{}' is already installed", image.name());

    klib::Vector<Module*> required;
    for (const auto& name : record.required) {
        if (!name[0])
            continue;
        Module* module = find_module(StringView(name));
        if (!module)
            return refuse(why, ErrorCode::NoEntry, "'{}' requires module '{}', which is not installed", image.name(),
                          StringView(name));
        TRY(required.try_append(module));
    }
    Resolver resolver(klib::Span<Module* const>(required.data(), required.size()));
    TRY(image.resolve(resolver, &why));

    const Layout& layout = image.layout();
    auto memory_or = mm::ModuleMemory::create(layout.total_size);
    if (memory_or.is_error())
        return refuse(why, memory_or.error().code(), "no room for '{}' ({} bytes): {}", image.name(),
                      layout.total_size, memory_or.error());
    mm::ModuleMemory memory = memory_or.release_value();
    klib::Bytes bytes(memory.data(), layout.total_size);
    TRY(image.relocate(bytes, memory.base(), &why));

    banos_driver_record placed;
    __builtin_memcpy(&placed, bytes.data() + image.driver_offset(), sizeof(placed));
    auto in_text = [&](auto pointer) {
        auto address = reinterpret_cast<uint64_t>(pointer);
        return address >= memory.base() && address < memory.base() + layout.text_size;
    };
    if (!in_text(placed.init) || (placed.uninit && !in_text(placed.uninit)))
        return refuse(why, ErrorCode::ExecFormat, "'{}': init or uninit does not point into its own code", image.name());

    auto module = TRY(klib::try_make<Module>(record, std::move(memory)));
    for (Module* owner : required)
        TRY(module->requirements().try_append(owner));
    uint64_t base = module->base();
    ErrorOr<void> duplicate;
    TRY(image.for_each_export(
        klib::ReadonlyBytes(bytes.data(), bytes.size()), base,
        [&](StringView name, uint64_t address) {
            if (duplicate.is_error())
                return;
            if (address < base || address >= base + layout.total_size) {
                duplicate = refuse(why, ErrorCode::ExecFormat, "'{}' exports '{}' at an address outside itself",
                                   image.name(), name);
                return;
            }
            auto taken = find_export(name);
            for (auto& entry : module->exports())
                if (entry.name == name)
                    taken = Export { entry.address, module.get() };
            if (taken) {
                duplicate = refuse(why, ErrorCode::Exists, "'{}' exports '{}', which {} already exports", image.name(),
                                   name, taken->owner ? taken->owner->name() : StringView("the kernel"));
                return;
            }
            duplicate = module->exports().try_append(Module::ExportEntry { name, address });
        },
        &why));
    TRY(duplicate);

    // W^X from here on: text RX, read-only data RO, data RW+NX.
    using Seal = mm::ModuleMemory::Seal;
    mm::ModuleMemory& sealed = module->memory();
    TRY(sealed.seal(0, layout.text_size, Seal::Execute));
    TRY(sealed.seal(layout.rodata_offset, layout.rodata_size, Seal::ReadOnly));

    g_installing = module.get();
    int status = placed.init();
    g_installing = nullptr;
    if (status != 0) {
        api::release_resources(module.get());
        int code = -status;
        ErrorCode error = code > 0 && code <= static_cast<int>(ErrorCode::Count) ? static_cast<ErrorCode>(code - 1)
                                                                                 : ErrorCode::Invalid;
        return refuse(why, error, "'{}' init failed ({}); nothing of it is left", image.name(), klib::Error(error));
    }

    // Registered: from here nothing may fail half-way.
    TRY(g_modules.try_reserve(g_modules.size() + 1));
    for (Module* owner : required)
        TRY(owner->users().try_reserve(owner->users().size() + 1));
    size_t added = 0;
    for (auto& entry : module->exports()) {
        auto result = add_export(entry.name, Export { entry.address, module.get() });
        if (result.is_error()) {
            for (size_t i = 0; i < added; ++i)
                remove_export(module->exports()[i].name);
            if (placed.uninit)
                placed.uninit();
            api::release_resources(module.get());
            return refuse(why, result.error().code(), "cannot register the exports of '{}': {}", image.name(),
                          result.error());
        }
        ++added;
    }
    // Both have room reserved above.
    for (Module* owner : required)
        (void)owner->users().try_append(module.get());
    Module* installed = module.get();
    klib::SpinlockGuard guard(g_lock);
    (void)g_modules.try_append(std::move(module));
    return installed;
}

} // namespace

ErrorOr<void> init_modules()
{
    TRY(mm::prepare_module_area());
    return load_kernel_exports();
}

ErrorOr<Module*> install(klib::ReadonlyBytes file)
{
    {
        klib::SpinlockGuard guard(g_lock);
        if (g_busy) {
            klog::warn("module: another install is running");
            return ErrorCode::Busy;
        }
        g_busy = true;
    }
    Problem why;
    auto result = install_locked(file, why);
    if (result.is_error()) {
        if (why.view().is_empty())
            why = Problem::formatted("install failed: {}", result.error());
        klog::warn("module: {}", why.view());
    } else {
        Module* module = result.value();
        klog::info("module: installed '{}' {} ({} bytes at {:#x}, {} exports)", module->name(), module->version(),
                   module->size(), module->base(), module->exports().size());
    }
    klib::SpinlockGuard guard(g_lock);
    g_busy = false;
    return result;
}

void install_boot_modules(const boot::BootInfo& info)
{
    for (const boot::Module& loaded : info.module_list()) {
        if (!loaded.command_line.ends_with(".ko"))
            continue;
        klib::ReadonlyBytes file(arch::phys_to_virt<const unsigned char>(loaded.start), loaded.end - loaded.start);
        klog::info("module: installing '{}' from the boot loader", loaded.command_line);
        (void)install(file);
    }
}

Module* installing_module() { return g_installing; }

size_t installed_count()
{
    klib::SpinlockGuard guard(g_lock);
    return g_modules.size();
}

size_t installed_pages()
{
    klib::SpinlockGuard guard(g_lock);
    size_t pages = 0;
    for (auto& module : g_modules)
        pages += module->size() / mm::kPageSize;
    return pages;
}

void write_module_list(klib::FormatSink& sink)
{
    klib::SpinlockGuard guard(g_lock);
    for (auto& module : g_modules)
        module->describe(sink);
}

} // namespace module
