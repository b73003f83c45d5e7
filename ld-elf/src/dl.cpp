// dlopen, dlsym, dlclose, dlerror, dladdr. A handle is the Object of the
// file opened. Reference counts are kept on every object of a handle's
// closure; an object dlclose brings to zero is finalized and unmapped,
// window and all: the program cannot unmap a window (DESIGN.md), so
// syslayer_detach first takes out the layer ld-elf attached there, which
// frees the process's layer record for the next object, and then the
// object's whole range goes as a windowless object's does.
#include <dlfcn.h>

#include "link.h"
#include "load.h"
#include "tls.h"

namespace ldelf {

namespace {
Message g_error;
bool g_error_pending;

void set_error(const Message& message)
{
    g_error = message;
    g_error_pending = true;
}

bool valid_handle(void* handle)
{
    for (Object* object = g_first; object; object = object->next)
        if (object == handle && !object->closed)
            return true;
    return false;
}

void close_mapping(Object& object)
{
    object.closed = true;
    if (object.layer_attached && detach_layer(object.window) == 0)
        object.layer_attached = false;
    uint64_t window_end = object.window + object.window_size;
    // Should the kernel refuse the detach, the window stays as it is.
    if (object.layer_attached && object.window >= object.map_start && object.window < object.map_end) {
        unmap(object.map_start, object.window - object.map_start);
        unmap(window_end, object.map_end > window_end ? object.map_end - window_end : 0);
    } else {
        unmap(object.map_start, object.map_end - object.map_start);
    }
}

// Loaded during a failed dlopen: gone again.
void discard_from(Object* first)
{
    for (Object* object = first; object; object = object->next)
        if (!object->initialized)
            close_mapping(*object);
}

Object* caller_object(void* return_address) { return object_containing(reinterpret_cast<uint64_t>(return_address)); }

void* symbol_address(const Definition& definition) { return reinterpret_cast<void*>(address_of(definition)); }
} // namespace

extern "C" LDELF_EXPORT void* dlopen(const char* file, int mode)
{
    int binding = mode & (RTLD_LAZY | RTLD_NOW);
    if (binding != RTLD_LAZY && binding != RTLD_NOW) {
        set_error(Message() << "dlopen: the mode must have exactly one of RTLD_LAZY and RTLD_NOW");
        return nullptr;
    }
    if (mode & ~(RTLD_LAZY | RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL | RTLD_NODELETE)) {
        set_error(Message() << "dlopen: unknown mode bits " << static_cast<uint64_t>(mode));
        return nullptr;
    }
    if (!file) {
        for (Object* object = g_first; object; object = object->next)
            if (object->is_program)
                return object;
    }
    Object* last_before = g_last;
    Message error;
    Object* root = nullptr;
    if (mode & RTLD_NOLOAD) {
        for (Object* object = g_first; object && !root; object = object->next)
            if (!object->closed && (equal(object->soname, file) || equal(object->path, file)))
                root = object;
        if (!root) {
            set_error(Message() << file << ": not loaded (RTLD_NOLOAD)");
            return nullptr;
        }
    } else {
        root = find_or_load(file, error);
        if (!root || !load_dependencies(root, error)) {
            if (last_before)
                discard_from(last_before->next);
            set_error(error);
            return nullptr;
        }
    }
    Scope group = closure_of(*root);
    bool global = mode & RTLD_GLOBAL;
    for (size_t i = 0; i < group.count; ++i) {
        Object& object = *group.objects[i];
        if (global)
            object.global = true;
        if (!tls_assign(object, false, error)) {
            discard_from(last_before ? last_before->next : nullptr);
            set_error(error);
            return nullptr;
        }
    }
    for (size_t i = group.count; i-- > 0;) {
        if (!relocate(*group.objects[i], &group, error)) {
            discard_from(last_before ? last_before->next : nullptr);
            set_error(error);
            return nullptr;
        }
    }
    for (size_t i = 0; i < group.count; ++i) {
        ++group.objects[i]->references;
        if (mode & RTLD_NODELETE)
            group.objects[i]->references = 1u << 30;
    }
    initialize(*root);
    return root;
}

extern "C" LDELF_EXPORT int dlclose(void* handle)
{
    if (!valid_handle(handle)) {
        set_error(Message() << "dlclose: not a handle dlopen gave");
        return -1;
    }
    Object& root = *static_cast<Object*>(handle);
    if (root.is_program || root.is_loader)
        return 0;
    Scope group = closure_of(root);
    for (size_t i = 0; i < group.count; ++i)
        if (group.objects[i]->references > 0)
            --group.objects[i]->references;
    // Latest initialized first, as at exit.
    for (Object* object = g_init_first; object; object = object->init_next) {
        bool in_group = false;
        for (size_t i = 0; i < group.count && !in_group; ++i)
            in_group = group.objects[i] == object;
        if (in_group && object->references == 0 && !object->is_program && !object->is_loader && !object->closed
            && object->tls_offset == 0 && object->map_start) {
            finalize(*object);
            close_mapping(*object);
        }
    }
    return 0;
}

extern "C" LDELF_EXPORT void* dlsym(void* handle, const char* name)
{
    Object* caller = caller_object(__builtin_return_address(0));
    HashedName hashed = hash_name(name);
    Definition definition {};
    if (handle == RTLD_DEFAULT || handle == RTLD_NEXT) {
        Object* requester = caller ? caller : g_first;
        bool found = false;
        if (handle == RTLD_DEFAULT) {
            found = lookup(hashed, *requester, nullptr, nullptr, definition);
        } else {
            for (Object* object = requester->next; object && !found; object = object->next) {
                if (object->closed || !object->global || !object->symbols.symbols)
                    continue;
                uint32_t index = find_symbol(object->symbols, hashed);
                if (index)
                    definition = { object, &object->symbols.symbols[index] }, found = true;
            }
        }
        if (!found) {
            set_error(Message() << "dlsym: symbol '" << name << "' not found"
                                << (handle == RTLD_DEFAULT ? " in the global scope" : " after the caller's object"));
            return nullptr;
        }
        return symbol_address(definition);
    }
    if (!valid_handle(handle)) {
        set_error(Message() << "dlsym: not a handle dlopen gave (looking for '" << name << "')");
        return nullptr;
    }
    Object& root = *static_cast<Object*>(handle);
    if (root.is_program) {
        if (lookup(hashed, root, nullptr, nullptr, definition))
            return symbol_address(definition);
    } else {
        Scope group = closure_of(root);
        for (int pass = 0; pass < 2; ++pass)
            for (size_t i = 0; i < group.count; ++i) {
                Object& object = *group.objects[i];
                bool same = object.program_abi == root.program_abi || object.program_abi == 0;
                if (same != (pass == 0) || object.closed || !object.symbols.symbols)
                    continue;
                uint32_t index = find_symbol(object.symbols, hashed);
                if (index)
                    return symbol_address({ &object, &object.symbols.symbols[index] });
            }
    }
    set_error(Message() << root.path << ": symbol '" << name << "' not found");
    return nullptr;
}

extern "C" LDELF_EXPORT char* dlerror(void)
{
    if (!g_error_pending)
        return nullptr;
    g_error_pending = false;
    return const_cast<char*>(g_error.text());
}

extern "C" LDELF_EXPORT int dladdr(const void* address, Dl_info* info)
{
    uint64_t where = reinterpret_cast<uint64_t>(address);
    Object* object = object_containing(where);
    if (!object)
        return 0;
    info->dli_fname = object->path;
    info->dli_fbase = reinterpret_cast<void*>(object->map_start);
    info->dli_sname = nullptr;
    info->dli_saddr = nullptr;
    uint32_t count = symbol_count(object->symbols);
    uint64_t best = 0;
    for (uint32_t i = 1; i < count; ++i) {
        const elf::Symbol& symbol = object->symbols.symbols[i];
        if (symbol.shndx == elf::kSectionIndexUndefined || elf::symbol_type(symbol) == elf::kSymbolTls)
            continue;
        uint64_t start = object->base + symbol.value;
        if (start > where || start < best)
            continue;
        if (symbol.size && where >= start + symbol.size)
            continue;
        best = start;
        info->dli_sname = object->symbols.strings + symbol.name;
        info->dli_saddr = reinterpret_cast<void*>(start);
    }
    return 1;
}

} // namespace ldelf
