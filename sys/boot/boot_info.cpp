#include "boot/boot_info.h"

namespace boot {

klib::ErrorOr<klib::StringView> BootInfo::keep_string(const char* text, size_t max_length)
{
    size_t length = 0;
    while (length < max_length && text[length])
        ++length;
    if (length + 1 > kStringSpace - strings_used_)
        return klib::ErrorCode::NoSpace;
    char* copy = strings_ + strings_used_;
    for (size_t i = 0; i < length; ++i)
        copy[i] = text[i];
    copy[length] = '\0';
    strings_used_ += length + 1;
    return klib::StringView(copy, length);
}

klib::ErrorOr<void> parse(uint32_t loader_magic, PhysicalReader& reader, uint64_t info_address, BootInfo& out)
{
    out.reset();
    switch (loader_magic) {
    case kMultiboot1LoaderMagic:
        return parse_multiboot1(reader, info_address, out);
    case kMultiboot2LoaderMagic:
        return parse_multiboot2(reader, info_address, out);
    default:
        return klib::ErrorCode::Invalid;
    }
}

const char* memory_type_name(MemoryType type)
{
    switch (type) {
    case MemoryType::Usable:
        return "usable";
    case MemoryType::Reserved:
        return "reserved";
    case MemoryType::AcpiReclaimable:
        return "acpi-reclaimable";
    case MemoryType::AcpiNvs:
        return "acpi-nvs";
    case MemoryType::Bad:
        return "bad";
    }
    return "?";
}

} // namespace boot
