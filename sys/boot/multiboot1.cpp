// Multiboot1 boot information (QEMU's -kernel loader): a flags word saying
// which fields are valid; lists are reached through 32-bit physical pointers.
#include "boot/multiboot_common.h"

namespace boot {

using detail::load;
using detail::memory_type_from_e820;

namespace {
constexpr uint32_t kFlagCommandLine = 1 << 2;
constexpr uint32_t kFlagModules = 1 << 3;
constexpr uint32_t kFlagMemoryMap = 1 << 6;
constexpr uint32_t kFlagLoaderName = 1 << 9;
constexpr uint32_t kFlagFramebuffer = 1 << 12;

constexpr size_t kInfoSize = 116;
constexpr size_t kMaxString = 1024;
constexpr uint32_t kMaxMemoryMapBytes = 64 * 1024;

klib::ErrorOr<klib::StringView> copy_string(PhysicalReader& reader, uint64_t address, BootInfo& out)
{
    auto text = reader.read_string(address, kMaxString);
    if (!text)
        return klib::ErrorCode::Fault;
    return out.keep_string(text->data(), text->size());
}

} // namespace

klib::ErrorOr<void> parse_multiboot1(PhysicalReader& reader, uint64_t info_address, BootInfo& out)
{
    out.protocol = Protocol::Multiboot1;
    auto bytes = reader.read(info_address, kInfoSize);
    if (!bytes)
        return klib::ErrorCode::Fault;
    const unsigned char* info = bytes->data();
    uint32_t flags = load<uint32_t>(info);

    if (flags & kFlagCommandLine) {
        // By multiboot1 convention the first word names the kernel image.
        klib::StringView line = TRY(copy_string(reader, load<uint32_t>(info + 16), out));
        auto space = line.find(' ');
        out.command_line = space ? line.substring(*space + 1) : klib::StringView();
    }
    if (flags & kFlagLoaderName)
        out.loader_name = TRY(copy_string(reader, load<uint32_t>(info + 64), out));

    if (flags & kFlagModules) {
        uint32_t count = load<uint32_t>(info + 20);
        if (count > BootInfo::kMaxModules)
            return klib::ErrorCode::NoSpace;
        if (count) {
            auto list = reader.read(load<uint32_t>(info + 24), count * 16ull);
            if (!list)
                return klib::ErrorCode::Fault;
            for (uint32_t i = 0; i < count; ++i) {
                const unsigned char* entry = list->data() + i * 16;
                Module module { load<uint32_t>(entry), load<uint32_t>(entry + 4), {} };
                if (module.end < module.start)
                    return klib::ErrorCode::Invalid;
                if (uint32_t name = load<uint32_t>(entry + 8))
                    module.command_line = TRY(copy_string(reader, name, out));
                out.modules[out.module_count++] = module;
            }
        }
    }

    if (!(flags & kFlagMemoryMap))
        return klib::ErrorCode::Invalid; // we asked for it in the header
    uint32_t map_length = load<uint32_t>(info + 44);
    if (map_length > kMaxMemoryMapBytes)
        return klib::ErrorCode::Invalid;
    auto map = reader.read(load<uint32_t>(info + 48), map_length);
    if (!map)
        return klib::ErrorCode::Fault;
    // Each entry is preceded by its own size, which does not count itself.
    for (uint32_t offset = 0; offset + 4 <= map_length;) {
        uint32_t size = load<uint32_t>(map->data() + offset);
        if (size < 20 || size > map_length - offset - 4)
            return klib::ErrorCode::Invalid;
        if (out.memory_count == BootInfo::kMaxMemoryRegions)
            return klib::ErrorCode::NoSpace;
        const unsigned char* entry = map->data() + offset + 4;
        out.memory[out.memory_count++] = {
            load<uint64_t>(entry),
            load<uint64_t>(entry + 8),
            memory_type_from_e820(load<uint32_t>(entry + 16)),
        };
        offset += size + 4;
    }

    if (flags & kFlagFramebuffer) {
        out.framebuffer = Framebuffer {
            load<uint64_t>(info + 88), load<uint32_t>(info + 96), load<uint32_t>(info + 100),
            load<uint32_t>(info + 104), info[108], info[109],
        };
    }
    return {};
}

} // namespace boot
