/* How a binary marks its syscall-layer window, and how a layer file
 * describes itself. Shared by the kernel, the layers, libc's linker
 * scripts (preprocessed with __ASSEMBLER__ defined) and ld-elf. */
#ifndef BANOS_ABI_COMMON_WINDOW_H
#define BANOS_ABI_COMMON_WINDOW_H

/* The program header that marks the window: an OS-specific type. Its
 * p_vaddr and p_memsz are the window's; the window is NOBITS, page-aligned,
 * in a PT_LOAD of its own. */
#define PT_BANOS_WINDOW 0x6ba0500a

/* A PT_NOTE with name "banos" and this type carries the program ABI version
 * as a 32-bit little-endian number. */
#define BANOS_NOTE_NAME "banos"
#define NT_BANOS_PROGRAM_ABI 1

/* Slot k of the stub table is at window offset k * BANOS_SLOT_SIZE; the
 * stub table is the window's first page. */
#define BANOS_SLOT_SIZE 16
#define BANOS_PAGE_SIZE 4096
#define BANOS_MAX_SLOTS (BANOS_PAGE_SIZE / BANOS_SLOT_SIZE)

/* Every program ABI so far uses the same window size. */
#define BANOS_WINDOW_SIZE (256 * 1024)

/* A layer file carries one PT_NOTE with name "banos" and this type whose
 * descriptor is struct banos_layer_descriptor. */
#define NT_BANOS_LAYER 2
#define BANOS_LAYER_MAGIC 0x5259414cu /* "LAYR" */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Offsets are from the window's start. The kernel maps the layer's
 * PT_LOAD segments at their p_vaddr (text read-only, executable and
 * shared), zero-filled private pages, and the shared pages the layer asks
 * for. A zero offset means "not wanted". */
struct banos_layer_descriptor {
    uint32_t magic;
    uint32_t descriptor_size;
    uint32_t program_abi;
    uint32_t kernel_abi;
    uint32_t window_size;   /* the layer fits in this many bytes */
    uint32_t private_offset;
    uint32_t private_size;  /* writable, zeroed, per process */
    uint32_t kpmap_offset;  /* one page, read-only, shared by all processes */
    uint32_t upmap_offset;  /* one page, read-only, per process */
    uint32_t flags;
};
#define BANOS_LAYER_ALWAYS_TRAP 0x1 /* the variant that never answers from shared pages */

#ifdef __cplusplus
static_assert(sizeof(struct banos_layer_descriptor) == 40, "layer descriptor layout is fixed");
#endif
#endif

#endif
