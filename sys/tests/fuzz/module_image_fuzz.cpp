// libFuzzer harness for the module loader's pure half: parse anything; when
// a file is accepted, resolve every import to an address next to the image,
// relocate into an exact-size buffer at a kernel address, and read the
// exports, checking the promises each step makes.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "module/elf_module.h"

namespace {

using module::ModuleImage;
using module::Problem;

#define CHECK(condition)          \
    do {                          \
        if (!(condition))         \
            __builtin_trap();     \
    } while (0)

constexpr uint64_t kBase = 0xffffffffc0000000ull;

// Every import resolves into the kernel's text, except names starting with
// "x", which are missing (so the NoEntry path runs too).
class Resolver final : public module::SymbolResolver {
public:
    klib::Optional<uint64_t> lookup(klib::StringView name) override
    {
        CHECK(!name.is_empty());
        if (name[0] == 'x')
            return {};
        return 0xffffffff80100000ull + name.size() * 16;
    }
};

void exercise(ModuleImage& image)
{
    const module::Layout& layout = image.layout();
    CHECK(layout.total_size > 0 && layout.total_size % module::kPageSize == 0);
    CHECK(layout.rodata_offset == layout.text_size && layout.data_offset == layout.text_size + layout.rodata_size);
    CHECK(layout.total_size == layout.data_offset + layout.data_size);
    CHECK(image.name().size() > 0 && image.name().size() < BANOS_DRIVER_NAME_SIZE);
    CHECK(image.driver_offset() + sizeof(banos_driver_record) <= layout.total_size);
    CHECK(image.exports_offset() + image.exports_size() <= layout.total_size);

    Problem why;
    Resolver resolver;
    auto resolved = image.resolve(resolver, &why);
    if (resolved.is_error()) {
        CHECK(resolved.error().code() == klib::ErrorCode::NoEntry && !why.view().is_empty());
        return;
    }
    if (layout.total_size > (64u << 20))
        return;
    unsigned char* memory = new unsigned char[layout.total_size];
    memset(memory, 0xcc, layout.total_size);
    auto relocated = image.relocate({ memory, layout.total_size }, kBase, &why);
    if (relocated.is_error()) {
        CHECK(relocated.error().code() == klib::ErrorCode::ExecFormat && !why.view().is_empty());
        // Nothing is written unless everything fits.
        for (size_t i = 0; i < layout.total_size; ++i)
            CHECK(memory[i] == 0xcc);
    } else {
        (void)ModuleImage::init_address({ memory, layout.total_size }, image.driver_offset());
        size_t count = 0;
        auto listed = image.for_each_export(
            { memory, layout.total_size }, kBase,
            [&](klib::StringView name, uint64_t address) {
                CHECK(!name.is_empty() && address != 0);
                CHECK(reinterpret_cast<const unsigned char*>(name.data()) >= memory
                      && reinterpret_cast<const unsigned char*>(name.data()) + name.size() < memory + layout.total_size);
                ++count;
            },
            &why);
        if (listed.is_error())
            CHECK(listed.error().code() == klib::ErrorCode::ExecFormat && !why.view().is_empty());
        else
            CHECK(count == image.exports_size() / sizeof(banos_export));
    }
    delete[] memory;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // An exact-size heap copy, so ASan catches any read past the file.
    unsigned char* copy = new unsigned char[size ? size : 1];
    if (size)
        memcpy(copy, data, size);
    Problem why;
    auto result = ModuleImage::parse({ copy, size }, &why);
    if (result.is_error()) {
        CHECK(!why.view().is_empty());
        CHECK(result.error().code() == klib::ErrorCode::ExecFormat || result.error().code() == klib::ErrorCode::NoMemory);
    } else {
        exercise(result.value());
    }
    delete[] copy;
    return 0;
}
