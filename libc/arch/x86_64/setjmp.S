/* setjmp and longjmp (System V x86_64: the callee-saved registers rbx,
 * rbp, r12-r15, the stack pointer and the return address), and
 * sigsetjmp/siglongjmp, which also save and restore the signal mask.
 * Layout: struct __banos_jmp_buf in <setjmp.h>:
 *   0 rbx, 8 rbp, 16 r12, 24 r13, 32 r14, 40 r15, 48 rsp, 56 rip,
 *   64 mask_saved (int), 72 mask (8 bytes). */

    .text

/* Into the buffer at rdi: the callee-saved registers as the caller will
 * see them on return (rsp after popping the return address), and the
 * return address. Clobbers rdx. */
.macro save_registers
    movq %rbx, 0(%rdi)
    movq %rbp, 8(%rdi)
    movq %r12, 16(%rdi)
    movq %r13, 24(%rdi)
    movq %r14, 32(%rdi)
    movq %r15, 40(%rdi)
    leaq 8(%rsp), %rdx
    movq %rdx, 48(%rdi)
    movq (%rsp), %rdx
    movq %rdx, 56(%rdi)
.endm

/* int setjmp(jmp_buf env): the registers. */
    .globl setjmp, _setjmp
    .type setjmp, @function
    .type _setjmp, @function
setjmp:
_setjmp:
    movl $0, 64(%rdi)               /* no mask saved */
    save_registers
    xorl %eax, %eax
    ret
    .size setjmp, . - setjmp
    .size _setjmp, . - _setjmp

/* int sigsetjmp(sigjmp_buf env, int save_mask): the registers, then (in
 * C, reached by a jump so it returns straight to our caller)
 * __libc_sigsetjmp_mask(env, save_mask) records the mask and returns 0. */
    .globl sigsetjmp
    .type sigsetjmp, @function
sigsetjmp:
    save_registers
    jmp __libc_sigsetjmp_mask
    .size sigsetjmp, . - sigsetjmp

/* void longjmp(jmp_buf env, int value): back to setjmp's return, with
 * value (1 if it is 0). */
    .globl longjmp, _longjmp, __libc_restore_registers
    .hidden __libc_restore_registers
    .type longjmp, @function
    .type _longjmp, @function
longjmp:
_longjmp:
__libc_restore_registers:
    movl %esi, %eax
    testl %eax, %eax
    jnz 1f
    incl %eax
1:  movq 0(%rdi), %rbx
    movq 8(%rdi), %rbp
    movq 16(%rdi), %r12
    movq 24(%rdi), %r13
    movq 32(%rdi), %r14
    movq 40(%rdi), %r15
    movq 48(%rdi), %rsp
    jmpq *56(%rdi)
    .size longjmp, . - longjmp
    .size _longjmp, . - _longjmp

    .section .note.GNU-stack, "", @progbits
