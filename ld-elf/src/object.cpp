#include "object.h"

#include <abi-versions/common/window.h>

#include "system.h"

namespace ldelf {

Object* g_first;
Object* g_last;
Object* g_init_first;

uint64_t dynamic_value(const Object& object, int64_t tag, bool* found)
{
    if (found)
        *found = false;
    if (!object.dynamic)
        return 0;
    if (object.dynamic_read && tag >= 0 && tag < Object::kKeptDynamicTags) {
        bool present = object.dynamic_present & (1ull << tag);
        if (found)
            *found = present;
        return present ? object.dynamic_values[tag] : 0;
    }
    for (const elf::Dynamic* entry = object.dynamic; entry->tag != elf::kDynamicNull; ++entry) {
        if (entry->tag == tag) {
            if (found)
                *found = true;
            return entry->value;
        }
    }
    return 0;
}

void read_dynamic(Object& object)
{
    object.dynamic_present = 0;
    for (const elf::Dynamic* entry = object.dynamic; entry && entry->tag != elf::kDynamicNull; ++entry) {
        if (entry->tag >= 0 && entry->tag < Object::kKeptDynamicTags && !(object.dynamic_present & (1ull << entry->tag))) {
            object.dynamic_values[entry->tag] = entry->value;
            object.dynamic_present |= 1ull << entry->tag;
        }
    }
    object.dynamic_read = true;
    bool found;
    uint64_t symtab = dynamic_value(object, elf::kDynamicSymTab, &found);
    object.symbols.symbols = found ? reinterpret_cast<const elf::Symbol*>(object.base + symtab) : nullptr;
    uint64_t strtab = dynamic_value(object, elf::kDynamicStrTab, &found);
    object.symbols.strings = found ? reinterpret_cast<const char*>(object.base + strtab) : nullptr;
    uint64_t sysv = dynamic_value(object, elf::kDynamicHash, &found);
    object.symbols.sysv = found ? reinterpret_cast<const uint32_t*>(object.base + sysv) : nullptr;
    uint64_t gnu = dynamic_value(object, elf::kDynamicGnuHash, &found);
    object.symbols.gnu = found ? reinterpret_cast<const uint32_t*>(object.base + gnu) : nullptr;
    if (!object.symbols.symbols || !object.symbols.strings)
        object.symbols = {};
    uint64_t soname = dynamic_value(object, elf::kDynamicSoname, &found);
    object.soname = found && object.symbols.strings ? object.symbols.strings + soname : base_name(object.path);
}

void read_headers(Object& object)
{
    for (uint16_t i = 0; i < object.header_count; ++i) {
        const elf::ProgramHeader& header = object.headers[i];
        if (header.type == elf::kSegmentBanosWindow) {
            object.window = object.base + header.vaddr;
            object.window_size = header.memsz;
        } else if (header.type == elf::kSegmentTls && header.memsz) {
            object.tls_image = reinterpret_cast<const void*>(object.base + header.vaddr);
            object.tls_image_size = header.filesz;
            object.tls_size = header.memsz;
            object.tls_align = header.align ? header.align : 1;
        } else if (header.type == elf::kSegmentNote) {
            // Notes: namesz, descsz, type, name and descriptor padded to 4.
            auto* at = reinterpret_cast<const unsigned char*>(object.base + header.vaddr);
            const unsigned char* end = at + header.filesz;
            while (at + 12 <= end) {
                uint32_t name_size = load_u32(at), desc_size = load_u32(at + 4), type = load_u32(at + 8);
                const unsigned char* name = at + 12;
                const unsigned char* desc = name + ((name_size + 3) & ~3u);
                if (desc + desc_size > end)
                    break;
                if (name_size == sizeof(BANOS_NOTE_NAME) && memcmp(name, BANOS_NOTE_NAME, name_size) == 0
                    && type == NT_BANOS_PROGRAM_ABI && desc_size == 4)
                    object.program_abi = load_u32(desc);
                at = desc + ((desc_size + 3) & ~3u);
            }
        }
    }
}

void append_object(Object* object)
{
    if (g_last)
        g_last->next = object;
    else
        g_first = object;
    g_last = object;
}

Object* object_containing(uint64_t address)
{
    for (Object* object = g_first; object; object = object->next)
        if (!object->closed && address >= object->map_start && address < object->map_end)
            return object;
    return nullptr;
}

} // namespace ldelf
