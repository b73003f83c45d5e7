; Switching kernel stacks between threads. Only the callee-saved registers
; need saving: the switch is an ordinary function call for the compiler.

section .text
bits 64

; void switch_context(uint64_t* save_rsp, uint64_t load_rsp)
global switch_context
switch_context:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; The first "return" of a new thread lands here with the thread's start
; function in r12 and its argument in r13 (see arch::prepare_thread_stack).
extern thread_start_hook
global thread_trampoline
thread_trampoline:
    xor ebp, ebp
    mov rdi, r12
    mov rsi, r13
    call thread_start_hook
    ud2
