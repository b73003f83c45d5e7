; 32-bit protected mode entry from either multiboot loader, up to the first
; C++ function in the higher half. Needs no heap: the early page tables live
; in .bss.
;
; Early mapping (2 MiB pages):
;   identity   0 .. 4 GiB      so loader structures stay reachable by their
;                              32-bit physical addresses until paging is rebuilt
;   KERNEL_VMA + 0 .. 2 GiB    the kernel image and the low physical memory

%include "sys/arch/x86_64/boot/layout.inc"

extern kernel_entry

PAGE_PRESENT  equ 1 << 0
PAGE_WRITE    equ 1 << 1
PAGE_HUGE     equ 1 << 7

COM1          equ 0x3F8

section .boot.text progbits alloc exec nowrite align=16
bits 32

global boot_entry32
boot_entry32:
    cli
    cld
    mov edi, eax                        ; loader magic
    mov esi, ebx                        ; loader information (physical)
    mov esp, boot_stack_top - KERNEL_VMA

    ; Long mode is the one thing we cannot do without.
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .no_long_mode
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29
    jz .no_long_mode
    mov ebp, edx                        ; keep the extended features (NX is bit 20)

    ; PML4: slot 0 for the identity map, slot 511 for the kernel window.
    mov eax, pdpt_low - KERNEL_VMA
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [pml4 - KERNEL_VMA], eax
    mov eax, pdpt_high - KERNEL_VMA
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [pml4 - KERNEL_VMA + 511 * 8], eax

    ; Four page directories cover 4 GiB.
    xor ecx, ecx
.fill_pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, page_directories - KERNEL_VMA
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [pdpt_low - KERNEL_VMA + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jb .fill_pdpt

    ; KERNEL_VMA is PML4 511, PDPT 510: the first two directories again.
    mov eax, page_directories - KERNEL_VMA
    or eax, PAGE_PRESENT | PAGE_WRITE
    mov [pdpt_high - KERNEL_VMA + 510 * 8], eax
    add eax, 4096
    mov [pdpt_high - KERNEL_VMA + 511 * 8], eax

    ; 2048 entries of 2 MiB each; the high half of each entry stays zero
    ; except for the bits above 4 GiB, which we never reach here.
    xor ecx, ecx
.fill_pd:
    mov eax, ecx
    shl eax, 21
    or eax, PAGE_PRESENT | PAGE_WRITE | PAGE_HUGE
    mov [page_directories - KERNEL_VMA + ecx * 8], eax
    inc ecx
    cmp ecx, 2048
    jb .fill_pd

    mov eax, pml4 - KERNEL_VMA
    mov cr3, eax

    mov eax, cr4
    or eax, 1 << 5                      ; PAE
    mov cr4, eax

    mov ecx, 0xC0000080                 ; EFER
    rdmsr
    or eax, 1 << 8                      ; long mode enable
    test ebp, 1 << 20
    jz .no_nx
    or eax, 1 << 11                     ; no-execute enable
.no_nx:
    wrmsr

    mov eax, cr0
    or eax, (1 << 31) | (1 << 16)       ; paging, write protect in ring 0
    mov cr0, eax

    lgdt [boot_gdt_pointer - KERNEL_VMA]
    jmp 0x08:(long_mode_entry - KERNEL_VMA)

.no_long_mode:
    mov esi, no_long_mode_message - KERNEL_VMA
.print:
    lodsb
    test al, al
    jz .halt
    mov dx, COM1
    out dx, al
    jmp .print
.halt:
    hlt
    jmp .halt

bits 64
long_mode_entry:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rax, higher_half_entry
    jmp rax

section .rodata
no_long_mode_message:
    db "banos: this CPU has no 64-bit long mode; cannot boot", 13, 10, 0

align 16
boot_gdt:
    dq 0
    dq 0x00AF9A000000FFFF               ; 0x08: 64-bit ring 0 code
    dq 0x00CF92000000FFFF               ; 0x10: ring 0 data
boot_gdt_end:

boot_gdt_pointer:
    dw boot_gdt_end - boot_gdt - 1
    dd boot_gdt - KERNEL_VMA

section .text
higher_half_entry:
    mov rsp, boot_stack_top
    xor ebp, ebp                        ; ends the backtrace chain
    ; edi = loader magic, esi = loader information (both zero-extended)
    call kernel_entry
.hang:
    cli
    hlt
    jmp .hang

section .bss
align 4096
global boot_pml4
pml4:
boot_pml4:
    resb 4096
pdpt_low:
    resb 4096
pdpt_high:
    resb 4096
page_directories:
    resb 4096 * 4

align 16
global boot_stack_bottom, boot_stack_top
boot_stack_bottom:
    resb 16384
boot_stack_top:
