#include "tls.h"

#include "../core/relocation.h"

namespace ldelf {

namespace {
uint64_t g_static_used;  // bytes below the thread pointer given out
uint64_t g_static_limit; // and how many there are
uint64_t g_next_module = 1;

// DTV: word 0 holds the capacity, word m module m's block (0: not yet).
uint64_t* dtv_with_room(uint64_t module)
{
    auto* dtv = static_cast<uint64_t*>(thread_control_block()->dtv);
    if (dtv && module <= dtv[0])
        return dtv;
    uint64_t capacity = module + 16;
    auto* grown = static_cast<uint64_t*>(allocate((capacity + 1) * sizeof(uint64_t)));
    if (dtv)
        memcpy(grown + 1, dtv + 1, dtv[0] * sizeof(uint64_t));
    grown[0] = capacity;
    thread_control_block()->dtv = grown;
    return grown;
}

Object* module_object(uint64_t module)
{
    for (Object* object = g_first; object; object = object->next)
        if (object->tls_module == module && !object->closed)
            return object;
    return nullptr;
}
} // namespace

void tls_start(uint64_t program_tls_space) { g_static_limit = program_tls_space; }

bool tls_assign(Object& object, bool at_start, Message& error)
{
    if (object.tls_size == 0 || object.tls_module)
        return true;
    object.tls_module = g_next_module++;
    uint64_t* dtv = dtv_with_room(object.tls_module);
    if (!at_start)
        return true;
    uint64_t offset = static_tls_offset(g_static_used, object.tls_size, object.tls_align);
    if (object.is_program) {
        // The kernel placed the program's block right below the thread
        // pointer and left the space below it for the rest.
        g_static_limit += offset;
    } else {
        if (offset > g_static_limit) {
            error << object.path << ": its " << object.tls_size << " bytes of TLS do not fit in the static TLS space ("
                  << g_static_limit - g_static_used << " bytes left)";
            return false;
        }
        memcpy(reinterpret_cast<void*>(reinterpret_cast<uint64_t>(thread_control_block()) - offset), object.tls_image,
               object.tls_image_size);
    }
    g_static_used = offset;
    object.tls_offset = offset;
    dtv[object.tls_module] = reinterpret_cast<uint64_t>(thread_control_block()) - offset;
    return true;
}

uint64_t tls_address(uint64_t module, uint64_t offset)
{
    uint64_t* dtv = dtv_with_room(module);
    if (dtv[module] == 0) {
        Object* object = module_object(module);
        if (!object) {
            write_error("ld-elf: TLS of an unloaded object used\n");
            exit_now(127);
        }
        auto* block = static_cast<unsigned char*>(allocate(object->tls_size, object->tls_align));
        memcpy(block, object->tls_image, object->tls_image_size);
        dtv[module] = reinterpret_cast<uint64_t>(block);
    }
    return dtv[module] + offset;
}

struct TlsIndex {
    uint64_t module;
    uint64_t offset;
};

extern "C" LDELF_EXPORT void* __tls_get_addr(TlsIndex* index)
{
    auto* dtv = static_cast<uint64_t*>(thread_control_block()->dtv);
    if (dtv && index->module <= dtv[0] && dtv[index->module])
        return reinterpret_cast<void*>(dtv[index->module] + index->offset);
    return reinterpret_cast<void*>(tls_address(index->module, index->offset));
}

} // namespace ldelf
