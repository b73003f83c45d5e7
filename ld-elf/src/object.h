// A loaded ELF object (the program, ld-elf itself, or a shared object) and
// the list of all of them in load order.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "../core/elf.h"
#include "../core/hash.h"

namespace ldelf {

struct Object {
    const char* path;   // as opened (the program: argv[0]'s file)
    const char* soname; // DT_SONAME, or the path's last component
    uint64_t base;      // load bias: runtime address minus link address
    uint64_t map_start, map_end;
    const elf::ProgramHeader* headers;
    uint16_t header_count;
    const elf::Dynamic* dynamic;
    // The first value of each dynamic tag below kKeptDynamicTags, read
    // once by read_dynamic (bit t of dynamic_present: tag t is there).
    static constexpr int64_t kKeptDynamicTags = 38;
    uint64_t dynamic_values[kKeptDynamicTags];
    uint64_t dynamic_present;
    bool dynamic_read;
    SymbolTable symbols;

    uint32_t program_abi; // from the object's banos note; 0: none (no window)
    uint64_t window, window_size;
    bool layer_attached; // ld-elf put a layer into the window (syslayer_attach)

    // TLS: module id 0 means the object has none.
    uint64_t tls_module;
    const void* tls_image;
    uint64_t tls_image_size, tls_size, tls_align;
    uint64_t tls_offset; // static TLS: distance below the thread pointer; 0: dynamic

    Object** needed;
    size_t needed_count;

    Object* next;       // load order
    Object* init_next;  // initialization order (dependencies first)
    unsigned references; // dlopen handles
    bool is_program, is_loader, global, relocated, initialized, finalized, closed;
};

extern Object* g_first;
extern Object* g_last;
extern Object* g_init_first; // initialized objects, the latest first

// The value of dynamic tag `tag` (0 if absent); `found` says whether it was there.
uint64_t dynamic_value(const Object&, int64_t tag, bool* found = nullptr);
// Reads DT_SYMTAB, DT_STRTAB, the hash tables and DT_SONAME from PT_DYNAMIC.
void read_dynamic(Object&);
// Reads the banos note (program ABI), PT_BANOS_WINDOW and PT_TLS.
void read_headers(Object&);
void append_object(Object*);
Object* object_containing(uint64_t address);

} // namespace ldelf
