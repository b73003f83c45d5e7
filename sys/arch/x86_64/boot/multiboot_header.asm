; Boot headers for both loaders, so one kernel file boots two ways:
;  - GRUB2 reads the multiboot2 header and loads the ELF segments.
;  - `qemu -kernel` reads the multiboot1 header; it refuses 64-bit ELF files
;    unless the header gives explicit load addresses (flag bit 16).
; Both name the same 32-bit physical entry point.

%include "sys/arch/x86_64/boot/layout.inc"

extern __kernel_start, __load_end, __bss_end, boot_entry32

section .multiboot_header progbits alloc noexec nowrite align=8

MB1_MAGIC     equ 0x1BADB002
MB1_FLAGS     equ (1 << 0) | (1 << 1) | (1 << 16)  ; page-aligned modules, memory map, load addresses

align 4
mb1_header:
    dd MB1_MAGIC
    dd MB1_FLAGS
    dd 0x100000000 - (MB1_MAGIC + MB1_FLAGS)
    dd mb1_header - KERNEL_VMA        ; header_addr
    dd __kernel_start - KERNEL_VMA    ; load_addr
    dd __load_end - KERNEL_VMA        ; load_end_addr
    dd __bss_end - KERNEL_VMA         ; bss_end_addr
    dd boot_entry32 - KERNEL_VMA      ; entry_addr

MB2_MAGIC     equ 0xE85250D6
MB2_ARCH_I386 equ 0

align 8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header
    dd 0x100000000 - (MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

    align 8
    ; entry address tag: the ELF entry is a higher-half address, so give
    ; GRUB the physical one explicitly.
    dw 3, 0
    dd 12
    dd boot_entry32 - KERNEL_VMA

    align 8
    ; module alignment tag: modules start on page boundaries
    dw 6, 0
    dd 8

    align 8
    ; framebuffer tag, optional: no preferred mode
    dw 5, 1
    dd 20
    dd 0, 0, 0

    align 8
    ; end tag
    dw 0, 0
    dd 8
mb2_header_end:
