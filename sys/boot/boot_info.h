#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/span.h"
#include "lib/string_view.h"

// What the boot loader told us, in one loader-independent form. Everything
// is copied out of the loader's memory, so that memory can be reused; only
// module contents stay where the loader put them.
namespace boot {

enum class MemoryType : uint8_t { Usable, Reserved, AcpiReclaimable, AcpiNvs, Bad };

struct MemoryRegion {
    uint64_t base;
    uint64_t length;
    MemoryType type;
};

struct Module {
    uint64_t start; // physical, first byte
    uint64_t end;   // physical, one past the last byte
    klib::StringView command_line;
};

struct Framebuffer {
    uint64_t address;
    uint32_t pitch;
    uint32_t width;
    uint32_t height;
    uint8_t bits_per_pixel;
    uint8_t type; // 0 indexed, 1 direct RGB, 2 EGA text
};

enum class Protocol : uint8_t { Multiboot1, Multiboot2 };

constexpr uint32_t kMultiboot1LoaderMagic = 0x2badb002;
constexpr uint32_t kMultiboot2LoaderMagic = 0x36d76289;

struct BootInfo {
    static constexpr size_t kMaxMemoryRegions = 64;
    static constexpr size_t kMaxModules = 16;
    static constexpr size_t kStringSpace = 2048;

    Protocol protocol { Protocol::Multiboot2 };
    klib::StringView loader_name;
    klib::StringView command_line;
    MemoryRegion memory[kMaxMemoryRegions] {};
    size_t memory_count { 0 };
    Module modules[kMaxModules] {};
    size_t module_count { 0 };
    klib::Optional<Framebuffer> framebuffer;
    uint8_t acpi_rsdp[36] {};
    size_t acpi_rsdp_size { 0 }; // 20 for ACPI 1.0, 36 for 2.0+, 0 if not given

    klib::Span<const MemoryRegion> memory_map() const { return { memory, memory_count }; }
    klib::Span<const Module> module_list() const { return { modules, module_count }; }

    // Back to empty, so parsing again does not add to what is there.
    void reset() { *this = BootInfo {}; }

    // Copies text into the string space so it outlives the loader's memory.
    klib::ErrorOr<klib::StringView> keep_string(const char* text, size_t max_length);

private:
    char strings_[kStringSpace] {};
    size_t strings_used_ { 0 };
};

// Access to physical memory for the parsers: the kernel maps it, host tests
// serve recorded fixtures.
class PhysicalReader {
public:
    // The bytes at [address, address + size), or nothing when out of reach.
    virtual klib::Optional<klib::ReadonlyBytes> read(uint64_t address, uint64_t size) = 0;
    // A NUL-terminated string of at most max_length characters, without its NUL.
    virtual klib::Optional<klib::StringView> read_string(uint64_t address, size_t max_length) = 0;

protected:
    ~PhysicalReader() = default;
};

// Each parser adds to `out`; parse() starts from an empty BootInfo.
klib::ErrorOr<void> parse_multiboot1(PhysicalReader&, uint64_t info_address, BootInfo& out);
klib::ErrorOr<void> parse_multiboot2(PhysicalReader&, uint64_t info_address, BootInfo& out);
klib::ErrorOr<void> parse(uint32_t loader_magic, PhysicalReader&, uint64_t info_address, BootInfo& out);

const char* memory_type_name(MemoryType);

} // namespace boot
