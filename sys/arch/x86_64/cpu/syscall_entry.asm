; The `syscall` entry. The CPU leaves the user's rip in rcx and rflags in
; r11 and masks interrupts (FMASK). We switch to the thread's kernel stack
; and build the same frame an interrupt builds (frame.h), so every path
; back to user mode - sysret, iret, signal delivery - sees one layout.

%define USER_DATA 0x1b
%define USER_CODE 0x23
%define SYSCALL_VECTOR 0x100

extern syscall_dispatch
extern interrupt_return

%include "sys/arch/x86_64/interrupts/frame.inc"

section .text
bits 64

global syscall_entry
syscall_entry:
    swapgs
    mov [gs:8], rsp                     ; Cpu::user_rsp_scratch
    mov rsp, [gs:16]                    ; Cpu::kernel_rsp
    push qword USER_DATA                ; ss
    push qword [gs:8]                   ; rsp
    push r11                            ; rflags
    push qword USER_CODE                ; cs
    push rcx                            ; rip
    push qword 0                        ; error code
    push qword SYSCALL_VECTOR
    PUSH_GENERAL_REGISTERS
    cld
    mov rdi, rsp
    call syscall_dispatch
    ; Back to user mode. sysret is iretq's fast twin when the frame holds
    ; what sysret restores: rcx = rip and r11 = rflags (as `syscall` left
    ; them), the user code and stack selectors, and a lower-half rip (a
    ; non-canonical one would fault in ring 0). Anything else - a signal
    ; handler's entry, the registers sigreturn restores, a restarted call -
    ; leaves through iretq, which restores every register.
    mov rcx, [rsp + 17 * 8]             ; frame.rip
    cmp rcx, [rsp + 12 * 8]             ; frame.rcx
    jne .use_iret
    mov r11, [rsp + 19 * 8]             ; frame.rflags
    cmp r11, [rsp + 4 * 8]              ; frame.r11
    jne .use_iret
    shr rcx, 47
    jnz .use_iret                       ; not a lower-half (user) address
    cmp qword [rsp + 18 * 8], USER_CODE ; frame.cs
    jne .use_iret
    cmp qword [rsp + 21 * 8], USER_DATA ; frame.ss
    jne .use_iret
    POP_GENERAL_REGISTERS
    add rsp, 16                         ; vector and error code
    pop rcx                             ; rip
    add rsp, 8                          ; cs
    pop r11                             ; rflags
    cli                                 ; no interrupt between the stack switch and sysret
    pop rsp                             ; user rsp
    swapgs
    o64 sysret
.use_iret:
    jmp interrupt_return

; [[noreturn]] void enter_user_mode_with_frame(const InterruptFrame* frame)
; Copies the frame onto this thread's kernel stack and returns through it.
global enter_user_mode_with_frame
enter_user_mode_with_frame:
    mov rsp, [gs:16]
    sub rsp, 22 * 8
    mov rsi, rdi
    mov rdi, rsp
    mov rcx, 22
    rep movsq
    jmp interrupt_return
