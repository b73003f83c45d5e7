// ld-elf's start: the program and ld-elf itself as the first objects, then
// the DT_NEEDED closure, static TLS, relocation (dependencies first, so
// COPY relocations copy relocated data), initializers, and back to
// start.S with the program's entry point. Any failure is one message on
// standard error naming the object (and the symbol) and exit status 127.
#include <abi-versions/common/auxv.h>

#include "link.h"
#include "load.h"
#include "tls.h"

extern "C" const ldelf::elf::Dynamic _DYNAMIC[] __attribute__((visibility("hidden")));

namespace ldelf {

namespace {
Object g_program;
Object g_loader;

[[noreturn]] void fail(const char* program, const Message& message)
{
    Message line;
    line << "ld-elf: " << program << ": " << message.text() << "\n";
    write_error(line.text());
    exit_now(127);
}

void span_of(Object& object)
{
    object.map_start = ~0ull;
    for (uint16_t i = 0; i < object.header_count; ++i) {
        const elf::ProgramHeader& header = object.headers[i];
        if (header.type != elf::kSegmentLoad)
            continue;
        if (object.base + page_down(header.vaddr) < object.map_start)
            object.map_start = object.base + page_down(header.vaddr);
        object.map_end = object.base + page_up(header.vaddr + header.memsz);
    }
}
} // namespace

extern "C" void ldelf_fini()
{
    for (Object* object = g_init_first; object; object = object->init_next)
        if (!object->closed)
            finalize(*object);
}

extern "C" uint64_t ldelf_start(uint64_t* stack)
{
    g_argc = static_cast<int>(stack[0]);
    g_argv = reinterpret_cast<char**>(stack + 1);
    g_envp = g_argv + g_argc + 1;
    char** end = g_envp;
    while (*end)
        ++end;
    uint64_t phdr = 0, phnum = 0, entry = 0, base = 0, tls_space = 0;
    for (auto* aux = reinterpret_cast<uint64_t*>(end + 1); aux[0] != BANOS_AT_NULL; aux += 2) {
        switch (aux[0]) {
        case BANOS_AT_PHDR:
            phdr = aux[1];
            break;
        case BANOS_AT_PHNUM:
            phnum = aux[1];
            break;
        case BANOS_AT_ENTRY:
            entry = aux[1];
            break;
        case BANOS_AT_BASE:
            base = aux[1];
            break;
        case BANOS_AT_STATIC_TLS_SPACE:
            tls_space = aux[1];
            break;
        default:
            break;
        }
    }
    for (char** variable = g_envp; *variable; ++variable)
        if (starts_with(*variable, "LD_LIBRARY_PATH="))
            g_library_path = *variable + 16;
    const char* name = g_argc > 0 && g_argv[0] ? g_argv[0] : "program";
    Message error;
    if (!phdr || !entry || !base) {
        error << "started without the auxiliary vector of a dynamically linked program";
        fail(name, error);
    }

    // The program: mapped by the kernel, found through AT_PHDR.
    Object& program = g_program;
    program.path = name;
    program.headers = reinterpret_cast<const elf::ProgramHeader*>(phdr);
    program.header_count = static_cast<uint16_t>(phnum);
    for (uint16_t i = 0; i < program.header_count; ++i)
        if (program.headers[i].type == elf::kSegmentPhdr)
            program.base = phdr - program.headers[i].vaddr;
    for (uint16_t i = 0; i < program.header_count; ++i)
        if (program.headers[i].type == elf::kSegmentDynamic)
            program.dynamic = reinterpret_cast<const elf::Dynamic*>(program.base + program.headers[i].vaddr);
    read_headers(program);
    read_dynamic(program);
    span_of(program);
    program.is_program = program.global = true;
    append_object(&program);

    // ld-elf itself, so its dl* functions and __tls_get_addr are found.
    Object& loader = g_loader;
    auto* header = reinterpret_cast<const elf::Header*>(base);
    loader.path = "/lib/ld-elf.so.1";
    loader.base = base;
    loader.headers = reinterpret_cast<const elf::ProgramHeader*>(base + header->phoff);
    loader.header_count = header->phnum;
    loader.dynamic = _DYNAMIC;
    read_headers(loader);
    read_dynamic(loader);
    span_of(loader);
    loader.is_loader = loader.global = loader.relocated = loader.initialized = true;
    append_object(&loader);

    if (!load_dependencies(&program, error))
        fail(name, error);
    for (Object* object = g_first; object; object = object->next)
        object->global = true;

    tls_start(tls_space);
    for (Object* object = g_first; object; object = object->next)
        if (!tls_assign(*object, true, error))
            fail(name, error);

    size_t count = 0;
    for (Object* object = g_first; object; object = object->next)
        ++count;
    auto** order = static_cast<Object**>(allocate(sizeof(Object*) * count));
    size_t at = 0;
    for (Object* object = g_first; object; object = object->next)
        order[at++] = object;
    for (size_t i = count; i-- > 0;)
        if (!relocate(*order[i], nullptr, error))
            fail(name, error);

    initialize(program);
    return entry;
}

} // namespace ldelf
