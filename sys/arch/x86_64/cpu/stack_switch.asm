section .text
bits 64

; rdi = new stack top, rsi = function, rdx = argument
global switch_stack_and_call
switch_stack_and_call:
    mov rsp, rdi
    xor ebp, ebp                        ; a new stack starts a new backtrace
    mov rdi, rdx
    call rsi
    ud2                                 ; the function must not return
