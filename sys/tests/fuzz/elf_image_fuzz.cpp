// libFuzzer harness for ElfImage: parse anything, and when a file is
// accepted, use every accessor and check the promises parse() makes.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "exec/elf_image.h"

namespace {

using exec::ElfImage;
using elf64::ProgramHeader;
namespace elf = ::elf64;

#define CHECK(condition)          \
    do {                          \
        if (!(condition))         \
            __builtin_trap();     \
    } while (0)

// Reads every byte so ASan sees any span that leaves the buffer.
unsigned touch(klib::ReadonlyBytes bytes)
{
    unsigned sum = 0;
    for (unsigned char b : bytes)
        sum += b;
    return sum;
}

void exercise(const ElfImage& image, klib::ReadonlyBytes file)
{
    // file: the whole file, of which the image may have parsed a head.
    CHECK(image.file_size() == file.size() && image.file().data() == file.data());
    CHECK(image.type() == elf::kTypeExec || image.type() == elf::kTypeDyn);
    volatile unsigned sink = 0;

    size_t loads = 0;
    uint64_t previous_end = 0;
    bool entry_found = false;
    for (const ProgramHeader& segment : image.load_segments()) {
        CHECK(segment.type == elf::kSegmentLoad);
        CHECK(segment.filesz <= segment.memsz);
        CHECK(segment.vaddr + segment.memsz <= exec::kUserSpaceTop);
        CHECK(loads == 0 || segment.vaddr >= previous_end);
        previous_end = segment.vaddr + segment.memsz;
        if (image.has_file_bytes(segment))
            sink = sink + touch(image.file_bytes(segment));
        sink = sink + touch(file.subspan(segment.offset, segment.filesz));
        if ((segment.flags & elf::kSegmentExecute) && image.entry() >= segment.vaddr && image.entry() < previous_end)
            entry_found = true;
        ++loads;
    }
    CHECK(loads == image.load_segment_count() && loads > 0);
    CHECK(entry_found);
    CHECK(image.address_span().start <= image.address_span().end);
    CHECK(image.address_span().end == previous_end);
    CHECK(image.program_headers().size() > 0);

    if (auto interp = image.interpreter()) {
        CHECK(interp->size() > 0 && interp->size() <= exec::kMaxInterpreterLength);
        for (char c : *interp)
            CHECK(c != '\0');
        CHECK(interp->data()[interp->size()] == '\0');
    }
    if (auto tls = image.tls()) {
        CHECK(tls->filesz <= tls->memsz);
        sink = sink + touch(file.subspan(tls->offset, tls->filesz));
    }
    if (auto window = image.window()) {
        CHECK(window->start < window->end && window->end <= exec::kUserSpaceTop);
        CHECK(window->start % exec::kElfPageSize == 0 && window->end % exec::kElfPageSize == 0);
    }
    sink = sink + image.program_abi().value_or(0) + image.stack_flags().value_or(0);

    const char* why = nullptr;
    auto layer = image.layer_descriptor(&why);
    if (layer.is_error()) {
        CHECK(why != nullptr);
        CHECK(layer.error().code() == klib::ErrorCode::ExecFormat);
    } else {
        const exec::LayerDescriptor& d = layer.value();
        CHECK(d.magic == BANOS_LAYER_MAGIC && d.descriptor_size >= sizeof(d));
        CHECK(d.window_size > 0 && d.window_size % exec::kElfPageSize == 0);
        CHECK(image.address_span().end <= d.window_size);
        CHECK(d.kpmap_offset < d.window_size && d.upmap_offset < d.window_size && d.private_offset < d.window_size);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // An exact-size heap copy: aligned (program headers are used in place)
    // and with nothing after it, so ASan catches any overread.
    unsigned char* copy = new unsigned char[size];
    if (size)
        memcpy(copy, data, size);
    klib::ReadonlyBytes file(copy, size);

    const char* why = nullptr;
    auto result = ElfImage::parse(file, &why);
    if (result.is_error()) {
        CHECK(why != nullptr);
        CHECK(result.error().code() == klib::ErrorCode::ExecFormat);
    } else {
        exercise(result.value(), file);
    }

    // exec's way: only the head bytes_to_parse asks for (grown until it
    // asks for no more), with the segments checked against the file's
    // size. The verdict must be the whole file's.
    size_t head = size < 4096 ? size : 4096;
    for (;;) {
        uint64_t needed = ElfImage::bytes_to_parse(file.subspan(0, head));
        if (needed > size)
            needed = size;
        if (needed <= head)
            break;
        head = static_cast<size_t>(needed);
    }
    auto from_head = ElfImage::parse(file.subspan(0, head), size, &why);
    CHECK(from_head.is_error() == result.is_error());
    if (!from_head.is_error()) {
        CHECK(from_head.value().entry() == result.value().entry());
        CHECK(from_head.value().interpreter().has_value() == result.value().interpreter().has_value());
        CHECK(from_head.value().program_abi().value_or(0) == result.value().program_abi().value_or(0));
        exercise(from_head.value(), file);
    }

    // A misaligned buffer is refused before anything is read.
    if (size > 1) {
        auto misaligned = ElfImage::parse(file.subspan(1), &why);
        CHECK(misaligned.is_error() && misaligned.error().code() == klib::ErrorCode::Invalid);
    }
    delete[] copy;
    return 0;
}
