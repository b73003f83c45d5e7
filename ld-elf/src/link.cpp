#include "link.h"

#include "../core/relocation.h"
#include "tls.h"

namespace ldelf {

int g_argc;
char** g_argv;
char** g_envp;

namespace {
bool same_abi(const Object& a, const Object& b)
{
    return a.program_abi == 0 || b.program_abi == 0 || a.program_abi == b.program_abi;
}

bool search(Object& object, const HashedName& name, const Object& requester, const Object* skip, bool same_abi_only,
            Definition& out)
{
    if (&object == skip || object.closed || !object.symbols.symbols)
        return false;
    if (same_abi_only != same_abi(object, requester))
        return false;
    uint32_t index = find_symbol(object.symbols, name);
    if (index == 0)
        return false;
    out = { &object, &object.symbols.symbols[index] };
    return true;
}

using InitFunction = void (*)(int, char**, char**);
using FiniFunction = void (*)();
} // namespace

bool lookup(const HashedName& name, const Object& requester, const Scope* local, const Object* skip, Definition& out)
{
    for (int pass = 0; pass < 2; ++pass) {
        bool same_abi_only = pass == 0;
        for (Object* object = g_first; object; object = object->next)
            if (object->global && search(*object, name, requester, skip, same_abi_only, out))
                return true;
        for (size_t i = 0; local && i < local->count; ++i)
            if (search(*local->objects[i], name, requester, skip, same_abi_only, out))
                return true;
    }
    return false;
}

uint64_t address_of(const Definition& definition)
{
    if (elf::symbol_type(*definition.symbol) == elf::kSymbolTls)
        return tls_address(definition.object->tls_module, definition.symbol->value);
    return definition.object->base + definition.symbol->value;
}

namespace {
bool apply(Object& object, const elf::Rela& rela, const Scope* local, Message& error)
{
    Relocation kind = relocation_of(elf::relocation_type(rela.info));
    if (kind == Relocation::None)
        return true;
    if (kind == Relocation::Unsupported) {
        error << object.path << ": unsupported relocation type " << elf::relocation_type(rela.info);
        return false;
    }
    RelocationInput input { object.base, rela.addend, 0, object.tls_module, object.tls_offset };
    uint32_t index = elf::relocation_symbol(rela.info);
    Definition definition { &object, nullptr };
    if (index != 0) {
        const elf::Symbol& symbol = object.symbols.symbols[index];
        const char* name = object.symbols.strings + symbol.name;
        if (elf::symbol_binding(symbol) == elf::kBindLocal) {
            definition.symbol = &symbol;
        } else if (!lookup(hash_name(name), object, local, kind == Relocation::Copy ? &object : nullptr, definition)) {
            if (elf::symbol_binding(symbol) != elf::kBindWeak) {
                error << object.path << ": symbol '" << name << "' not found";
                return false;
            }
            definition = { nullptr, nullptr };
        }
        if (definition.symbol) {
            const Object& owner = *definition.object;
            if (elf::symbol_type(*definition.symbol) == elf::kSymbolGnuIfunc) {
                error << owner.path << ": symbol '" << name << "' is an IFUNC, which ld-elf does not support";
                return false;
            }
            bool tls = elf::symbol_type(*definition.symbol) == elf::kSymbolTls;
            input.symbol = tls ? definition.symbol->value : owner.base + definition.symbol->value;
            input.tls_module = owner.tls_module;
            input.tls_offset = owner.tls_offset;
            if (kind == Relocation::TpOff64 && owner.tls_offset == 0) {
                error << object.path << ": symbol '" << name << "' of " << owner.path
                      << " is in dynamically allocated TLS, out of reach of the initial-exec model";
                return false;
            }
            if (kind == Relocation::Copy) {
                memcpy(reinterpret_cast<void*>(object.base + rela.offset), reinterpret_cast<const void*>(input.symbol),
                       symbol.size);
                return true;
            }
        } else if (kind == Relocation::Copy) {
            return true;
        }
    } else if (kind == Relocation::TpOff64 && object.tls_offset == 0) {
        error << object.path << ": initial-exec TLS in an object whose TLS is dynamically allocated";
        return false;
    }
    store_word(object.base + rela.offset, relocation_value(kind, input));
    return true;
}

bool apply_table(Object& object, uint64_t table, uint64_t size, const Scope* local, Message& error)
{
    if (!table)
        return true;
    auto* entries = reinterpret_cast<const elf::Rela*>(object.base + table);
    for (uint64_t i = 0; i < size / sizeof(elf::Rela); ++i) {
        const elf::Rela& rela = entries[i];
        // Most of a table (where the linker packed none into DT_RELR): no
        // symbol, no lookup, one store.
        if (elf::relocation_type(rela.info) == elf::kRelocationRelative) {
            store_word(object.base + rela.offset, object.base + static_cast<uint64_t>(rela.addend));
            continue;
        }
        if (!apply(object, rela, local, error))
            return false;
    }
    return true;
}

} // namespace

bool relocate(Object& object, const Scope* local, Message& error)
{
    if (object.relocated)
        return true;
    bool found;
    uint64_t relr = dynamic_value(object, elf::kDynamicRelr, &found);
    if (found)
        apply_relr(object.base, reinterpret_cast<const uint64_t*>(object.base + relr),
                   dynamic_value(object, elf::kDynamicRelrSize) / sizeof(uint64_t));
    if (!apply_table(object, dynamic_value(object, elf::kDynamicRela), dynamic_value(object, elf::kDynamicRelaSize),
                     local, error))
        return false;
    uint64_t jmprel = dynamic_value(object, elf::kDynamicJmpRel, &found);
    if (found && dynamic_value(object, elf::kDynamicPltRel) != elf::kDynamicRela) {
        error << object.path << ": its PLT relocations are not RELA";
        return false;
    }
    // Lazy binding is optional: every PLT slot is bound now.
    if (!apply_table(object, jmprel, dynamic_value(object, elf::kDynamicPltRelSize), local, error))
        return false;
    object.relocated = true;
    return true;
}

void initialize(Object& object)
{
    if (object.initialized || object.closed)
        return;
    object.initialized = true; // also breaks dependency cycles
    for (size_t i = 0; i < object.needed_count; ++i)
        initialize(*object.needed[i]);
    bool found;
    uint64_t init = dynamic_value(object, elf::kDynamicInit, &found);
    if (found && init)
        reinterpret_cast<InitFunction>(object.base + init)(g_argc, g_argv, g_envp);
    uint64_t array = dynamic_value(object, elf::kDynamicInitArray, &found);
    if (found) {
        auto* functions = reinterpret_cast<InitFunction*>(object.base + array);
        uint64_t count = dynamic_value(object, elf::kDynamicInitArraySize) / sizeof(InitFunction);
        for (uint64_t i = 0; i < count; ++i)
            if (reinterpret_cast<uint64_t>(functions[i]) + 1 > 1) // 0 and -1 are no functions
                functions[i](g_argc, g_argv, g_envp);
    }
    object.init_next = g_init_first;
    g_init_first = &object;
}

void finalize(Object& object)
{
    if (!object.initialized || object.finalized)
        return;
    object.finalized = true;
    bool found;
    uint64_t array = dynamic_value(object, elf::kDynamicFiniArray, &found);
    if (found) {
        auto* functions = reinterpret_cast<FiniFunction*>(object.base + array);
        uint64_t count = dynamic_value(object, elf::kDynamicFiniArraySize) / sizeof(FiniFunction);
        for (uint64_t i = count; i-- > 0;)
            if (reinterpret_cast<uint64_t>(functions[i]) + 1 > 1)
                functions[i]();
    }
    uint64_t fini = dynamic_value(object, elf::kDynamicFini, &found);
    if (found && fini)
        reinterpret_cast<FiniFunction>(object.base + fini)();
}

Scope closure_of(Object& root)
{
    size_t total = 0;
    for (Object* object = g_first; object; object = object->next)
        ++total;
    auto** list = static_cast<Object**>(allocate(sizeof(Object*) * (total + 1)));
    size_t count = 0;
    list[count++] = &root;
    // A linear check for objects already listed: there are only a few.
    for (size_t at = 0; at < count; ++at) {
        Object& object = *list[at];
        for (size_t i = 0; i < object.needed_count; ++i) {
            Object* needed = object.needed[i];
            bool seen = false;
            for (size_t j = 0; j < count && !seen; ++j)
                seen = list[j] == needed;
            if (!seen && count < total)
                list[count++] = needed;
        }
    }
    return { list, count };
}

} // namespace ldelf
