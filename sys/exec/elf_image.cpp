// Validation of ELF64 executables, shared objects and layer files. Every
// field that exec or the layer loader will later trust is checked here, once,
// with overflow-checked arithmetic; anything wrong is ExecFormat plus a static
// reason for the kernel's one log line.
#include "exec/elf_image.h"

#include <string.h>

#include "lib/math.h"

namespace exec {

using klib::ErrorCode;
using klib::ReadonlyBytes;
using elf::ProgramHeader;

namespace {

klib::Error fail(const char** why, const char* reason, ErrorCode code = ErrorCode::ExecFormat)
{
    if (why)
        *why = reason;
    return code;
}

// Fields in notes may be unaligned; the file is little-endian like the host.
uint32_t load_u32(const unsigned char* p)
{
    uint32_t value;
    memcpy(&value, p, sizeof(value));
    return value;
}

// Whether [offset, offset + size) lies inside a file of file_size bytes.
bool within_file(uint64_t offset, uint64_t size, uint64_t file_size)
{
    uint64_t end;
    return !klib::add_overflows(offset, size, &end) && end <= file_size;
}

// p_align: 0 and 1 both mean "no constraint"; otherwise a power of two.
bool valid_alignment(uint64_t align) { return align <= 1 || klib::is_power_of_two(align); }

bool ranges_overlap(AddressRange a, AddressRange b) { return a.start < b.end && b.start < a.end; }

struct Note {
    uint32_t type;
    bool from_banos;
    ReadonlyBytes desc;
};

// Walks the notes of one PT_NOTE segment: 12-byte header (namesz, descsz,
// type), then the name and the descriptor, each padded to the segment's note
// alignment. That is 4 bytes, except in segments with p_align 8 (GNU
// property notes), where it is 8, as Linux and binutils read them.
// Returns a reason when the notes do not fit the segment, or the first
// reason the visitor returns, else nullptr.
template <typename Visit>
const char* walk_notes(ReadonlyBytes bytes, uint64_t segment_align, Visit&& visit)
{
    const uint64_t align = segment_align == 8 ? 8 : 4;
    const uint64_t size = bytes.size();
    uint64_t at = 0;
    while (at < size) {
        if (size - at < 12)
            return "PT_NOTE: truncated note header";
        uint32_t name_size = load_u32(bytes.data() + at);
        uint32_t desc_size = load_u32(bytes.data() + at + 4);
        uint32_t type = load_u32(bytes.data() + at + 8);
        // Sizes are 32-bit and the segment lies in a real buffer, so none of
        // these sums can wrap.
        uint64_t name_at = at + 12;
        uint64_t desc_at = klib::align_up(name_at + name_size, align);
        uint64_t desc_end = desc_at + desc_size;
        if (desc_at > size || desc_end > size)
            return "PT_NOTE: note runs past the end of its segment";
        static constexpr char kBanos[] = BANOS_NOTE_NAME; // with its NUL
        bool from_banos = name_size == sizeof(kBanos) && memcmp(bytes.data() + name_at, kBanos, sizeof(kBanos)) == 0;
        if (const char* reason = visit(Note { type, from_banos, bytes.subspan(desc_at, desc_size) }))
            return reason;
        // The last note's padding may be cut off by the segment's end.
        at = klib::min(klib::align_up(desc_end, align), size);
    }
    return nullptr;
}

// The note segments are validated in parse(), so later walks cannot fail
// for structural reasons.
template <typename Visit>
const char* walk_all_notes(const ElfImage& image, Visit&& visit)
{
    for (const ProgramHeader& header : image.program_headers()) {
        if (header.type != elf::kSegmentNote)
            continue;
        if (const char* reason = walk_notes(image.file().subspan(header.offset, header.filesz), header.align, visit))
            return reason;
    }
    return nullptr;
}

const char* check_load(const ProgramHeader& header, uint64_t file_size, uint64_t previous_end, bool first)
{
    if (!within_file(header.offset, header.filesz, file_size))
        return "PT_LOAD extends past the end of the file";
    if (header.filesz > header.memsz)
        return "PT_LOAD has p_filesz larger than p_memsz";
    if (!valid_alignment(header.align))
        return "PT_LOAD alignment is not a power of two";
    // mmap-style mapping needs file offset and address to share a page offset.
    if (header.align >= kElfPageSize && (header.vaddr - header.offset) % kElfPageSize != 0)
        return "PT_LOAD p_vaddr and p_offset differ modulo the page size";
    uint64_t end;
    if (klib::add_overflows(header.vaddr, header.memsz, &end) || end > kUserSpaceTop)
        return "PT_LOAD reaches beyond user space";
    if (!first && header.vaddr < previous_end)
        return "PT_LOAD segments are out of address order or overlap";
    return nullptr;
}

const char* check_tls(const ProgramHeader& header, uint64_t file_size)
{
    if (header.filesz > header.memsz)
        return "PT_TLS has p_filesz larger than p_memsz";
    if (!within_file(header.offset, header.filesz, file_size))
        return "PT_TLS extends past the end of the file";
    if (!valid_alignment(header.align))
        return "PT_TLS alignment is not a power of two";
    // Keeps the TLS block arithmetic (size rounded up to alignment) far from
    // wrapping; no real TLS block is anywhere near this.
    if (header.memsz >= kUserSpaceTop || header.align >= kUserSpaceTop)
        return "PT_TLS is impossibly large";
    return nullptr;
}

const char* check_window(const ProgramHeader& header)
{
    if (!klib::is_aligned(header.vaddr, kElfPageSize) || !klib::is_aligned(header.memsz, kElfPageSize))
        return "PT_BANOS_WINDOW is not page-aligned";
    if (header.memsz == 0)
        return "PT_BANOS_WINDOW is empty";
    uint64_t end;
    if (klib::add_overflows(header.vaddr, header.memsz, &end) || end > kUserSpaceTop)
        return "PT_BANOS_WINDOW reaches beyond user space";
    return nullptr;
}

} // namespace

uint64_t ElfImage::bytes_to_parse(ReadonlyBytes head)
{
    uint64_t needed = sizeof(elf::Header);
    if (head.size() < needed)
        return needed;
    elf::Header header;
    memcpy(&header, head.data(), sizeof(header));
    uint64_t table_end;
    if (header.phentsize != sizeof(ProgramHeader) || header.phnum > kMaxProgramHeaders
        || header.phoff % alignof(ProgramHeader) != 0
        || klib::add_overflows(header.phoff, uint64_t(header.phnum) * sizeof(ProgramHeader), &table_end))
        return needed; // parse refuses the file whatever follows
    needed = klib::max(needed, table_end);
    if (head.size() < table_end)
        return needed;
    for (uint16_t i = 0; i < header.phnum; ++i) {
        ProgramHeader segment;
        memcpy(&segment, head.data() + header.phoff + i * sizeof(ProgramHeader), sizeof(segment));
        uint64_t end;
        if ((segment.type == elf::kSegmentInterp || segment.type == elf::kSegmentNote)
            && !klib::add_overflows(segment.offset, segment.filesz, &end))
            needed = klib::max(needed, end);
    }
    return needed;
}

klib::ErrorOr<ElfImage> ElfImage::parse(ReadonlyBytes file, const char** why) { return parse(file, file.size(), why); }

klib::ErrorOr<ElfImage> ElfImage::parse(ReadonlyBytes file, uint64_t file_size, const char** why)
{
    if (file.size() > file_size)
        return fail(why, "ELF buffer is longer than the file", ErrorCode::Invalid);
    // Program headers are used in place, so they must be aligned in memory.
    if (reinterpret_cast<uintptr_t>(file.data()) % alignof(ProgramHeader) != 0)
        return fail(why, "ELF buffer is not 8-byte aligned", ErrorCode::Invalid);
    if (file.size() < sizeof(elf::Header))
        return fail(why, "file is too short for an ELF header");

    elf::Header header;
    memcpy(&header, file.data(), sizeof(header));
    if (memcmp(header.ident, elf::kMagic, sizeof(elf::kMagic)) != 0)
        return fail(why, "not an ELF file (bad magic)");
    if (header.ident[elf::kIdentClass] != elf::kClass64)
        return fail(why, "not a 64-bit ELF file");
    if (header.ident[elf::kIdentData] != elf::kDataLittleEndian)
        return fail(why, "not a little-endian ELF file");
    if (header.ident[elf::kIdentVersion] != elf::kVersionCurrent || header.version != elf::kVersionCurrent)
        return fail(why, "unknown ELF version");
    if (header.machine != elf::kMachineX86_64)
        return fail(why, "not an x86_64 ELF file");
    if (header.type != elf::kTypeExec && header.type != elf::kTypeDyn)
        return fail(why, "ELF file is neither an executable nor a shared object");
    if (header.ehsize != sizeof(elf::Header))
        return fail(why, "e_ehsize is not 64");
    if (header.phentsize != sizeof(ProgramHeader))
        return fail(why, "e_phentsize is not 56");
    if (header.phnum == 0)
        return fail(why, "ELF file has no program headers");
    if (header.phnum > kMaxProgramHeaders)
        return fail(why, "ELF file has too many program headers");
    if (header.phoff % alignof(ProgramHeader) != 0)
        return fail(why, "program header table is not 8-byte aligned");
    if (!within_file(header.phoff, uint64_t(header.phnum) * sizeof(ProgramHeader), file.size()))
        return fail(why, "program header table extends past the end of the file");

    ElfImage image;
    image.file_ = file;
    image.file_size_ = file_size;
    image.type_ = header.type;
    image.entry_ = header.entry;
    image.headers_ = { reinterpret_cast<const ProgramHeader*>(file.data() + header.phoff), header.phnum };

    size_t interp_index = kNone;
    uint64_t previous_end = 0;
    for (size_t i = 0; i < image.headers_.size(); ++i) {
        const ProgramHeader& segment = image.headers_[i];
        const char* reason = nullptr;
        switch (segment.type) {
        case elf::kSegmentLoad:
            reason = check_load(segment, file_size, previous_end, image.load_count_ == 0);
            if (!reason) {
                if (image.load_count_++ == 0)
                    image.span_.start = segment.vaddr;
                previous_end = image.span_.end = segment.vaddr + segment.memsz;
            }
            break;
        case elf::kSegmentInterp:
            if (interp_index != kNone)
                reason = "more than one PT_INTERP";
            else if (!within_file(segment.offset, segment.filesz, file.size()))
                reason = "PT_INTERP extends past the end of the file";
            interp_index = i;
            break;
        case elf::kSegmentNote:
            if (!within_file(segment.offset, segment.filesz, file.size())) {
                reason = "PT_NOTE extends past the end of the file";
                break;
            }
            reason = walk_notes(file.subspan(segment.offset, segment.filesz), segment.align, [&](const Note& note) -> const char* {
                if (!note.from_banos || note.type != NT_BANOS_PROGRAM_ABI)
                    return nullptr;
                if (note.desc.size() != 4)
                    return "banos program ABI note is not 4 bytes";
                if (image.program_abi_)
                    return "more than one banos program ABI note";
                image.program_abi_ = load_u32(note.desc.data());
                return nullptr;
            });
            break;
        case elf::kSegmentTls:
            reason = image.tls_index_ != kNone ? "more than one PT_TLS" : check_tls(segment, file_size);
            image.tls_index_ = i;
            break;
        case elf::kSegmentGnuStack:
            if (image.stack_index_ != kNone)
                reason = "more than one PT_GNU_STACK";
            image.stack_index_ = i;
            break;
        case elf::kSegmentBanosWindow:
            reason = image.window_index_ != kNone ? "more than one PT_BANOS_WINDOW" : check_window(segment);
            image.window_index_ = i;
            break;
        default:
            // Other segments (PT_DYNAMIC, PT_PHDR, ...) are ld-elf's business.
            break;
        }
        if (reason)
            return fail(why, reason);
    }

    if (image.load_count_ == 0)
        return fail(why, "ELF file has no PT_LOAD segment");

    bool entry_ok = false;
    for (const ProgramHeader& segment : image.load_segments())
        if ((segment.flags & elf::kSegmentExecute) && image.entry_ >= segment.vaddr
            && image.entry_ - segment.vaddr < segment.memsz)
            entry_ok = true;
    if (!entry_ok)
        return fail(why, "entry point is not inside an executable PT_LOAD");

    if (interp_index != kNone) {
        const ProgramHeader& segment = image.headers_[interp_index];
        auto text = reinterpret_cast<const char*>(file.data() + segment.offset);
        size_t length = 0;
        while (length < segment.filesz && text[length])
            ++length;
        if (length == segment.filesz)
            return fail(why, "PT_INTERP path is not NUL-terminated");
        if (length == 0)
            return fail(why, "PT_INTERP path is empty");
        if (length > kMaxInterpreterLength)
            return fail(why, "PT_INTERP path is 256 bytes or longer");
        image.interpreter_ = klib::StringView(text, length);
    }

    if (image.window_index_ != kNone) {
        // The window must be NOBITS memory of one PT_LOAD: past that
        // segment's file bytes and within its memory size.
        const ProgramHeader& window = image.headers_[image.window_index_];
        bool covered = false;
        for (const ProgramHeader& segment : image.load_segments())
            if (window.vaddr >= segment.vaddr + segment.filesz
                && window.vaddr + window.memsz <= segment.vaddr + segment.memsz)
                covered = true;
        if (!covered)
            return fail(why, "PT_BANOS_WINDOW is not inside the zero-filled part of a PT_LOAD");
    }
    return image;
}

klib::Optional<AddressRange> ElfImage::window() const
{
    if (window_index_ == kNone)
        return {};
    const ProgramHeader& header = headers_[window_index_];
    return AddressRange { header.vaddr, header.vaddr + header.memsz };
}

klib::Optional<uint32_t> ElfImage::stack_flags() const
{
    if (stack_index_ == kNone)
        return {};
    return headers_[stack_index_].flags;
}

klib::ErrorOr<LayerDescriptor> ElfImage::layer_descriptor(const char** why) const
{
    ReadonlyBytes desc;
    size_t found = 0;
    // parse() validated every note segment, so this walk cannot fail.
    (void)walk_all_notes(*this, [&](const Note& note) -> const char* {
        if (note.from_banos && note.type == NT_BANOS_LAYER) {
            desc = note.desc;
            ++found;
        }
        return nullptr;
    });
    if (found == 0)
        return fail(why, "layer file has no banos layer note");
    if (found > 1)
        return fail(why, "layer file has more than one banos layer note");
    if (desc.size() < sizeof(LayerDescriptor))
        return fail(why, "layer descriptor is shorter than 40 bytes");
    LayerDescriptor layer;
    memcpy(&layer, desc.data(), sizeof(layer));
    if (layer.magic != BANOS_LAYER_MAGIC)
        return fail(why, "layer descriptor has a bad magic");
    if (layer.descriptor_size < sizeof(LayerDescriptor) || layer.descriptor_size > desc.size())
        return fail(why, "layer descriptor_size does not match its note");

    // A layer is linked at base 0 = the window's start and mapped as is.
    if (type_ != elf::kTypeDyn)
        return fail(why, "layer file is not ET_DYN");
    if (interpreter_)
        return fail(why, "layer file has a PT_INTERP");
    if (layer.window_size == 0 || !klib::is_aligned(layer.window_size, kElfPageSize))
        return fail(why, "layer window_size is zero or not page-aligned");
    if (span_.end > layer.window_size)
        return fail(why, "layer PT_LOAD segments do not fit its window_size");

    // The regions the kernel places in the window; a zero offset means
    // "not wanted". All arithmetic is on 32-bit values in 64 bits: no wrap.
    AddressRange regions[3];
    size_t region_count = 0;
    auto add_region = [&](uint32_t offset, uint64_t size, const char* reason) -> const char* {
        if (offset == 0)
            return nullptr;
        if (!klib::is_aligned(offset, kElfPageSize) || offset >= layer.window_size)
            return reason;
        uint64_t end = uint64_t(offset) + klib::align_up(size, kElfPageSize);
        if (size == 0 || end > layer.window_size)
            return reason;
        regions[region_count++] = { offset, end };
        return nullptr;
    };
    if (layer.private_offset == 0 && layer.private_size != 0)
        return fail(why, "layer private_size is set without private_offset");
    const char* reason = add_region(layer.private_offset, layer.private_size, "layer private region is misaligned or outside the window");
    if (!reason)
        reason = add_region(layer.kpmap_offset, kElfPageSize, "layer kpmap page is misaligned or outside the window");
    if (!reason)
        reason = add_region(layer.upmap_offset, kElfPageSize, "layer upmap page is misaligned or outside the window");
    if (reason)
        return fail(why, reason);

    for (size_t i = 0; i < region_count; ++i) {
        for (size_t j = i + 1; j < region_count; ++j)
            if (ranges_overlap(regions[i], regions[j]))
                return fail(why, "layer private, kpmap and upmap regions overlap");
        for (const ProgramHeader& segment : load_segments()) {
            AddressRange pages { klib::align_down(segment.vaddr, kElfPageSize), klib::align_up(segment.vaddr + segment.memsz, kElfPageSize) };
            if (segment.memsz && ranges_overlap(regions[i], pages))
                return fail(why, "layer region overlaps a PT_LOAD segment");
        }
    }
    return layer;
}

} // namespace exec
