/* ld-elf's entry. The kernel enters here (the program's PT_INTERP) with the
 * program's initial stack: argc, argv, envp, auxv. ldelf_start loads and
 * links everything and returns the program's entry point; the program is
 * then entered with the stack exactly as the kernel left it and, as the
 * psABI says, %rdx holding a function for its exit to call: ld-elf's
 * finalizer of every loaded object. No relocations here either. */
    .text
    .globl _start
    .hidden _start
    .type _start, @function
_start:
    movq %rsp, %r12
    movq %rsp, %rdi
    andq $-16, %rsp
    call ldelf_start
    movq %r12, %rsp
    leaq ldelf_fini(%rip), %rdx
    xorl %ebp, %ebp
    jmpq *%rax
    .size _start, . - _start

    .section .note.GNU-stack, "", @progbits
