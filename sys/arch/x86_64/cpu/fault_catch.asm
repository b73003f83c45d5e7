; setjmp/longjmp for arch::catch_fault. The exception handler resumes a
; faulting catch by returning into fault_catch_longjmp.

section .text
bits 64

global fault_catch_setjmp
fault_catch_setjmp:
    mov [rdi + 0], rbx
    mov [rdi + 8], rbp
    mov [rdi + 16], r12
    mov [rdi + 24], r13
    mov [rdi + 32], r14
    mov [rdi + 40], r15
    lea rax, [rsp + 8]                  ; the caller's stack after we return
    mov [rdi + 48], rax
    mov rax, [rsp]                      ; our return address
    mov [rdi + 56], rax
    xor eax, eax
    ret

global fault_catch_longjmp
fault_catch_longjmp:
    mov rbx, [rdi + 0]
    mov rbp, [rdi + 8]
    mov r12, [rdi + 16]
    mov r13, [rdi + 24]
    mov r14, [rdi + 32]
    mov r15, [rdi + 40]
    mov rsp, [rdi + 48]
    mov eax, 1
    jmp [rdi + 56]
