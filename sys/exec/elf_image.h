#pragma once
// ELF64 executables and shared objects for x86_64, as read by exec: ElfImage
// validates a file (structures from abi-versions/common/elf64.h): the
// headers read, the segments against the file's size, before anything looks
// at it. Files come from users, so every rule is checked and broken rules
// come back as ExecFormat with a one-line reason for the log.
#include <stddef.h>
#include <stdint.h>

#include "abi-versions/common/elf64.h"
#include "abi-versions/common/window.h"
#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/span.h"
#include "lib/string_view.h"

namespace exec {

namespace elf = ::elf64;

// Exec's page size; PT_LOAD offsets and addresses must agree modulo it.
constexpr uint64_t kElfPageSize = 4096;
// The first address above user space (x86_64, 4-level paging).
constexpr uint64_t kUserSpaceTop = 0x0000800000000000ull;
// PT_INTERP paths are short; longer ones are rejected, not truncated.
constexpr size_t kMaxInterpreterLength = 255;
// Same bound as Linux (64 KiB of program headers), so a file cannot make
// exec walk an absurd table.
constexpr size_t kMaxProgramHeaders = 65536 / sizeof(elf::ProgramHeader);

// A range of virtual addresses, end exclusive.
struct AddressRange {
    uint64_t start;
    uint64_t end;
};

using LayerDescriptor = banos_layer_descriptor;

// A validated ELF file. It borrows the bytes it was parsed from: they must
// outlive it and stay unchanged. Addresses of an ET_DYN image are relative to
// its load base (0 before relocation).
class ElfImage {
public:
    // Validates the whole file. Malformed files give ExecFormat; a buffer
    // that is not 8-byte aligned (a caller bug) gives Invalid. On failure,
    // *why (if given) is set to a static one-line reason.
    static klib::ErrorOr<ElfImage> parse(klib::ReadonlyBytes file, const char** why = nullptr);
    // The same for a file of `file_size` bytes of which `head` is the
    // beginning: it must hold the program headers, PT_INTERP and PT_NOTE
    // (bytes_to_parse says how much that is); PT_LOAD and PT_TLS are
    // checked against the whole file. exec reads only the head and maps
    // the segments from the file.
    static klib::ErrorOr<ElfImage> parse(klib::ReadonlyBytes head, uint64_t file_size, const char** why = nullptr);
    // How many leading bytes parse needs, judging by `head` (at least the
    // ELF header). When it is more than head.size(), read that much (or the
    // whole file if shorter) and ask again. Garbage gives a small answer:
    // parse then refuses the file.
    static uint64_t bytes_to_parse(klib::ReadonlyBytes head);

    uint16_t type() const { return type_; }
    bool is_position_independent() const { return type_ == elf::kTypeDyn; }
    uint64_t entry() const { return entry_; }
    klib::ReadonlyBytes file() const { return file_; }
    klib::Span<const elf::ProgramHeader> program_headers() const { return headers_; }

    // The PT_LOAD headers, in (ascending, non-overlapping) address order.
    class LoadSegments;
    LoadSegments load_segments() const;
    size_t load_segment_count() const { return load_count_; }
    uint64_t file_size() const { return file_size_; }
    // Whether a segment's file bytes are all in the bytes parsed.
    bool has_file_bytes(const elf::ProgramHeader& segment) const
    {
        return segment.offset + segment.filesz <= file_.size();
    }
    // The file bytes of a PT_LOAD or PT_TLS (p_filesz of them), when
    // has_file_bytes; validated to be in the file.
    klib::ReadonlyBytes file_bytes(const elf::ProgramHeader& segment) const
    {
        return file_.subspan(segment.offset, segment.filesz);
    }

    // First and one-past-last address covered by PT_LOADs (not page-rounded);
    // an ET_DYN loader picks its base from these.
    AddressRange address_span() const { return span_; }

    // The PT_INTERP path without its NUL.
    klib::Optional<klib::StringView> interpreter() const { return interpreter_; }
    klib::Optional<elf::ProgramHeader> tls() const { return optional_header(tls_index_); }
    // The syscall-layer window (PT_BANOS_WINDOW): page-aligned, in NOBITS
    // memory of a PT_LOAD.
    klib::Optional<AddressRange> window() const;
    // The program ABI version from the "banos" NT_BANOS_PROGRAM_ABI note.
    klib::Optional<uint32_t> program_abi() const { return program_abi_; }
    // PT_GNU_STACK's p_flags; without one the stack is not executable here.
    klib::Optional<uint32_t> stack_flags() const;

    // For a layer file: its "banos" NT_BANOS_LAYER descriptor, checked
    // against the file (regions in the window, apart from each other and
    // from every PT_LOAD). ExecFormat with *why on any problem.
    klib::ErrorOr<LayerDescriptor> layer_descriptor(const char** why = nullptr) const;

private:
    static constexpr size_t kNone = SIZE_MAX;

    ElfImage() = default;
    klib::Optional<elf::ProgramHeader> optional_header(size_t index) const
    {
        if (index == kNone)
            return {};
        return headers_[index];
    }

    klib::ReadonlyBytes file_;
    uint64_t file_size_ { 0 };
    klib::Span<const elf::ProgramHeader> headers_;
    uint16_t type_ { 0 };
    uint64_t entry_ { 0 };
    size_t load_count_ { 0 };
    AddressRange span_ { 0, 0 };
    klib::Optional<klib::StringView> interpreter_;
    size_t tls_index_ { kNone };
    size_t window_index_ { kNone };
    size_t stack_index_ { kNone };
    klib::Optional<uint32_t> program_abi_;
};

// Iterates the PT_LOAD entries of a program header table.
class ElfImage::LoadSegments {
public:
    class Iterator {
    public:
        Iterator(const elf::ProgramHeader* at, const elf::ProgramHeader* end) : at_(at), end_(end) { skip(); }
        const elf::ProgramHeader& operator*() const { return *at_; }
        const elf::ProgramHeader* operator->() const { return at_; }
        Iterator& operator++()
        {
            ++at_;
            skip();
            return *this;
        }
        bool operator==(const Iterator& other) const { return at_ == other.at_; }

    private:
        void skip()
        {
            while (at_ != end_ && at_->type != elf::kSegmentLoad)
                ++at_;
        }
        const elf::ProgramHeader* at_;
        const elf::ProgramHeader* end_;
    };

    explicit LoadSegments(klib::Span<const elf::ProgramHeader> headers) : headers_(headers) {}
    Iterator begin() const { return { headers_.begin(), headers_.end() }; }
    Iterator end() const { return { headers_.end(), headers_.end() }; }

private:
    klib::Span<const elf::ProgramHeader> headers_;
};

inline ElfImage::LoadSegments ElfImage::load_segments() const { return LoadSegments(headers_); }

} // namespace exec
