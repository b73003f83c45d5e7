// What the start code leaves for the rest of libc, and the steps it takes.
#pragma once

#include "visibility.h"

extern "C" {

// The auxiliary vector: (type, value) pairs ending with AT_NULL.
extern unsigned long* __libc_auxv LIBC_HIDDEN;

// In a dynamically linked program: ld-elf's finalizer of every loaded
// object, which exit calls in place of the program's own fini array.
extern void (*__libc_rtld_fini)(void) LIBC_HIDDEN;

// Applies a static PIE's relative relocations (nothing for ET_EXEC). Runs
// first, before anything reads a pointer stored in data; touches no data
// that needs relocating itself.
void __libc_relocate_static_pie(void) LIBC_HIDDEN;

// The linker script's bounds of the constructor and destructor arrays.
using __libc_init_function = void (*)(int, char**, char**);
using __libc_fini_function = void (*)(void);
extern __libc_init_function __preinit_array_start[] LIBC_HIDDEN;
extern __libc_init_function __preinit_array_end[] LIBC_HIDDEN;
extern __libc_init_function __init_array_start[] LIBC_HIDDEN;
extern __libc_init_function __init_array_end[] LIBC_HIDDEN;
extern __libc_fini_function __fini_array_start[] LIBC_HIDDEN;
extern __libc_fini_function __fini_array_end[] LIBC_HIDDEN;
}
