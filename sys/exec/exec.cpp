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
#include "exec/layer_mapping.h"
#include "exec/user_layout.h"
#include "vfs/io_buffer.h"
#include "vfs/mapped_inode.h"
#include "vfs/operations.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "kernel/options.h"
#include "lib/math.h"
#include "proc/process.h"

namespace exec {

namespace {
constexpr uint64_t kPage = 4096;
constexpr uint64_t kUserRflags = 0x202; // interrupts on
constexpr int64_t kMaxProgramSize = 64ll << 20;

uint8_t protection_of(const elf::ProgramHeader& header)
{
    uint8_t protection = mm::kProtRead;
    if (header.flags & elf::kSegmentWrite)
        protection |= mm::kProtWrite;
    if (header.flags & elf::kSegmentExecute)
        protection |= mm::kProtExecute;
    return protection;
}

mm::Region anonymous(uint64_t start, uint64_t end, uint8_t protection, const char* name)
{
    return mm::Region::make(start, end, protection, mm::RegionKind::Anonymous, name);
}

klib::ErrorOr<void> read_exactly(vfs::Inode& inode, uint64_t offset, klib::Vector<unsigned char>& bytes)
{
    vfs::KernelBuffer buffer(bytes.data(), bytes.size());
    size_t got = TRY(inode.read(offset, buffer, bytes.size()));
    if (got != bytes.size())
        return klib::ErrorCode::IoError;
    return {};
}

// A segment's file bytes: from the head when they are there, else read.
klib::ErrorOr<void> copy_file_bytes(mm::AddressSpace& space, uint64_t address, const ProgramFile& file,
                                    const ElfImage& elf, const elf::ProgramHeader& segment)
{
    if (elf.has_file_bytes(segment))
        return space.write(address, elf.file_bytes(segment));
    auto bytes = TRY(file.read(segment.offset, segment.filesz));
    return space.write(address, klib::ReadonlyBytes(bytes.data(), bytes.size()));
}

// Maps [start, end) for a segment. Segments may share a page at their
// boundary: that page gets both segments' permissions.
klib::ErrorOr<void> map_pages(mm::AddressSpace& space, uint64_t start, uint64_t end, uint8_t protection)
{
    if (start >= end)
        return {};
    if (const mm::Region* previous = space.region_at(start)) {
        TRY(space.protect(start, kPage, previous->protection | protection));
        start += kPage;
    }
    if (start < end)
        TRY(space.map(anonymous(start, end, protection, "program")));
    return {};
}

bool overlaps(uint64_t start, uint64_t end, AddressRange range) { return range.start < end && start < range.end; }

// [start, end) for a segment, less the window, which belongs to the layer.
klib::ErrorOr<void> map_zero_pages(mm::AddressSpace& space, uint64_t start, uint64_t end, uint8_t protection,
                                   AddressRange window)
{
    if (overlaps(start, end, window)) {
        TRY(map_pages(space, start, window.start, protection));
        return map_pages(space, window.end, end, protection);
    }
    return map_pages(space, start, end, protection);
}

// A segment whose file bytes can come from the file's own pages: aligned
// alike in the file and in memory, alone in its first page, and clear of
// the window.
bool can_map_from_file(const mm::AddressSpace& space, const elf::ProgramHeader& header, uint64_t start,
                       uint64_t file_end, AddressRange window)
{
    return header.filesz && header.vaddr % kPage == header.offset % kPage && !space.region_at(start)
        && !overlaps(start, file_end, window);
}

// Each segment's whole pages of file bytes are mapped from the file
// (shared by every process running it until one writes); the rest of the
// last such page is zeroed when the segment goes on, and what follows is
// zero memory. Other segments are copied in.
klib::ErrorOr<void> map_program(mm::AddressSpace& space, const ProgramFile& file, const ElfImage& elf, uint64_t base,
                                AddressRange window)
{
    static const unsigned char kZeros[kPage] = {};
    for (const auto& header : elf.load_segments()) {
        uint64_t start = klib::align_down(base + header.vaddr, kPage);
        uint64_t end = klib::align_up(base + header.vaddr + header.memsz, kPage);
        uint64_t bytes_end = base + header.vaddr + header.filesz;
        uint64_t file_end = klib::align_up(bytes_end, kPage);
        uint8_t flags = protection_of(header);
        if (can_map_from_file(space, header, start, file_end, window)) {
            mm::Region region = mm::Region::make(start, file_end, flags, mm::RegionKind::File, "program");
            region.file = file.pages();
            region.file_offset = klib::align_down(header.offset, kPage);
            TRY(space.map(region));
            uint64_t zeros_end = klib::min(file_end, base + header.vaddr + header.memsz);
            if (zeros_end > bytes_end)
                TRY(space.write(bytes_end, klib::ReadonlyBytes(kZeros, zeros_end - bytes_end)));
            TRY(map_zero_pages(space, file_end, end, flags, window));
            continue;
        }
        TRY(map_zero_pages(space, start, end, flags, window));
        if (header.filesz)
            TRY(copy_file_bytes(space, base + header.vaddr, file, elf, header));
    }
    return {};
}

// The first thread's static TLS block with its TCB right above it (TLS
// variant II), and `surplus` zeroed bytes below the block for ld-elf.
// Returns the thread pointer.
klib::ErrorOr<uint64_t> build_tls(mm::AddressSpace& space, const ProgramFile& file, const ElfImage& elf, int tid,
                                  uint64_t surplus)
{
    auto tls = elf.tls();
    uint64_t memsz = tls ? tls->memsz : 0;
    uint64_t align = tls && tls->align > 1 ? tls->align : 1;
    uint64_t block = klib::align_up(memsz, align);
    uint64_t thread_pointer = klib::align_up(layout::kTlsBase + surplus + block, klib::max<uint64_t>(align, 64));
    uint64_t end = klib::align_up(thread_pointer + sizeof(banos_tcb), kPage);
    TRY(space.map(anonymous(layout::kTlsBase, end, mm::kProtRead | mm::kProtWrite, "tls")));
    if (tls && tls->filesz)
        TRY(copy_file_bytes(space, thread_pointer - block, file, elf, *tls));

    banos_tcb tcb {};
    tcb.self = reinterpret_cast<banos_tcb*>(thread_pointer);
    tcb.errno_ptr = reinterpret_cast<int*>(thread_pointer + BANOS_TCB_ERRNO_VALUE);
    // A zero low byte stops string overflows from reading the guard out.
    tcb.stack_guard = arch::random_u64() & ~0xffull;
    tcb.pointer_guard = arch::random_u64();
    tcb.tid = tid;
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
    auto phoff = reinterpret_cast<const elf::Header*>(elf.file().data())->phoff;
    for (const auto& header : elf.load_segments())
        if (phoff >= header.offset && phoff < header.offset + header.filesz)
            return base + header.vaddr + (phoff - header.offset);
    return 0;
}

// Opens a program (checked for execute permission) and reads as much of
// its beginning as checking it takes: usually one page.
klib::ErrorOr<ProgramFile> open_program(proc::Process& process, klib::StringView path)
{
    auto inode = vfs::resolve_executable(process.resolve_context(), path);
    if (inode.is_error()) {
        klog::debug("exec: {}: {}", path, inode.error());
        return inode.release_error();
    }
    vfs::Metadata metadata = inode.value()->metadata();
    if (metadata.size <= 0 || metadata.size > kMaxProgramSize) {
        klog::warn("exec: {}: {} bytes is no program size we load", path, metadata.size);
        return klib::ErrorCode::ExecFormat;
    }
    uint64_t size = static_cast<uint64_t>(metadata.size);
    // The ELF header and 17 program headers fit the first read, which is
    // what linkers write; anything more takes another round below.
    constexpr uint64_t kFirstRead = 1024;
    klib::Vector<unsigned char> head;
    TRY(head.try_resize(static_cast<size_t>(klib::min(size, kFirstRead))));
    TRY(read_exactly(*inode.value(), 0, head));
    // Each round can only ask for more (the program headers, then what
    // they point at), and never past the file: a few rounds at most.
    for (;;) {
        uint64_t needed = klib::min(size, ElfImage::bytes_to_parse(klib::ReadonlyBytes(head.data(), head.size())));
        if (needed <= head.size())
            break;
        head = klib::Vector<unsigned char>();
        TRY(head.try_resize(static_cast<size_t>(needed)));
        TRY(read_exactly(*inode.value(), 0, head));
    }
    auto pages = TRY(vfs::map_inode(inode.value()));
    return ProgramFile(static_cast<klib::Vector<unsigned char>&&>(head), size, inode.release_value(),
                       static_cast<klib::RefPtr<mm::MappedFile>&&>(pages));
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

namespace {
// One ELF object the kernel maps itself: the program, or its interpreter.
struct MappedObject {
    uint64_t base;
    uint32_t program_abi;
    AddressRange window;
    AddressRange layer_text;
};

// Maps `elf`'s segments at `base` and the layer of its program ABI into
// its window. `what` names the file in the log lines.
klib::ErrorOr<MappedObject> map_object(mm::AddressSpace& space, proc::Process& process, const ProgramFile& file,
                                       const ElfImage& elf, uint64_t base, bool always_trap, klib::StringView what)
{
    auto window = elf.window();
    auto program_abi = elf.program_abi();
    if (!window || !program_abi) {
        klog::warn("exec: {}: no syscall-layer window or program ABI note (not built with banos-cc?)", what);
        return klib::ErrorCode::ExecFormat;
    }
    auto layer = find_layer(*program_abi, always_trap);
    if (layer.is_error()) {
        if (layer.error().code() == klib::ErrorCode::NoEntry)
            klog::warn("exec: {}: no syscall layer for program ABI {} on kernel ABI {}", what, *program_abi,
                       kabi::kVersion);
        return klib::ErrorCode::ExecFormat;
    }
    if (window->end - window->start < layer.value()->descriptor.window_size) {
        klog::warn("exec: {}: its window has {} bytes, the program ABI {} layer needs {}", what,
                   window->end - window->start, *program_abi, layer.value()->descriptor.window_size);
        return klib::ErrorCode::ExecFormat;
    }
    AddressRange window_at { base + window->start, base + window->end };
    TRY(map_program(space, file, elf, base, window_at));
    TRY(map_layer(space, process, *layer.value(), window_at.start));
    return MappedObject { base, *program_abi, window_at,
                          { window_at.start + layer.value()->text_start, window_at.start + layer.value()->text_end } };
}

klib::ErrorOr<ProgramFile> open_interpreter(proc::Process& process, klib::StringView program, klib::StringView path)
{
    auto file = open_program(process, path);
    if (file.is_error())
        klog::warn("exec: {}: its interpreter {}: {}", program, path, file.error());
    return file;
}
} // namespace

klib::ErrorOr<klib::Vector<unsigned char>> ProgramFile::read(uint64_t offset, uint64_t count) const
{
    klib::Vector<unsigned char> bytes;
    TRY(bytes.try_resize(static_cast<size_t>(count)));
    TRY(read_exactly(*inode_, offset, bytes));
    return bytes;
}

klib::ErrorOr<LoadedImage> load(proc::Process& process, const LoadRequest& request)
{
    auto program = TRY(open_program(process, request.path));
    const char* why = "";
    auto parsed = ElfImage::parse(program.head(), program.size(), &why);
    if (parsed.is_error()) {
        klog::warn("exec: {}: not a valid program: {}", request.path, why);
        return klib::ErrorCode::ExecFormat;
    }
    const ElfImage& elf = parsed.value();
    bool always_trap = wants_always_trap(request.environment);

    // A dynamically linked program: ld-elf comes from the file PT_INTERP
    // names, read in full before anything is mapped.
    klib::Optional<ProgramFile> interpreter_file;
    klib::Optional<ElfImage> interpreter;
    if (auto path = elf.interpreter()) {
        interpreter_file = TRY(open_interpreter(process, request.path, *path));
        auto parsed_interpreter = ElfImage::parse(interpreter_file->head(), interpreter_file->size(), &why);
        if (parsed_interpreter.is_error() || !parsed_interpreter.value().is_position_independent()
            || parsed_interpreter.value().interpreter()) {
            klog::warn("exec: {}: its interpreter {} is not a valid ld-elf: {}", request.path, *path,
                       parsed_interpreter.is_error() ? why : "not ET_DYN, or it has a PT_INTERP itself");
            return klib::ErrorCode::ExecFormat;
        }
        interpreter = parsed_interpreter.release_value();
        auto span = interpreter->address_span();
        if (span.end - span.start > layout::kTlsBase - layout::kInterpreterBase) {
            klog::warn("exec: {}: its interpreter {} spans {:#x} bytes, more than the {:#x} an interpreter may", request.path,
                       *path, span.end - span.start, layout::kTlsBase - layout::kInterpreterBase);
            return klib::ErrorCode::ExecFormat;
        }
    }

    LoadedImage image;
    image.space = TRY(mm::AddressSpace::create());
    mm::AddressSpace& space = *image.space;
    uint64_t base = elf.is_position_independent() ? layout::kPieBase : 0;
    MappedObject main = TRY(map_object(space, process, program, elf, base, always_trap, request.path));
    TRY(image.layer_texts.try_append(main.layer_text));
    uint64_t entry = base + elf.entry();
    uint64_t interpreter_base = 0;
    if (interpreter) {
        interpreter_base = layout::kInterpreterBase;
        MappedObject loader
            = TRY(map_object(space, process, *interpreter_file, *interpreter, interpreter_base, always_trap, *elf.interpreter()));
        TRY(image.layer_texts.try_append(loader.layer_text));
        entry = interpreter_base + interpreter->entry();
    }
    // What runs first is mapped now rather than faulted in: the file pages
    // around the entry points (ld-elf fits in that window whole).
    space.map_lent_pages_around(base + elf.entry());
    if (interpreter) {
        space.map_lent_pages_around(entry);
        // ld-elf's first reads are the program's PT_DYNAMIC, and its
        // relocations then write the GOT next to it: that private page is
        // copied now rather than on a fault (its first page: whatever the
        // header claims, exec fills no more than that).
        for (const auto& header : elf.program_headers())
            if (header.type == elf::kSegmentDynamic && header.memsz)
                (void)space.populate(base + header.vaddr, base + header.vaddr + klib::min<uint64_t>(header.memsz, 1), false);
    }
    uint64_t tls_surplus = interpreter ? layout::kStaticTlsSurplus : 0;
    image.thread_pointer = TRY(build_tls(space, program, elf, process.pid(), tls_surplus));
    image.always_trap = always_trap;

    AuxEntry auxv[] = {
        { BANOS_AT_PHDR, program_headers_address(elf, base) },
        { BANOS_AT_PHENT, sizeof(elf::ProgramHeader) },
        { BANOS_AT_PHNUM, elf.program_headers().size() },
        { BANOS_AT_PAGESZ, kPage },
        { BANOS_AT_BASE, interpreter_base },
        { BANOS_AT_ENTRY, base + elf.entry() },
        { BANOS_AT_UID, process.credentials().uid },
        { BANOS_AT_EUID, process.credentials().euid },
        { BANOS_AT_GID, process.credentials().gid },
        { BANOS_AT_EGID, process.credentials().egid },
        { BANOS_AT_RANDOM, 0 },
        { BANOS_AT_PID, static_cast<uint64_t>(process.pid()) },
        { BANOS_AT_WINDOW, main.window.start },
        { BANOS_AT_PROGRAM_ABI, main.program_abi },
        { BANOS_AT_STATIC_TLS_SPACE, tls_surplus },
        { BANOS_AT_NULL, 0 },
    };
    uint64_t stack_pointer
        = TRY(build_initial_stack(space, request.arguments, request.environment, klib::Span<AuxEntry>(auxv)));

    image.entry = arch::InterruptFrame {};
    image.entry.rip = entry;
    image.entry.cs = arch::selector::kUserCode;
    image.entry.rflags = kUserRflags;
    image.entry.rsp = stack_pointer;
    image.entry.ss = arch::selector::kUserData;
    klog::debug("exec: {} as pid {} (program ABI {}, layer {}{})", request.path, process.pid(), main.program_abi,
                always_trap ? "always-trap" : "fast", interpreter ? ", through its interpreter" : "");
    return image;
}

void commit(proc::Process& process, LoadedImage& image, klib::StringView path)
{
    process.replace_address_space(static_cast<klib::OwnPtr<mm::AddressSpace>&&>(image.space));
    process.clear_layer_text();
    for (const AddressRange& text : image.layer_texts)
        (void)process.add_layer_text(text.start, text.end);
    process.set_always_trap_layers(image.always_trap);
    process.set_path(path);
}

klib::ErrorOr<klib::RefPtr<proc::Process>> spawn(const LoadRequest& request)
{
    auto process = TRY(proc::Process::create(request.path, nullptr));
    // Programs the kernel starts talk to the console.
    auto console = vfs::open(process->resolve_context(), "/dev/console", BANOS_O_RDWR, 0);
    if (console.is_error()) {
        klog::warn("exec: {}: no /dev/console for its standard descriptors: {}", request.path, console.error());
    } else {
        auto& descriptors = *process->files().descriptors;
        for (int fd = 0; fd < 3; ++fd)
            TRY(descriptors.allocate(console.value()));
    }
    LoadedImage image = TRY(load(*process, request));
    commit(*process, image, request.path);
    auto thread = TRY(proc::Thread::create_user(*process, image.entry, image.thread_pointer, process->pid()));
    process->set_main_thread(static_cast<klib::OwnPtr<proc::Thread>&&>(thread));
    process->publish();
    return process;
}

} // namespace exec
