/* A syscall layer: linked at 0 (= the window's start), position
 * independent, with no writable initialized data and no relocations. The
 * first page is the stub table. Preprocessed with syslayer/include. */
#include "syslayer/layout.h"

OUTPUT_FORMAT("elf64-x86-64")
ENTRY(__layer_stubs)

PHDRS
{
    text PT_LOAD FLAGS(5);
    note PT_NOTE FLAGS(4);
}

SECTIONS
{
    . = 0;
    .stubs : { KEEP(*(.stubs)) } :text
    ASSERT(SIZEOF(.stubs) == 4096, "the stub table must be exactly one page")
    .text : { *(.text .text.*) } :text
    .rodata : { *(.rodata .rodata.*) } :text
    .note.banos : { KEEP(*(.note.banos.layer)) } :text :note
    .dynamic : { *(.dynamic) } :text
    .dynsym : { *(.dynsym) } :text
    .dynstr : { *(.dynstr) } :text
    .hash : { *(.hash) } :text
    .gnu.hash : { *(.gnu.hash) } :text
    .rela.dyn : { *(.rela.*) } :text
    .got : { *(.got .got.plt) } :text
    .data : { *(.data .data.*) } :text
    ASSERT(SIZEOF(.data) == 0, "a layer is mapped read-only: no initialized writable data")
    ASSERT(. <= LAYER_PRIVATE_OFFSET, "the layer's code does not fit below its private pages")

    . = LAYER_PRIVATE_OFFSET;
    .bss (NOLOAD) : { *(.bss .bss.* COMMON) } :NONE
    ASSERT(SIZEOF(.bss) <= LAYER_PRIVATE_SIZE, "the layer's private data does not fit its pages")

    . = LAYER_KPMAP_OFFSET;
    .kpmap (NOLOAD) : { __banos_kpmap = .; . += 4096; } :NONE
    . = LAYER_UPMAP_OFFSET;
    .upmap (NOLOAD) : { __banos_upmap = .; . += 4096; } :NONE

    /DISCARD/ : { *(.comment) *(.eh_frame*) *(.note.GNU-stack) *(.note.gnu.property) *(.interp) }
}
