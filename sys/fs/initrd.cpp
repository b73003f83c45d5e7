#include "fs/initrd.h"

#include "arch/x86_64/mm/phys.h"
#include "fs/ustar.h"
#include "kernel/log.h"

namespace fs::initrd {

namespace {
klib::Optional<UstarArchive> g_archive;

klib::ErrorOr<UstarArchive> open_module(const boot::Module& module, const char** why)
{
    klib::ReadonlyBytes bytes(arch::phys_to_virt<const unsigned char>(module.start), module.end - module.start);
    return UstarArchive::open(bytes, why);
}
} // namespace

void init(const boot::BootInfo& info)
{
    for (const boot::Module& module : info.module_list()) {
        const char* why = "";
        auto archive = open_module(module, &why);
        bool named = module.command_line.ends_with("initrd.tar") || module.command_line.ends_with("initrd");
        if (archive.is_error()) {
            if (named)
                klog::error("initrd: module '{}' is not a valid ustar archive: {}", module.command_line, why);
            continue;
        }
        g_archive = archive.release_value();
        klog::info("initrd: '{}', {} entries, {} KiB", module.command_line, g_archive->entry_count(),
                   (module.end - module.start) >> 10);
        return;
    }
    klog::warn("initrd: no boot archive among {} modules; there are no files", info.module_count);
}

bool present() { return g_archive.has_value(); }

const UstarArchive* archive() { return g_archive ? &*g_archive : nullptr; }

klib::Optional<klib::ReadonlyBytes> find_file(klib::StringView path)
{
    if (!g_archive)
        return {};
    auto entry = g_archive->find(path);
    if (!entry || entry->type() != UstarType::Regular)
        return {};
    return entry->data();
}

} // namespace fs::initrd
