// Multiboot2 boot information (GRUB2): a size-prefixed list of 8-byte
// aligned tags.
#include "boot/multiboot_common.h"
#include "lib/math.h"

namespace boot {

using detail::load;
using detail::memory_type_from_e820;

namespace {
enum TagType : uint32_t {
    kTagEnd = 0,
    kTagCommandLine = 1,
    kTagLoaderName = 2,
    kTagModule = 3,
    kTagMemoryMap = 6,
    kTagFramebuffer = 8,
    kTagAcpiOld = 14,
    kTagAcpiNew = 15,
};

constexpr uint32_t kMaxInfoSize = 1 << 20;
constexpr size_t kMaxString = 1024;

// The string inside a tag: it must end within the tag.
klib::ErrorOr<klib::StringView> tag_string(BootInfo& out, const unsigned char* start, size_t available)
{
    auto* text = reinterpret_cast<const char*>(start);
    size_t length = 0;
    while (length < available && text[length])
        ++length;
    if (length == available || length > kMaxString)
        return klib::ErrorCode::Invalid;
    return out.keep_string(text, length);
}

klib::ErrorOr<void> parse_memory_map(const unsigned char* body, uint32_t body_size, BootInfo& out)
{
    if (body_size < 8)
        return klib::ErrorCode::Invalid;
    uint32_t entry_size = load<uint32_t>(body);
    if (entry_size < 24 || entry_size % 8)
        return klib::ErrorCode::Invalid;
    for (uint32_t offset = 8; offset + entry_size <= body_size; offset += entry_size) {
        if (out.memory_count == BootInfo::kMaxMemoryRegions)
            return klib::ErrorCode::NoSpace;
        const unsigned char* entry = body + offset;
        out.memory[out.memory_count++] = {
            load<uint64_t>(entry),
            load<uint64_t>(entry + 8),
            memory_type_from_e820(load<uint32_t>(entry + 16)),
        };
    }
    return {};
}
} // namespace

klib::ErrorOr<void> parse_multiboot2(PhysicalReader& reader, uint64_t info_address, BootInfo& out)
{
    out.protocol = Protocol::Multiboot2;
    if (info_address % 8)
        return klib::ErrorCode::Invalid;
    auto head = reader.read(info_address, 8);
    if (!head)
        return klib::ErrorCode::Fault;
    uint32_t total_size = load<uint32_t>(head->data());
    if (total_size < 16 || total_size > kMaxInfoSize)
        return klib::ErrorCode::Invalid;
    auto whole = reader.read(info_address, total_size);
    if (!whole)
        return klib::ErrorCode::Fault;
    const unsigned char* info = whole->data();

    bool saw_end = false;
    for (uint32_t offset = 8; offset + 8 <= total_size;) {
        uint32_t type = load<uint32_t>(info + offset);
        uint32_t size = load<uint32_t>(info + offset + 4);
        if (size < 8 || size > total_size - offset)
            return klib::ErrorCode::Invalid;
        const unsigned char* body = info + offset + 8;
        uint32_t body_size = size - 8;
        if (type == kTagEnd) {
            saw_end = true;
            break;
        }
        switch (type) {
        case kTagCommandLine:
            out.command_line = TRY(tag_string(out, body, body_size));
            break;
        case kTagLoaderName:
            out.loader_name = TRY(tag_string(out, body, body_size));
            break;
        case kTagModule: {
            if (body_size < 8)
                return klib::ErrorCode::Invalid;
            if (out.module_count == BootInfo::kMaxModules)
                return klib::ErrorCode::NoSpace;
            Module module { load<uint32_t>(body), load<uint32_t>(body + 4), {} };
            if (module.end < module.start)
                return klib::ErrorCode::Invalid;
            module.command_line = TRY(tag_string(out, body + 8, body_size - 8));
            out.modules[out.module_count++] = module;
            break;
        }
        case kTagMemoryMap:
            TRY(parse_memory_map(body, body_size, out));
            break;
        case kTagFramebuffer:
            if (body_size < 22)
                return klib::ErrorCode::Invalid;
            out.framebuffer = Framebuffer {
                load<uint64_t>(body),
                load<uint32_t>(body + 8),
                load<uint32_t>(body + 12),
                load<uint32_t>(body + 16),
                body[20],
                body[21],
            };
            break;
        case kTagAcpiOld:
        case kTagAcpiNew: {
            size_t wanted = type == kTagAcpiNew ? 36 : 20;
            // Prefer the ACPI 2.0 pointer when both are present.
            if (body_size >= wanted && out.acpi_rsdp_size < wanted) {
                memcpy(out.acpi_rsdp, body, wanted);
                out.acpi_rsdp_size = wanted;
            }
            break;
        }
        default:
            break; // tags we do not use
        }
        offset += klib::align_up(size, 8);
    }
    if (!saw_end)
        return klib::ErrorCode::Invalid;
    return {};
}

} // namespace boot
