// Mapping a shared object: checked before anything is mapped, then its
// PT_LOADs straight from the file (private mappings: pages come in when
// touched), and the syscall layer of its program ABI in its window.
#include "load.h"

#include <banos/slots.h>
#include <errno.h>

namespace ldelf {

const char* g_library_path;

namespace {
constexpr uint16_t kMaxHeaders = 64;
constexpr uint64_t kMaxSpan = 1ull << 32;

int protection_of(uint32_t flags)
{
    int protection = 0;
    if (flags & elf::kSegmentRead)
        protection |= BANOS_PROT_READ;
    if (flags & elf::kSegmentWrite)
        protection |= BANOS_PROT_WRITE;
    if (flags & elf::kSegmentExecute)
        protection |= BANOS_PROT_EXEC;
    return protection;
}

// Why a file is no shared object we load, or null.
const char* check_file(const elf::Header& header, const elf::ProgramHeader* headers, int64_t size)
{
    if (memcmp(header.ident, elf::kMagic, sizeof(elf::kMagic)) != 0)
        return "not an ELF file";
    if (header.ident[elf::kIdentClass] != elf::kClass64 || header.ident[elf::kIdentData] != elf::kDataLittleEndian
        || header.version != elf::kVersionCurrent)
        return "not a 64-bit little-endian ELF file";
    if (header.machine != elf::kMachineX86_64)
        return "not an x86_64 ELF file";
    if (header.type != elf::kTypeDyn)
        return "not a shared object (ET_DYN)";
    if (header.phentsize != sizeof(elf::ProgramHeader) || header.phnum == 0 || header.phnum > kMaxHeaders)
        return "bad program header table";
    if (header.phoff > static_cast<uint64_t>(size) || header.phnum * sizeof(elf::ProgramHeader) > size - header.phoff)
        return "program header table past the end of the file";
    uint64_t previous_end = 0;
    bool any = false, dynamic = false;
    for (uint16_t i = 0; i < header.phnum; ++i) {
        const elf::ProgramHeader& segment = headers[i];
        if (segment.type == elf::kSegmentDynamic)
            dynamic = true;
        if (segment.type == elf::kSegmentInterp)
            return "a shared object with a PT_INTERP";
        if (segment.type != elf::kSegmentLoad)
            continue;
        if (segment.filesz > segment.memsz || segment.offset > static_cast<uint64_t>(size)
            || segment.filesz > size - segment.offset)
            return "PT_LOAD past the end of the file";
        if ((segment.vaddr - segment.offset) % kPage != 0)
            return "PT_LOAD address and offset differ modulo the page size";
        if (segment.vaddr + segment.memsz < segment.vaddr || segment.vaddr + segment.memsz > kMaxSpan)
            return "PT_LOAD too large";
        if (any && segment.vaddr < previous_end)
            return "PT_LOAD segments overlap or are out of order";
        previous_end = segment.vaddr + segment.memsz;
        any = true;
    }
    if (!any)
        return "no PT_LOAD segment";
    if (!dynamic)
        return "no PT_DYNAMIC segment";
    return nullptr;
}

// What the span is reserved as before the segments go in: PROT_NONE,
// unless the PT_LOADs follow one another with no gap, when it can already
// be the zero-filled memory of the last segment's tail (its .bss), which
// then needs no mmap of its own. (A gap must stay inaccessible; the
// window is replaced by the layer whatever it was reserved as.)
int reserve_protection(const elf::ProgramHeader* headers, uint16_t count, uint64_t window_start, uint64_t window_end)
{
    uint64_t previous_end = 0;
    const elf::ProgramHeader* last = nullptr;
    for (uint16_t i = 0; i < count; ++i) {
        const elf::ProgramHeader& segment = headers[i];
        if (segment.type != elf::kSegmentLoad || segment.memsz == 0)
            continue;
        bool window = window_end > window_start && segment.vaddr >= window_start
            && segment.vaddr + segment.memsz <= window_end;
        if (window)
            continue;
        if (last && page_down(segment.vaddr) != previous_end)
            return BANOS_PROT_NONE;
        previous_end = page_up(segment.vaddr + segment.memsz);
        last = &segment;
    }
    if (!last || page_up(last->vaddr + last->memsz) <= page_up(last->vaddr + last->filesz))
        return BANOS_PROT_NONE; // no zero-filled tail to serve
    return protection_of(last->flags);
}

bool map_segments(Object& object, int fd, const elf::ProgramHeader* headers, uint16_t count, uint64_t window_start,
                  uint64_t window_end, int reserved_as)
{
    for (uint16_t i = 0; i < count; ++i) {
        const elf::ProgramHeader& segment = headers[i];
        if (segment.type != elf::kSegmentLoad || segment.memsz == 0)
            continue;
        uint64_t start = page_down(object.base + segment.vaddr);
        uint64_t file_end = object.base + segment.vaddr + segment.filesz;
        uint64_t end = page_up(object.base + segment.vaddr + segment.memsz);
        // The window's PT_LOAD stays reserved: the layer goes there.
        if (window_end > window_start && start >= window_start && end <= window_end)
            continue;
        int protection = protection_of(segment.flags);
        bool partial = segment.memsz > segment.filesz && (file_end & (kPage - 1));
        if (segment.filesz) {
            int file_protection = partial ? protection | BANOS_PROT_WRITE : protection;
            if (!map(start, page_up(file_end) - start, file_protection, true, fd, page_down(segment.offset)))
                return false;
            if (partial) {
                memset(reinterpret_cast<void*>(file_end), 0, page_up(file_end) - file_end);
                if (file_protection != protection && !protect(start, page_up(file_end) - start, protection))
                    return false;
            }
        }
        uint64_t zero_start = segment.filesz ? page_up(file_end) : start;
        if (end > zero_start && protection != reserved_as && !map(zero_start, end - zero_start, protection, true, -1, 0))
            return false;
    }
    return true;
}

// Why the kernel refused the object's window a layer.
void describe_attach_failure(const Object& object, Message& error)
{
    int code = last_error();
    if (code == ENOEXEC)
        error << object.path << ": no syscall layer for its program ABI " << object.program_abi << " on this kernel";
    else if (code == ENOSPC)
        error << object.path << ": no room for its syscall layer: the process holds as many layers as it may";
    else
        error << object.path << ": its syscall layer cannot be attached (errno " << static_cast<uint64_t>(code) << ")";
}

// The object's segments from `fd` into its reserved range (`headers` is
// the file's copy of its program headers), and its layer into its window.
bool map_and_attach(Object& object, int fd, const elf::ProgramHeader* headers, uint64_t window_start,
                    uint64_t window_end, int reserved_as, Message& error)
{
    if (!map_segments(object, fd, headers, object.header_count, window_start, window_end, reserved_as)) {
        error << object.path << ": cannot map its segments";
        return false;
    }
    for (uint16_t i = 0; i < object.header_count; ++i)
        if (headers[i].type == elf::kSegmentDynamic)
            object.dynamic = reinterpret_cast<const elf::Dynamic*>(object.base + headers[i].vaddr);
    read_headers(object);
    read_dynamic(object);
    if (!object.symbols.symbols) {
        error << object.path << ": not a valid shared object: no dynamic symbol table";
        return false;
    }
    if (!object.window)
        return true;
    if (object.program_abi == 0) {
        error << object.path << ": it has a syscall-layer window but no banos program ABI note";
        return false;
    }
    if (attach_layer(object.window, object.window_size, object.program_abi) != 0) {
        describe_attach_failure(object, error);
        return false;
    }
    object.layer_attached = true;
    return true;
}

Object* load_file(const char* path, int fd, Message& error)
{
    int64_t size = file_size(fd);
    // The ELF header and, where linkers put them, the program headers right
    // after it, in one read: the dozen or so a library has. More, or
    // elsewhere, take a second read (into the heap past kHeadersOnStack:
    // a small frame keeps ld-elf's start-up in the stack page exec made).
    constexpr uint16_t kHeadersOnStack = 16;
    struct {
        elf::Header header;
        elf::ProgramHeader headers[kHeadersOnStack];
    } start;
    static_assert(sizeof(start) == sizeof(elf::Header) + kHeadersOnStack * sizeof(elf::ProgramHeader));
    uint64_t first_read = size < static_cast<int64_t>(sizeof(start)) ? static_cast<uint64_t>(size) : sizeof(start);
    if (size < static_cast<int64_t>(sizeof(elf::Header)) || !read_at(fd, &start, first_read, 0)) {
        error << path << ": not a valid shared object: too short for an ELF header";
        return nullptr;
    }
    const elf::Header& header = start.header;
    elf::ProgramHeader* headers = start.headers;
    const char* why = nullptr;
    if (memcmp(header.ident, elf::kMagic, sizeof(elf::kMagic)) == 0 && header.phentsize == sizeof(elf::ProgramHeader)
        && header.phnum && header.phnum <= kMaxHeaders && header.phoff <= static_cast<uint64_t>(size)
        && header.phnum * sizeof(elf::ProgramHeader) <= size - header.phoff
        && (header.phoff != sizeof(elf::Header) || header.phoff + header.phnum * sizeof(elf::ProgramHeader) > first_read)) {
        if (header.phnum > kHeadersOnStack)
            headers = static_cast<elf::ProgramHeader*>(allocate(header.phnum * sizeof(elf::ProgramHeader)));
        if (!read_at(fd, headers, header.phnum * sizeof(elf::ProgramHeader), header.phoff))
            why = "cannot read its program headers";
    }
    if (!why)
        why = check_file(header, headers, size);
    if (why) {
        error << path << ": not a valid shared object: " << why;
        return nullptr;
    }

    uint64_t first = ~0ull, last = 0, window_start = 0, window_end = 0;
    const elf::ProgramHeader* in_file_headers = nullptr;
    for (uint16_t i = 0; i < header.phnum; ++i) {
        const elf::ProgramHeader& segment = headers[i];
        if (segment.type == elf::kSegmentLoad) {
            if (page_down(segment.vaddr) < first)
                first = page_down(segment.vaddr);
            last = page_up(segment.vaddr + segment.memsz);
            if (header.phoff >= segment.offset && header.phoff - segment.offset < segment.filesz)
                in_file_headers = &segment;
        }
        if (segment.type == elf::kSegmentBanosWindow) {
            window_start = segment.vaddr;
            window_end = segment.vaddr + segment.memsz;
        }
    }
    if (!in_file_headers) {
        error << path << ": not a valid shared object: its program headers are in no PT_LOAD";
        return nullptr;
    }
    int reserved_as = reserve_protection(headers, header.phnum, window_start, window_end);
    uint64_t reserved = map(0, last - first, reserved_as, false, -1, 0);
    if (!reserved) {
        error << path << ": no room for " << (last - first) << " bytes";
        return nullptr;
    }
    auto* object = static_cast<Object*>(allocate(sizeof(Object)));
    object->path = duplicate(path);
    object->base = reserved - first;
    object->map_start = reserved;
    object->map_end = reserved + (last - first);
    object->headers = reinterpret_cast<const elf::ProgramHeader*>(object->base + in_file_headers->vaddr
                                                                   + (header.phoff - in_file_headers->offset));
    object->header_count = header.phnum;
    if (!map_and_attach(*object, fd, headers, object->base + window_start, object->base + window_end, reserved_as,
                        error)) {
        // Nothing of it stays (a refused attach leaves the window as it was).
        unmap(object->map_start, object->map_end - object->map_start);
        return nullptr;
    }
    return object;
}

bool names(const Object& object, const char* name)
{
    return !object.closed && (equal(object.soname, name) || equal(object.path, name));
}

// Tries `directory`/`name`; -1 if there is no such file.
int open_in(const char* directory, size_t directory_length, const char* name, char* path, size_t path_size)
{
    size_t name_length = length(name);
    if (directory_length + 1 + name_length + 1 > path_size)
        return -1;
    memcpy(path, directory, directory_length);
    size_t at = directory_length;
    if (at == 0 || path[at - 1] != '/')
        path[at++] = '/';
    memcpy(path + at, name, name_length + 1);
    return open_file(path);
}
} // namespace

Object* find_or_load(const char* name, Message& error)
{
    for (Object* object = g_first; object; object = object->next)
        if (names(*object, name))
            return object;
    char path[512];
    int fd = -1;
    bool has_slash = false;
    for (const char* p = name; *p; ++p)
        has_slash |= *p == '/';
    if (has_slash) {
        if (length(name) < sizeof(path)) {
            memcpy(path, name, length(name) + 1);
            fd = open_file(path);
        }
    } else {
        for (const char* list = g_library_path; list && *list && fd < 0;) {
            const char* end = list;
            while (*end && *end != ':')
                ++end;
            if (end > list)
                fd = open_in(list, static_cast<size_t>(end - list), name, path, sizeof(path));
            list = *end ? end + 1 : end;
        }
        if (fd < 0)
            fd = open_in("/lib", 4, name, path, sizeof(path));
    }
    if (fd < 0) {
        error << "cannot find " << name;
        return nullptr;
    }
    // The same file under another name (a path given to dlopen).
    for (Object* object = g_first; object; object = object->next)
        if (!object->closed && equal(object->path, path)) {
            close_file(fd);
            return object;
        }
    Object* object = load_file(path, fd, error);
    close_file(fd);
    if (object)
        append_object(object);
    return object;
}

bool load_dependencies(Object* first, Message& error)
{
    for (Object* object = first; object; object = object->next) {
        if (object->needed || !object->dynamic)
            continue;
        size_t count = 0;
        for (const elf::Dynamic* entry = object->dynamic; entry->tag != elf::kDynamicNull; ++entry)
            count += entry->tag == elf::kDynamicNeeded;
        object->needed = static_cast<Object**>(allocate(sizeof(Object*) * (count + 1)));
        for (const elf::Dynamic* entry = object->dynamic; entry->tag != elf::kDynamicNull; ++entry) {
            if (entry->tag != elf::kDynamicNeeded)
                continue;
            const char* name = object->symbols.strings + entry->value;
            Object* needed = find_or_load(name, error);
            if (!needed) {
                Message full;
                full << error.text() << " (needed by " << object->path << ")";
                error = full;
                return false;
            }
            object->needed[object->needed_count++] = needed;
        }
    }
    return true;
}

} // namespace ldelf
