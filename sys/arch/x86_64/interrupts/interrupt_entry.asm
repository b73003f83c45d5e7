; One stub per vector: each pushes a uniform frame (see frame.h) and calls
; interrupt_dispatch. Exceptions without an error code push a zero so every
; frame has the same shape.

extern interrupt_dispatch

%include "sys/arch/x86_64/interrupts/frame.inc"

section .text
bits 64

%macro STUB_WITH_ERROR_CODE 1
isr_stub_%1:
    push qword %1
    jmp interrupt_common
%endmacro

%macro STUB_WITHOUT_ERROR_CODE 1
isr_stub_%1:
    push qword 0
    push qword %1
    jmp interrupt_common
%endmacro

; Vectors whose exceptions push an error code (Intel SDM vol. 3, table 6-1).
%assign vector 0
%rep 256
  %if vector = 8 || vector = 10 || vector = 11 || vector = 12 || vector = 13 || vector = 14 || vector = 17 || vector = 21 || vector = 29 || vector = 30
    STUB_WITH_ERROR_CODE vector
  %else
    STUB_WITHOUT_ERROR_CODE vector
  %endif
  %assign vector vector + 1
%endrep

interrupt_common:
    ; Coming from user mode, switch to the kernel's GS base.
    test qword [rsp + 24], 3
    jz .from_kernel_entry
    swapgs
.from_kernel_entry:
    PUSH_GENERAL_REGISTERS
    cld
    mov rdi, rsp
    call interrupt_dispatch
global interrupt_return
interrupt_return:
    POP_GENERAL_REGISTERS
    add rsp, 16                         ; vector and error code
    test qword [rsp + 8], 3
    jz .to_kernel
    swapgs
.to_kernel:
    iretq

section .rodata
align 8
global isr_stub_table
isr_stub_table:
%assign vector 0
%rep 256
    dq isr_stub_ %+ vector
  %assign vector vector + 1
%endrep
