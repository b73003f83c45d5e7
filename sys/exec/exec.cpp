#include "exec/exec.h"

#include <string.h>

#include "abi-versions/common/auxv.h"
#include "abi-versions/common/tcb.h"
#include "arch/x86_64/cpu/gdt.h"
#include "arch/x86_64/cpu/random.h"
#include "arch/x86_64/mm/page_table.h"
#include "exec/elf_image.h"
#include "exec/initial_stack.h"
#include "exec/layer_cache.h"
#include "exec/user_layout.h"
#include "fs/initrd.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "kernel/options.h"
#include "lib/math.h"
#include "proc/process.h"

namespace exec {

namespace {
constexpr uint64_t kPage = 4096;
constexpr uint64_t kUserRflags = 0x202; // interrupts on

uint32_t map_flags_of(const elf::ProgramHeader& header)
{
    uint32_t flags = 0;
    if (header.flags & elf::kFlagWrite)
        flags |= arch::kMapWrite;
    if (header.flags & elf::kFlagExecute)
        flags |= arch::kMapExecute;
    return flags;
}

// Maps [start, end) anonymous, merging a first page another segment
// already mapped (segments may share a page at their boundary).
klib::ErrorOr<void> map_pages(mm::AddressSpace& space, uint64_t start, uint64_t end, uint32_t flags)
{
    if (start >= end)
        return {};
    if (space.region_at(start)) {
        auto existing = space.page_table().translate(start);
        uint32_t merged = flags | (existing ? existing->flags & (arch::kMapWrite | arch::kMapExecute) : 0);
        TRY(space.page_table().protect(start, merged));
        start += kPage;
    }
    if (start < end)
        TRY(space.map_anonymous(start, end - start, flags, "program"));
    return {};
}

klib::ErrorOr<void> map_program(mm::AddressSpace& space, const ElfImage& elf, uint64_t base, AddressRange window)
{
    for (const auto& header : elf.load_segments()) {
        uint64_t start = klib::align_down(base + header.vaddr, kPage);
        uint64_t end = klib::align_up(base + header.vaddr + header.memsz, kPage);
        uint32_t flags = map_flags_of(header);
        // The window belongs to the layer: leave it out.
        if (window.start < end && start < window.end) {
            TRY(map_pages(space, start, window.start, flags));
            TRY(map_pages(space, window.end, end, flags));
        } else {
            TRY(map_pages(space, start, end, flags));
        }
        if (header.filesz)
            TRY(space.write(base + header.vaddr, elf.file_bytes(header)));
    }
    return {};
}

klib::ErrorOr<void> map_layer(proc::Process& process, const LayerImage& layer, uint64_t window)
{
    auto& space = process.address_space();
    const banos_layer_descriptor& d = layer.descriptor;
    for (const LayerSegment& segment : layer.segments)
        TRY(space.map_frames(window + segment.offset, segment.frames.span(), segment.map_flags, "syslayer", true));
    if (d.private_size)
        TRY(space.map_anonymous(window + d.private_offset, klib::align_up(d.private_size, kPage), arch::kMapWrite,
                                "syslayer-data", true));
    TRY(kabi::map_shared_pages(process, window, d));
    TRY(process.add_layer_text(window + layer.text_start, window + layer.text_end));
    return {};
}

// The first thread's static TLS block with its TCB right above it (TLS
// variant II). Returns the thread pointer.
klib::ErrorOr<uint64_t> build_tls(mm::AddressSpace& space, const ElfImage& elf)
{
    auto tls = elf.tls();
    uint64_t memsz = tls ? tls->memsz : 0;
    uint64_t align = tls && tls->align > 1 ? tls->align : 1;
    uint64_t block = klib::align_up(memsz, align);
    uint64_t thread_pointer = klib::align_up(layout::kTlsBase + block, klib::max<uint64_t>(align, 64));
    uint64_t end = klib::align_up(thread_pointer + sizeof(banos_tcb), kPage);
    TRY(space.map_anonymous(layout::kTlsBase, end - layout::kTlsBase, arch::kMapWrite, "tls"));
    if (tls && tls->filesz)
        TRY(space.write(thread_pointer - block, elf.file_bytes(*tls)));

    banos_tcb tcb {};
    tcb.self = reinterpret_cast<banos_tcb*>(thread_pointer);
    tcb.errno_ptr = reinterpret_cast<int*>(thread_pointer + BANOS_TCB_ERRNO_VALUE);
    // A zero low byte stops string overflows from reading the guard out.
    tcb.stack_guard = arch::random_u64() & ~0xffull;
    tcb.pointer_guard = arch::random_u64();
    TRY(space.write(thread_pointer, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(&tcb), sizeof(tcb))));
    return thread_pointer;
}

uint64_t program_headers_address(const ElfImage& elf, uint64_t base)
{
    for (const auto& header : elf.program_headers())
        if (header.type == elf::kSegmentPhdr)
            return base + header.vaddr;
    // Without PT_PHDR: the headers sit in the first segment if it maps the
    // file's start.
    auto phoff = reinterpret_cast<const elf::FileHeader*>(elf.file().data())->phoff;
    for (const auto& header : elf.load_segments())
        if (phoff >= header.offset && phoff < header.offset + header.filesz)
            return base + header.vaddr + (phoff - header.offset);
    return 0;
}

bool wants_always_trap(klib::Span<const klib::StringView> environment)
{
    if (kernel::options().syslayer_always_trap)
        return true;
    for (auto entry : environment)
        if (entry == "BANOS_SYSLAYER=trap")
            return true;
    return false;
}
} // namespace

klib::ErrorOr<klib::RefPtr<proc::Process>> spawn(const SpawnRequest& request)
{
    auto file = fs::initrd::find_file(request.path);
    if (!file) {
        klog::warn("exec: {}: no such file", request.path);
        return klib::ErrorCode::NoEntry;
    }
    const char* why = "";
    auto parsed = ElfImage::parse(*file, &why);
    if (parsed.is_error()) {
        klog::warn("exec: {}: not a valid program: {}", request.path, why);
        return klib::ErrorCode::ExecFormat;
    }
    const ElfImage& elf = parsed.value();
    auto window = elf.window();
    auto program_abi = elf.program_abi();
    if (!window || !program_abi) {
        klog::warn("exec: {}: no syscall-layer window or program ABI note (not built with banos-cc?)", request.path);
        return klib::ErrorCode::ExecFormat;
    }
    bool always_trap = wants_always_trap(request.environment);
    auto layer = find_layer(*program_abi, always_trap);
    if (layer.is_error()) {
        if (layer.error().code() == klib::ErrorCode::NoEntry)
            klog::warn("exec: {}: no syscall layer for program ABI {} on kernel ABI {}", request.path, *program_abi,
                       kabi::kVersion);
        return klib::ErrorCode::ExecFormat;
    }
    if (window->end - window->start < layer.value()->descriptor.window_size) {
        klog::warn("exec: {}: its window has {} bytes, the program ABI {} layer needs {}", request.path,
                   window->end - window->start, *program_abi, layer.value()->descriptor.window_size);
        return klib::ErrorCode::ExecFormat;
    }

    auto process = TRY(proc::Process::create(request.path, request.parent_pid));
    auto& space = process->address_space();
    uint64_t base = elf.is_position_independent() ? layout::kPieBase : 0;
    AddressRange window_at { base + window->start, base + window->end };
    TRY(map_program(space, elf, base, window_at));
    TRY(map_layer(*process, *layer.value(), window_at.start));
    uint64_t thread_pointer = TRY(build_tls(space, elf));

    AuxEntry auxv[] = {
        { BANOS_AT_PHDR, program_headers_address(elf, base) },
        { BANOS_AT_PHENT, sizeof(elf::ProgramHeader) },
        { BANOS_AT_PHNUM, elf.program_headers().size() },
        { BANOS_AT_PAGESZ, kPage },
        { BANOS_AT_BASE, 0 },
        { BANOS_AT_ENTRY, base + elf.entry() },
        { BANOS_AT_UID, process->credentials().uid },
        { BANOS_AT_EUID, process->credentials().euid },
        { BANOS_AT_GID, process->credentials().gid },
        { BANOS_AT_EGID, process->credentials().egid },
        { BANOS_AT_RANDOM, 0 },
        { BANOS_AT_PID, static_cast<uint64_t>(process->pid()) },
        { BANOS_AT_WINDOW, window_at.start },
        { BANOS_AT_PROGRAM_ABI, *program_abi },
        { BANOS_AT_NULL, 0 },
    };
    uint64_t stack_pointer
        = TRY(build_initial_stack(space, request.arguments, request.environment, klib::Span<AuxEntry>(auxv)));

    arch::InterruptFrame entry {};
    entry.rip = base + elf.entry();
    entry.cs = arch::selector::kUserCode;
    entry.rflags = kUserRflags;
    entry.rsp = stack_pointer;
    entry.ss = arch::selector::kUserData;
    auto thread = TRY(proc::Thread::create_user(*process, entry, thread_pointer));
    int tid = thread->tid();
    TRY(space.write(thread_pointer + BANOS_TCB_TID, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(&tid), 4)));
    process->set_main_thread(static_cast<klib::OwnPtr<proc::Thread>&&>(thread));
    klog::debug("exec: {} as pid {} (program ABI {}, layer {})", request.path, process->pid(), *program_abi,
                always_trap ? "always-trap" : "fast");
    return process;
}

} // namespace exec
