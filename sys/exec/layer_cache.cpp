#include "exec/layer_cache.h"

#include <string.h>

#include "arch/x86_64/mm/page_table.h"
#include "arch/x86_64/mm/phys.h"
#include "exec/elf_image.h"
#include "proc/process_files.h"
#include "vfs/io_buffer.h"
#include "vfs/path.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "lib/format.h"
#include "lib/math.h"
#include "lib/own_ptr.h"
#include "mm/address_space.h"
#include "mm/physical_memory.h"

namespace exec {

namespace {
constexpr uint32_t kMaxProgramAbi = 64;
// Loaded layers stay for the life of the system: [abi][always_trap].
LayerImage* g_layers[kMaxProgramAbi][2];

klib::ErrorOr<void> load_segment(const ElfImage& elf, const elf::ProgramHeader& header, LayerSegment& out)
{
    uint64_t first = klib::align_down(header.vaddr, mm::kPageSize);
    uint64_t last = klib::align_up(header.vaddr + header.memsz, mm::kPageSize);
    out.offset = first;
    out.protection = (header.flags & elf::kSegmentExecute) ? mm::kProtRead | mm::kProtExecute : mm::kProtRead;
    klib::ReadonlyBytes bytes = elf.file_bytes(header);
    for (uint64_t page = first; page < last; page += mm::kPageSize) {
        mm::PhysAddr frame = TRY(mm::allocate_frame(mm::FrameUse::User));
        auto* memory = arch::phys_to_virt<unsigned char>(frame);
        memset(memory, 0, mm::kPageSize);
        mm::ref_frame(frame); // the cache's reference
        if (auto appended = out.frames.try_append(frame); appended.is_error()) {
            mm::unref_frame(frame);
            return appended.release_error();
        }
        // The part of the file that falls in this page.
        uint64_t file_start = header.vaddr, file_end = header.vaddr + bytes.size();
        uint64_t from = klib::max(page, file_start), to = klib::min(page + mm::kPageSize, file_end);
        if (from < to)
            memcpy(memory + (from - page), bytes.data() + (from - file_start), to - from);
    }
    return {};
}

// The layer file's bytes, read as the kernel (not as any process).
klib::ErrorOr<klib::Vector<unsigned char>> read_layer_file(klib::StringView path)
{
    vfs::ResolveContext context { proc::system_root(), proc::system_root(), vfs::Credentials::root() };
    auto inode = TRY(vfs::resolve(context, path));
    vfs::Metadata metadata = inode->metadata();
    if (!vfs::is_regular(metadata.mode) || metadata.size <= 0 || metadata.size > (1 << 24))
        return klib::ErrorCode::ExecFormat;
    klib::Vector<unsigned char> bytes;
    TRY(bytes.try_reserve(static_cast<size_t>(metadata.size)));
    for (int64_t i = 0; i < metadata.size; ++i)
        (void)bytes.try_append(static_cast<unsigned char>(0));
    vfs::KernelBuffer buffer(bytes.data(), bytes.size());
    if (TRY(inode->read(0, buffer, bytes.size())) != bytes.size())
        return klib::ErrorCode::IoError;
    return bytes;
}

klib::ErrorOr<LayerImage*> load(klib::StringView path, uint32_t program_abi, bool always_trap)
{
    auto file = read_layer_file(path);
    if (file.is_error())
        return file.error().code() == klib::ErrorCode::ExecFormat ? klib::ErrorCode::ExecFormat : klib::ErrorCode::NoEntry;
    const char* why = "";
    auto parsed = ElfImage::parse(klib::ReadonlyBytes(file.value().data(), file.value().size()), &why);
    if (parsed.is_error()) {
        klog::error("syslayer: {}: not a valid layer file: {}", path, why);
        return klib::ErrorCode::ExecFormat;
    }
    ElfImage& elf = parsed.value();
    auto descriptor = elf.layer_descriptor(&why);
    if (descriptor.is_error()) {
        klog::error("syslayer: {}: bad layer descriptor: {}", path, why);
        return klib::ErrorCode::ExecFormat;
    }
    const banos_layer_descriptor& d = descriptor.value();
    if (d.program_abi != program_abi || d.kernel_abi != kabi::kVersion
        || bool(d.flags & BANOS_LAYER_ALWAYS_TRAP) != always_trap) {
        klog::error("syslayer: {}: built for program ABI {} on kernel ABI {}{}, not what its name says", path,
                    d.program_abi, d.kernel_abi, (d.flags & BANOS_LAYER_ALWAYS_TRAP) ? " (always trap)" : "");
        return klib::ErrorCode::ExecFormat;
    }

    auto layer = TRY(klib::try_make<LayerImage>());
    layer->program_abi = program_abi;
    layer->always_trap = always_trap;
    layer->descriptor = d;
    bool have_text = false;
    for (const auto& header : elf.load_segments()) {
        if (header.flags & elf::kSegmentWrite) {
            klog::error("syslayer: {}: a writable segment; layers must be read-only", path);
            return klib::ErrorCode::ExecFormat;
        }
        TRY(layer->segments.try_append(LayerSegment {}));
        TRY(load_segment(elf, header, layer->segments.last()));
        if (header.flags & elf::kSegmentExecute) {
            layer->text_start = have_text ? klib::min(layer->text_start, header.vaddr) : header.vaddr;
            layer->text_end = klib::max(layer->text_end, header.vaddr + header.memsz);
            have_text = true;
        }
    }
    if (!have_text) {
        klog::error("syslayer: {}: no executable segment", path);
        return klib::ErrorCode::ExecFormat;
    }
    klog::debug("syslayer: loaded {} (program ABI {}, kernel ABI {}{})", path, program_abi, kabi::kVersion,
                always_trap ? ", always trap" : "");
    return layer.leak();
}
} // namespace

LayerImage::~LayerImage()
{
    for (auto& segment : segments)
        for (mm::PhysAddr frame : segment.frames)
            mm::unref_frame(frame);
}

klib::ErrorOr<const LayerImage*> find_layer(uint32_t program_abi, bool always_trap)
{
    if (program_abi >= kMaxProgramAbi)
        return klib::ErrorCode::NoEntry;
    LayerImage*& slot = g_layers[program_abi][always_trap];
    if (!slot) {
        auto path = klib::FixedString<64>::formatted("/system/syslayer/abi-{}{}.layer", program_abi,
                                                     always_trap ? ".trap" : "");
        slot = TRY(load(path.view(), program_abi, always_trap));
    }
    return slot;
}

} // namespace exec

namespace exec {

void preload_layers()
{
    for (uint32_t abi = 1; abi < kMaxProgramAbi; ++abi)
        for (bool always_trap : { false, true })
            (void)find_layer(abi, always_trap);
}

} // namespace exec
