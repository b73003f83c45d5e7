/* banos-specific calls. */
#ifndef __BANOS_BANOS_H
#define __BANOS_BANOS_H

#include <sys/cdefs.h>
#include <stdint.h>
#include <bits/size_t.h>
#include <banos/abi.h>
#include <sys/auxv.h>

__BEGIN_DECLS

/* The version of the syscall layer the kernel mapped into this program. */
int syslayer_version(void);
/* How many times this process has entered the kernel (calls the layer
 * answers from shared pages do not count). */
uint64_t banos_syscall_count(void);

#ifdef BANOS_HAS_SLOT_syslayer_attach
/* Maps the syscall layer for program ABI `program_abi` into the window
 * [window, window + size) of an object loaded by hand (ld-elf does this for
 * every shared object). 0, or -1 with errno: EINVAL (not page-aligned, too
 * small), ENOEXEC (no layer for that ABI), EBUSY (a window is there),
 * ENOSPC (the process has as many layers as it may: 32 with its own). */
int syslayer_attach(void* window, size_t size, unsigned program_abi);
#endif

#ifdef BANOS_HAS_SLOT_syslayer_detach
/* Takes the layer syslayer_attach put into the window starting at `window`
 * out again (ld-elf does this when dlclose unloads an object): its pages
 * go, its code may no longer enter the kernel, and the range is free
 * memory. 0, or -1 with errno: EINVAL (no attached window starts there),
 * EPERM (the window exec mapped for the program or its interpreter). */
int syslayer_detach(void* window);
#endif

/* What malloc holds from the system (libc/src/core/heap.h): 1 MiB arenas,
 * mappings of large allocations, their bytes, and the 16-byte blocks in use
 * in the arenas. Everything freed is given back at once, so after freeing
 * all allocations every figure is 0. */
struct banos_heap_statistics {
    size_t arenas;
    size_t large_mappings;
    size_t mapped_bytes;
    size_t used_blocks;
};
void banos_get_heap_statistics(struct banos_heap_statistics* out);

/* Installs a banos module from its file's bytes (superuser only: EPERM
 * otherwise). Errors: ENOEXEC for a malformed module or one needing a newer
 * API, ENOENT for a missing required module or symbol, EEXIST if installed,
 * the module's own error if its init fails. ENOSYS before program ABI 2. */
int banos_install(const void* image, size_t size);

__END_DECLS

#endif
