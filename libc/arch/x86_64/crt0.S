/* _start: the program's entry point.
 *
 * The kernel enters here with the System V x86_64 initial stack:
 *   (%rsp)            argc
 *   8(%rsp)           argv[0] ... argv[argc - 1], NULL
 *   then              envp[0] ... NULL
 *   then              auxv: (type, value) pairs ... (AT_NULL, 0)
 * and %fs already holding the initial thread's TCB (errno and the stack
 * guard work from the first instruction). No other register is read.
 *
 * _start finds argv, envp and auxv, aligns the stack to 16 bytes, marks the
 * outermost frame (%rbp = 0) and calls
 *   __libc_start_main(argc, argv, envp, auxv, rtld_fini)
 * which relocates a static PIE, runs the constructors, calls main and exit.
 * Position independent: works in ET_EXEC and static PIE alike. */

    .cfi_sections .debug_frame

    .text
    .globl _start
    .type _start, @function
_start:
    .cfi_startproc
    .cfi_undefined rip
    xorl %ebp, %ebp
    movq %rdx, %r8                  /* rtld_fini */
    movq (%rsp), %rdi               /* argc */
    leaq 8(%rsp), %rsi              /* argv */
    leaq 8(%rsi,%rdi,8), %rdx       /* envp: past argv's NULL */
    movq %rdx, %rcx
1:  cmpq $0, (%rcx)                 /* auxv: past envp's NULL */
    leaq 8(%rcx), %rcx
    jne 1b
    andq $-16, %rsp
    call __libc_start_main
    ud2
    .cfi_endproc
    .size _start, . - _start

    .section .note.GNU-stack, "", @progbits
